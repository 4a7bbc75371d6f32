import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calculate } from "../../src/calculate/calculate.ts";
import type { Context } from "../../src/context.ts";
import { comparePack } from "../../src/policies/compare-pack.ts";
import { listPacks } from "../../src/policies/list-packs.ts";
import type { PolicyStore } from "../../src/policies/policy-store.ts";
import { publishPack } from "../../src/policies/publish-pack.ts";
import { simulatePack } from "../../src/policies/simulate-pack.ts";
import { uploadPack } from "../../src/policies/upload-pack.ts";
import { DIALECTS, freshDatabase, type TestDatabase } from "../helpers/db.ts";
import { official, placeCase, placeOrganization, storeContext } from "./support.ts";

/**
 * Policy succession as data, on both databases: the bundled 2023 pack seeded as published, a
 * made-up successor (test/fixtures/packs/successor-2026b.yaml: 1.1.g 250000, 2.3.a 1200000, the
 * 品字标 cap 600000, 1.3.b removed, 1.4.a added, 临海市 city-funded) uploaded, compared, tried on
 * historical claims with hand-computed figures, and published; claims on the last day of the old
 * pack, the first of the new one and in a gap.
 */

const SUCCESSOR = readFileSync("test/fixtures/packs/successor-2026b.yaml", "utf8");
const BUNDLED = readFileSync("src/packs/taizhou-quality-2023.yaml", "utf8");

const CITY = official();

const LINHAI = "临海市"; // county-funded under 2023, city-funded under the successor
const JIAOJIANG = "椒江区"; // city-funded under both

interface Fixture {
  readonly org: string;
  readonly item: string;
  readonly eventDate: string;
  readonly submittedAt: string;
  readonly facts?: Record<string, unknown>;
  readonly state?: string;
}

/**
 * The historical cases. Org A (临海市): two 品字标 certificates and a 自我声明 (the cap of 50万 is
 * reached exactly under 2023: 200k + 200k + 100k), and a 1.3.b the successor drops. Org B
 * (椒江区): 2.3.a, 2.1.c, and a 1.1.g dated in the gap after 2026-02-10; a withdrawn case and a
 * draft, which a what-if leaves out.
 */
const CASES: readonly Fixture[] = [
  {
    org: "A",
    item: "1.1.g",
    eventDate: "2025-05-01",
    submittedAt: "2025-05-10T10:00:00+08:00",
    facts: { municipalFiling: true, certificate: "first" },
  },
  {
    org: "A",
    item: "1.1.g",
    eventDate: "2025-09-01",
    submittedAt: "2025-09-10T10:00:00+08:00",
    facts: { municipalFiling: true, certificate: "first" },
  },
  {
    org: "A",
    item: "1.1.h",
    eventDate: "2025-10-01",
    submittedAt: "2025-10-10T10:00:00+08:00",
    facts: { municipalFiling: true },
  },
  { org: "A", item: "1.3.b", eventDate: "2025-03-01", submittedAt: "2025-03-05T10:00:00+08:00" },
  { org: "B", item: "2.3.a", eventDate: "2024-08-01", submittedAt: "2024-08-05T10:00:00+08:00" },
  { org: "B", item: "2.1.c", eventDate: "2024-11-01", submittedAt: "2024-11-02T10:00:00+08:00" },
  {
    org: "B",
    item: "1.1.g",
    eventDate: "2026-03-01",
    submittedAt: "2026-03-05T10:00:00+08:00",
    facts: { municipalFiling: true, certificate: "first" },
  },
  {
    org: "B",
    item: "2.1.c",
    eventDate: "2024-12-01",
    submittedAt: "2024-12-02T10:00:00+08:00",
    state: "withdrawn",
  },
  { org: "B", item: "2.1.c", eventDate: "2025-01-01", submittedAt: "", state: "draft" },
];

async function seedCases(db: TestDatabase): Promise<void> {
  const orgs: Record<string, { id: string; county: string }> = {};
  for (const [key, county] of [
    ["A", LINHAI],
    ["B", JIAOJIANG],
  ] as const) {
    const id = await placeOrganization(db, {
      uscc: `T0000000000000000${key}`,
      name: `测试企业${key}`,
      county,
    });
    orgs[key] = { id, county };
  }
  let n = 0;
  for (const c of CASES) {
    n += 1;
    const org = orgs[c.org] as { id: string; county: string };
    await placeCase(db, {
      number: `QI-T-${String(n).padStart(4, "0")}`,
      organizationId: org.id,
      county: org.county,
      item: c.item,
      subject: `对象 ${n}`,
      eventDate: c.eventDate,
      facts: c.facts ?? {},
      state: c.state ?? "submitted",
      submittedAt: c.submittedAt === "" ? null : new Date(c.submittedAt).toISOString(),
      submissionSeq: c.submittedAt === "" ? null : n,
    });
  }
}

