import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { STORAGE } from "../../src/lifecycle/machines.ts";

/**
 * No state column is written outside the one writer (src/lifecycle/): a scan of the source for a
 * Kysely `.set({...})` or `.values({...})` that names a state column, and for raw SQL that sets
 * one. The migrations (which create and backfill the columns) are the only other place allowed.
 */
const SRC = fileURLToPath(new URL("../../src", import.meta.url));
const STATE_COLUMNS = [...new Set(Object.values(STORAGE).map((s) => s.stateColumn))];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

/** The places in `text` that write a state column, as "line: excerpt". */
function stateWrites(text: string): string[] {
  const found: string[] = [];
  const columns = STATE_COLUMNS.join("|");
  const patterns = [
    // .set({ ... state: ... }) / .values({ ... outcome: ... }) within the call's first object
    new RegExp(
      `\\.(set|values)\\(\\s*(\\([^)]*\\)\\s*=>\\s*\\(?)?\\{[^}]*\\b(${columns})\\s*[:,}]`,
      "g",
    ),
    // raw SQL: update … set state = …
    new RegExp(`\\bset\\s+(${columns})\\s*=`, "gi"),
  ];
  for (const pattern of patterns) {
    for (const m of text.matchAll(pattern)) {
      const line = text.slice(0, m.index).split("\n").length;
      found.push(`${line}: ${m[0].replace(/\s+/g, " ").slice(0, 80)}`);
    }
  }
  return found;
}

describe("state columns", () => {
  it("the scan finds the writes it looks for", () => {
    expect(STATE_COLUMNS).toEqual(expect.arrayContaining(["state", "outcome"]));
    expect(stateWrites('trx.updateTable("awards").set({ state: "paid" })')).toHaveLength(1);
    expect(stateWrites(".set({ paid_on: d, state })")).toHaveLength(1);
    expect(stateWrites(".set((eb) => ({ allocated: eb(1), state: 'x' }))")).toHaveLength(1);
    expect(stateWrites(".values({ batch_id: b, outcome: null, note: null })")).toHaveLength(1);
    expect(stateWrites("sql`update awards set state = 'paid'`")).toHaveLength(1);
    expect(stateWrites('.set({ bank_account_id: id }).where("state", "=", "reserved")')).toEqual(
      [],
    );
  });

  it("are written only by the one writer and the migrations", () => {
    const offenders = sources(SRC)
      .map((path) => relative(SRC, path))
      .filter((file) => !file.startsWith("lifecycle/") && !file.startsWith("db/migrations/"))
      .flatMap((file) =>
        stateWrites(readFileSync(join(SRC, file), "utf8")).map((w) => `${file}:${w}`),
      );
    expect(offenders).toEqual([]);
  });
});
