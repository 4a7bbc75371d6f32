import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STATES } from "../../src/applications/states.ts";
import { verifyAuditChain } from "../../src/audit/audit-log.ts";
import type { Context } from "../../src/context.ts";
import { fillDemo } from "../../src/demo/demo.ts";
import { CITY_SCALE, type CitySummary, fillCity } from "../../src/demo/demo-city.ts";
import { verifyLedger } from "../../src/ledger/verify-ledger.ts";
import { contextFor, DIALECTS, freshDatabase, type TestDatabase } from "../helpers/db.ts";

/**
 * `qi demo --scale city` at a small size: the city's years go through the product's own use
 * cases, so the audit chain and the ledger verify, every state of a case is reached, awards are
 * paid in batches and some taken back, and the figures the command prints are the database's.
 */
const QI = join(import.meta.dirname, "../../bin/qi.js");

describe.each(DIALECTS)("the city-scale data set (%s)", (dialect) => {
  let db: TestDatabase;
  let ctx: Context;
  let summary: CitySummary;

  beforeAll(async () => {
    db = await freshDatabase(dialect);
    ctx = contextFor(db);
    await fillDemo(ctx);
    summary = await fillCity(ctx, {
      ...CITY_SCALE,
      organizations: 300,
      accounts: 60,
      applications: 700,
    });
  }, 300_000);

  afterAll(async () => {
    await db?.cleanup();
  });

  it("keeps the audit chain and the ledger whole", async () => {
    const chain = await verifyAuditChain(ctx.database.db);
    expect(chain.ok, JSON.stringify(chain)).toBe(true);
    const ledger = await verifyLedger(ctx.database.db);
    expect(ledger.problems).toEqual([]);
    expect(ledger.ok).toBe(true);
  });

  it("reaches every state of a case, and pays, fails and takes back awards", async () => {
    const d = ctx.database.db;
    for (const state of STATES) expect(summary.states[state] ?? 0, state).toBeGreaterThan(0);
    const count = async (table: "organizations" | "applications" | "awards") =>
      Number(
        (
          await d
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    // The demo's own ten organizations and thirty cases, then the city's.
    expect(summary.organizations).toBe(await count("organizations"));
    expect(summary.organizations).toBeGreaterThanOrEqual(310);
    expect(summary.applications).toBe(await count("applications"));
    expect(summary.applications).toBeGreaterThanOrEqual(730);
    expect(summary.awards).toBe(await count("awards"));
    expect(summary.awards).toBeGreaterThan(400);
    const awardStates = await d
      .selectFrom("awards")
      .select(["state", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("state")
      .execute();
    const byState = Object.fromEntries(awardStates.map((a) => [a.state, Number(a.n)]));
    expect(byState.paid).toBe(summary.paid);
    expect(summary.paid).toBeGreaterThan(summary.awards / 2);
    const lines = await d
      .selectFrom("payment_lines")
      .select(["state", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("state")
      .execute();
    expect(lines.map((l) => l.state).sort()).toContain("paid");
    // Publicity batches every two weeks, closed when their period ended, and objections decided.
    expect(summary.batches).toBeGreaterThan(50);
    const objections = await d.selectFrom("objections").select("state").execute();
    expect(new Set(objections.map((o) => o.state))).toEqual(
      new Set(["upheld", "dismissed", "open"]),
    );
    const runs = await d.selectFrom("assessment_runs").select("year").execute();
    expect(new Set(runs.map((r) => r.year))).toEqual(new Set([2023, 2024, 2025, 2026]));
  });
});

describe("qi demo --scale", () => {
  const dir = mkdtempSync(join(os.tmpdir(), "qi-scale-cli-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses a bad scale or size, naming it, and writes nothing", () => {
    for (const [args, field] of [
      [["--scale", "town"], "--scale"],
      [["--scale", "city", "--organizations", "0"], "--organizations"],
      [["--scale", "city", "--applications", "12x"], "--applications"],
      [["--organizations", "500"], "--organizations"],
    ] as const) {
      const run = spawnSync(process.execPath, [QI, "demo", ...args], {
        env: { ...process.env, QI_DATA_DIR: dir, DATABASE_URL: "" },
        encoding: "utf8",
      });
      expect(run.status, args.join(" ")).not.toBe(0);
      expect(run.stderr, args.join(" ")).toContain(field);
      const users = spawnSync(process.execPath, [QI, "verify"], {
        env: { ...process.env, QI_DATA_DIR: dir, DATABASE_URL: "" },
        encoding: "utf8",
      });
      // Nothing was filled: the audit log holds no entry.
      expect(users.stdout).toContain("审计日志完整：0 条记录");
    }
  });
});