describe.each(DIALECTS)("policy succession as data (%s)", (dialect) => {
  let db: TestDatabase;
  let store: PolicyStore;
  let ctx: Context;

  beforeAll(async () => {
    db = await freshDatabase(dialect);
    ({ ctx, store } = await storeContext(db, () => new Date("2026-12-03T02:00:00Z")));
    await seedCases(db);
  });
  afterAll(async () => {
    await db.cleanup();
  });

  it("seeds the bundled 2023 pack as published, governing 2023-02-11 to 2026-02-10", async () => {
    const packs = await listPacks(ctx, CITY);
    expect(packs.map((p) => [p.packId, p.revision, p.state, p.governs])).toEqual([
      ["taizhou-quality-2023", 1, "published", { start: "2023-02-11", end: "2026-02-10" }],
    ]);
  });

  it("says plainly that no policy governs a claim dated after 2026-02-10", () => {
    const answer = calculate(ctx.registry, {
      organization: { uscc: "91331082390996033J", name: "示例", county: LINHAI },
      claims: [
        {
          id: "gap",
          item: "1.3.b",
          subject: "s",
          eventDate: "2026-02-11",
          submittedAt: "2026-03-01T10:00:00+08:00",
          facts: {},
        },
      ],
    });
    expect(answer.ok).toBe(true);
    const decision = answer.ok ? answer.value.decisions[0] : undefined;
    expect(decision?.status).toBe("refused");
    expect(decision?.reasons[0]?.code).toBe("outside_validity");
    expect(decision?.reasons[0]?.message).toContain(
      "2026-02-11 起无有效政策：台州质量强市激励政策（2023）已于 2026-02-10 失效",
    );
  });

  it("diffs the successor against the pack in force: added, removed and changed items", async () => {
    const diff = await comparePack(ctx, CITY, SUCCESSOR);
    expect(diff.from.id).toBe("taizhou-quality-2023");
    expect(diff.added).toEqual(["1.4.a"]);
    expect(diff.removed).toEqual(["1.3.b"]);
    const changed = (item: string | null, field: string) =>
      diff.changed.find((c) => c.item === item && c.field === field);
    expect(changed("1.1.g", "amount")).toMatchObject({ from: 200000, to: 250000 });
    expect(changed("2.3.a", "amount")).toMatchObject({ from: 1000000, to: 1200000 });
    expect(changed(null, "caps.pinzibiao.limit")).toMatchObject({ from: 500000, to: 600000 });
    expect(changed(null, "funding.cityCounties")?.to).toContain(LINHAI);
  });

  it("tries the successor on the historical claims: figures as computed by hand", async () => {
    const run = await simulatePack(ctx, CITY, { source: SUCCESSOR });
    // Seven cases reached submission and were not withdrawn (the withdrawn one and the draft are out).
    expect(run.claims).toBe(7);
    // Under the packs that governed them: A 200k + 200k + 100k (cap 50万 reached) + 200k, all
    // paid by 临海市; B 1,000k + 100k by the city; B's gap claim refused.
    expect(run.baseline.totalYuan).toBe(1_800_000);
    expect(run.baseline.bySource).toEqual({ city: 1_100_000, county: 700_000 });
    expect(run.baseline.byCounty).toEqual({
      [LINHAI]: { count: 4, amountYuan: 700_000 },
      [JIAOJIANG]: { count: 2, amountYuan: 1_100_000 },
    });
    expect(run.baseline.byItem).toEqual({
      "1.1.g": { count: 2, amountYuan: 400_000 },
      "1.1.h": { count: 1, amountYuan: 100_000 },
      "1.3.b": { count: 1, amountYuan: 200_000 },
      "2.3.a": { count: 1, amountYuan: 1_000_000 },
      "2.1.c": { count: 1, amountYuan: 100_000 },
    });
    // As if the successor had governed them all: 1.1.g at 250k (cap 60万: 250 + 250 + 100), 1.3.b
    // gone, 2.3.a at 1,200k, the gap claim granted; 临海市 now city-funded.
    expect(run.draft.totalYuan).toBe(2_150_000);
    expect(run.draft.bySource).toEqual({ city: 2_150_000, county: 0 });
    expect(run.draft.byCounty).toEqual({
      [LINHAI]: { count: 3, amountYuan: 600_000 },
      [JIAOJIANG]: { count: 3, amountYuan: 1_550_000 },
    });
    expect(run.draft.byItem).toEqual({
      "1.1.g": { count: 3, amountYuan: 750_000 },
      "1.1.h": { count: 1, amountYuan: 100_000 },
      "2.3.a": { count: 1, amountYuan: 1_200_000 },
      "2.1.c": { count: 1, amountYuan: 100_000 },
    });
    expect(run.deltaYuan).toBe(350_000);
    expect(run.draft.byYear["2026"]).toEqual({ count: 1, amountYuan: 250_000, cityYuan: 250_000 });
    expect(run.cityFundBudget).toBe(20_000_000);
    // Only the run itself is written.
    const stored = await db.handle.db
      .selectFrom("policy_simulations")
      .select(["claims", "delta_yuan"])
      .where("id", "=", run.id)
      .executeTakeFirstOrThrow();
    expect([Number(stored.claims), Number(stored.delta_yuan)]).toEqual([7, 350_000]);
  });

  it("limits a what-if to an event-date range", async () => {
    const run = await simulatePack(ctx, CITY, { source: SUCCESSOR, from: "2025-01-01" });
    expect(run.claims).toBe(5);
    expect(run.baseline.totalYuan).toBe(700_000);
    expect(run.draft.totalYuan).toBe(850_000);
    expect(run.deltaYuan).toBe(150_000);
  });

  it("gives a difference of 0 for a draft identical to the governing pack", async () => {
    const run = await simulatePack(ctx, CITY, { source: BUNDLED, to: "2026-02-10" });
    expect(run.claims).toBe(6);
    expect(run.deltaYuan).toBe(0);
    expect(run.draft).toEqual(run.baseline);
  });

  it("refuses to publish with another effective date than the file's, and writes nothing", async () => {
    const draft = await uploadPack(ctx, CITY, SUCCESSOR);
    await expect(
      publishPack(ctx, CITY, { ref: draft.id, effective: "2026-03-01", version: 1 }),
    ).rejects.toMatchObject({ code: "invalid_field", field: "effective" });
    const states = (await listPacks(ctx, CITY)).map((p) => [p.packId, p.state]);
    expect(states).toEqual([
      ["taizhou-quality-2023", "published"],
      ["test-successor-2026b", "draft"],
    ]);
  });

  it("publishes the successor: the 2023 pack is repealed, and each day is decided by its pack", async () => {
    const draft = (await listPacks(ctx, CITY)).find((p) => p.state === "draft");
    const published = await publishPack(ctx, CITY, {
      ref: draft?.id as string,
      effective: "2026-02-11",
      version: draft?.version as number,
    });
    expect(published.repealed).toEqual(["taizhou-quality-2023#1"]);
    expect(await store.refresh(db.handle.db)).toBe(true);
    const claim = (id: string, eventDate: string) => ({
      id,
      item: "1.1.g",
      subject: `证书 ${id}`,
      eventDate,
      submittedAt: `${eventDate}T12:00:00+08:00`,
      facts: { municipalFiling: true, certificate: "first" },
    });
    const answer = calculate(ctx.registry, {
      organization: { uscc: "91331082390996033J", name: "示例", county: LINHAI },
      claims: [claim("last-old", "2026-02-10"), claim("first-new", "2026-02-11")],
    });
    if (!answer.ok) throw new Error("calculate refused");
    const [old, fresh] = answer.value.decisions;
    expect([old?.amountYuan, old?.fundingSource]).toEqual([200_000, "county"]);
    expect([fresh?.amountYuan, fresh?.fundingSource]).toEqual([250_000, "city"]);
    const packs = await listPacks(ctx, CITY);
    expect(packs.map((p) => [p.packId, p.state, p.governs])).toEqual([
      ["taizhou-quality-2023", "repealed", { start: "2023-02-11", end: "2026-02-10" }],
      ["test-successor-2026b", "published", { start: "2026-02-11", end: "2029-02-10" }],
    ]);
    // Nothing to refresh when nothing changed.
    expect(await store.refresh(db.handle.db)).toBe(false);
  });

  it("a set it cannot read (a newer format) leaves a process deciding with the set it has", async () => {
    const before = ctx.registry;
    await db.handle.db
      .insertInto("policy_packs")
      .values({
        id: randomUUID(),
        pack_id: "from-a-newer-release",
        revision: 1,
        title: "新格式政策",
        short_title: "新格式政策",
        jurisdiction: "台州市",
        effective: "2029-02-11",
        expires: "2032-02-10",
        source: "id: from-a-newer-release",
        content: JSON.stringify({ id: "from-a-newer-release", futureField: true }),
        sha256: "0",
        state: "published",
        created_by: "fixture",
        created_at: new Date().toISOString(),
        published_by: "fixture",
        published_at: new Date().toISOString(),
        version: 1,
      })
      .execute();
    expect(await store.refresh(db.handle.db)).toBe(false);
    expect(store.lastError).toMatch(/futureField/);
    expect(ctx.registry).toBe(before);
    // Not read again until the set changes again.
    expect(await store.refresh(db.handle.db)).toBe(false);
  });

  it("keeps what a published pack says: the database refuses to change or delete it", async () => {
    const row = await db.handle.db
      .selectFrom("policy_packs")
      .select("id")
      .where("pack_id", "=", "test-successor-2026b")
      .executeTakeFirstOrThrow();
    await expect(
      db.handle.db
        .updateTable("policy_packs")
        .set({ source: "id: changed" })
        .where("id", "=", row.id)
        .execute(),
    ).rejects.toThrow(/fixed/);
    await expect(
      db.handle.db.deleteFrom("policy_packs").where("id", "=", row.id).execute(),
    ).rejects.toThrow(/append-only/);
  });
});
