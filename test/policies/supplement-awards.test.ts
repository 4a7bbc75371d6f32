import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApplication, previewApplication } from "../../src/applications/applications.ts";
import { awardApplication } from "../../src/applications/award-application.ts";
import { casePublicity } from "../../src/applications/case-publicity.ts";
import { addEvidence } from "../../src/applications/evidence.ts";
import { createPublicityBatch } from "../../src/applications/publish-cases.ts";
import { transitionApplication } from "../../src/applications/transition-application.ts";
import { setBudget } from "../../src/budgets/budgets.ts";
import type { Context } from "../../src/context.ts";
import { closePublicity } from "../../src/jobs/close-due-publicity.ts";
import { verifyLedger } from "../../src/ledger/verify-ledger.ts";
import type { PolicyStore } from "../../src/policies/policy-store.ts";
import { publishPack } from "../../src/policies/publish-pack.ts";
import { simulatePack } from "../../src/policies/simulate-pack.ts";
import { uploadPack } from "../../src/policies/upload-pack.ts";
import { fileObjection } from "../../src/publicity/file-objection.ts";
import { resolveObjection } from "../../src/publicity/resolve-objection.ts";
import { PUBLICITY_SUBJECTS } from "../../src/publicity-subjects.ts";
import { DIALECTS, freshDatabase, type TestDatabase } from "../helpers/db.ts";
import { buildWorld, demoPdf, type World } from "../helpers/world.ts";
import { newKey, TestClock } from "../integration/support-money.ts";
import { storeContext } from "./support.ts";

/**
 * A county's supporting pack (四（三）) pays its part of a case from the county's budget. The
 * fixture is the 温岭市 test pack given to 椒江区 (whose city items the city pays): 1.1.g stacks
 * 100,000 on the city's 200,000; 2.1.c makes up 150,000 over the city's 100,000 (50,000);
 * 2.1.d's 100,000 is covered by the city's 150,000 (nothing more).
 */

const JIAOJIANG = "椒江区";
const PACK = readFileSync("test/fixtures/packs/wenling-supplement.yaml", "utf8")
  .replaceAll("温岭市", JIAOJIANG)
  .replace("test-wenling-supplement-2024", "test-jiaojiang-supplement-2024");
const PACK_ID = "test-jiaojiang-supplement-2024";

describe.each(DIALECTS)("a county's supporting awards (%s)", (dialect) => {
  let db: TestDatabase;
  let ctx: Context;
  let store: PolicyStore;
  let world: World;
  const clock = new TestClock(new Date("2024-06-03T02:00:00Z"));
  const cases: Record<"pin" | "local" | "zhejiang" | "objected", string> = {
    pin: "",
    local: "",
    zhejiang: "",
    objected: "",
  };

  beforeAll(async () => {
    db = await freshDatabase(dialect);
    ({ ctx, store } = await storeContext(db, clock.now));
    world = await buildWorld(ctx);
    const county = world.users.countyY.actor;
    const draft = await uploadPack(ctx, county, PACK);
    await publishPack(ctx, county, {
      ref: draft.id,
      effective: "2024-01-01",
      version: draft.version,
    });
    await store.refresh(db.handle.db);
  });
  afterAll(async () => {
    await db.cleanup();
  });

  async function approvedCase(
    item: string,
    subject: string,
    facts: Record<string, string | number | boolean> = {},
  ) {
    const { entB: ent, countyY: county, city } = world.users;
    const app = await createApplication(ctx, ent.actor, {
      item,
      subject,
      project: null,
      eventDate: "2024-05-01",
      facts,
    });
    await addEvidence(ctx, ent.actor, app.id, { filename: "a.pdf", data: demoPdf("证明") });
    await transitionApplication(ctx, ent.actor, app.id, "submit", null);
    await transitionApplication(ctx, county.actor, app.id, "accept", null);
    await transitionApplication(ctx, county.actor, app.id, "approve", null);
    await transitionApplication(ctx, city.actor, app.id, "approve", null);
    return app.id;
  }

  const supplementGrants = () =>
    db.handle.db
      .selectFrom("supplement_grants")
      .select(["application_id", "policy_id", "amount", "combine"])
      .execute();
  const awardsOf = (id: string) =>
    db.handle.db
      .selectFrom("awards")
      .select(["amount", "source", "policy_id", "supporting", "state"])
      .where("application_id", "=", id)
      .orderBy("supporting")
      .execute()
      .then((rows) => rows.map((r) => ({ ...r, amount: Number(r.amount) })));
  const budget = (source: string) =>
    db.handle.db
      .selectFrom("budgets")
      .select(["total", "reserved", "paid"])
      .where("year", "=", 2024)
      .where("source", "=", source)
      .executeTakeFirst()
      .then(
        (b) => b && { total: Number(b.total), reserved: Number(b.reserved), paid: Number(b.paid) },
      );

  it("the case page's preview gives the county's decision beside the city's", async () => {
    const { entB } = world.users;
    const app = await createApplication(ctx, entB.actor, {
      item: "2.1.c",
      subject: "省级地方标准 DB33/T 9001",
      project: null,
      eventDate: "2024-05-01",
      facts: {},
    });
    cases.local = app.id;
    const preview = await previewApplication(ctx, entB.actor, app.id);
    expect([preview.amountYuan, preview.fundingSource]).toEqual([100_000, "city"]);
    expect(preview.supplements).toHaveLength(1);
    expect(preview.supplements[0]?.policy).toMatchObject({ id: PACK_ID, jurisdiction: JIAOJIANG });
    expect(preview.supplements[0]?.decision).toMatchObject({
      status: "partial",
      amountYuan: 50_000,
      fundingSource: "county",
      combine: "higher",
      cityAmountYuan: 100_000,
    });
    expect(preview.supplements[0]?.decision.reasons.at(-1)?.code).toBe("covered_by_city");
  });

  it("a final approval grants the county's part beside the city's; a covered top-up grants nothing", async () => {
    const { entB, countyY, city } = world.users;
    cases.pin = await approvedCase("1.1.g", "品字标证书 ZJ-0001", {
      municipalFiling: true,
      certificate: "first",
    });
    await addEvidence(ctx, entB.actor, cases.local, { filename: "a.pdf", data: demoPdf("证明") });
    await transitionApplication(ctx, entB.actor, cases.local, "submit", null);
    await transitionApplication(ctx, countyY.actor, cases.local, "accept", null);
    await transitionApplication(ctx, countyY.actor, cases.local, "approve", null);
    await transitionApplication(ctx, city.actor, cases.local, "approve", null);
    cases.zhejiang = await approvedCase("2.1.d", "浙江制造标准 T/ZZB 9001");
    cases.objected = await approvedCase("1.1.g", "品字标证书 ZJ-0002", {
      municipalFiling: true,
      certificate: "re-evaluation",
    });

    const grants = await supplementGrants();
    expect(
      Object.fromEntries(grants.map((g) => [g.application_id, [g.policy_id, g.amount, g.combine]])),
    ).toEqual({
      [cases.pin]: [PACK_ID, 100_000, "stack"],
      [cases.local]: [PACK_ID, 50_000, "higher"],
      [cases.objected]: [PACK_ID, 100_000, "stack"],
    });
    // The audit entry of the step that granted it records the county's decision with the city's.
    const audit = await db.handle.db
      .selectFrom("audit_log")
      .select("after")
      .where("target_id", "=", cases.local)
      .where("action", "=", "application.approve")
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after ?? "{}")).toMatchObject({
      amount: 100_000,
      supplements: [{ policy: PACK_ID, amount: 50_000 }],
    });
  });

  it("an upheld objection frees the county's grant with the city's", async () => {
    const { city } = world.users;
    const batch = await createPublicityBatch(ctx, city.actor, {
      title: "2024年第一批质量奖励公示",
      startDate: "2024-06-03",
      workingDays: 5,
      applicationIds: [cases.pin, cases.local, cases.zhejiang, cases.objected],
    });
    const objection = await fileObjection(
      ctx,
      PUBLICITY_SUBJECTS.awards,
      batch.id,
      { subjectId: cases.objected, name: "王五", contact: "13900001111", reason: "证书有误" },
      null,
    );
    await resolveObjection(ctx, city.actor, PUBLICITY_SUBJECTS.awards, objection.id, {
      outcome: "upheld",
      resolution: "经核实",
    });
    const left = (await supplementGrants()).map((g) => g.application_id);
    expect(left).not.toContain(cases.objected);
    expect(left).toHaveLength(2);
    // The public list shows the county's part beside the city's amount.
    const listed = await casePublicity.listPublic(ctx, batch.id);
    expect(
      Object.fromEntries(listed.map((e) => [e.applicationId, [e.amount, e.countyAmount]])),
    ).toEqual({
      [cases.pin]: [200_000, 100_000],
      [cases.local]: [100_000, 50_000],
      [cases.zhejiang]: [150_000, 0],
      [cases.objected]: [200_000, 0],
    });
  });

  it("the close awards each case's parts together: one budget short and the whole case waits", async () => {
    // 椒江区 has 120,000 for 2024: the 品字标 top-up (100,000) fits, the 2.1.c difference
    // (50,000) then does not, so that case waits with no part reserved, the city's included.
    await setBudget(ctx, null, { year: 2024, source: JIAOJIANG, total: 120_000 }, newKey());
    clock.setBeijing("2024-06-12");
    const summary = await closePublicity(ctx);
    expect(summary.awarded).toBe(2);

    expect(await awardsOf(cases.pin)).toEqual([
      {
        amount: 200_000,
        source: "city",
        policy_id: "taizhou-quality-2023",
        supporting: 0,
        state: "reserved",
      },
      { amount: 100_000, source: JIAOJIANG, policy_id: PACK_ID, supporting: 1, state: "reserved" },
    ]);
    expect(await awardsOf(cases.zhejiang)).toEqual([
      {
        amount: 150_000,
        source: "city",
        policy_id: "taizhou-quality-2023",
        supporting: 0,
        state: "reserved",
      },
    ]);
    expect(await awardsOf(cases.local)).toEqual([]);
    const entry = await db.handle.db
      .selectFrom("publicity_entries")
      .select(["outcome", "note"])
      .where("application_id", "=", cases.local)
      .executeTakeFirstOrThrow();
    expect(entry.outcome).toBe("waiting_budget");
    expect(entry.note).toContain("椒江区财政剩余 20000 元");
    expect(entry.note).toContain("50000 元");
    expect(await budget("city")).toMatchObject({ reserved: 350_000 });
    expect(await budget(JIAOJIANG)).toEqual({ total: 120_000, reserved: 100_000, paid: 0 });
  });

  it("once the county's budget is raised, the waiting case is awarded whole from both budgets", async () => {
    const { city } = world.users;
    await setBudget(ctx, null, { year: 2024, source: JIAOJIANG, total: 150_000 }, newKey());
    const award = await awardApplication(ctx, city.actor, cases.local, newKey());
    // The command answers with the city's award; the county's is beside it.
    expect([award.amount, award.source]).toEqual([100_000, "city"]);
    expect(await awardsOf(cases.local)).toEqual([
      {
        amount: 100_000,
        source: "city",
        policy_id: "taizhou-quality-2023",
        supporting: 0,
        state: "reserved",
      },
      { amount: 50_000, source: JIAOJIANG, policy_id: PACK_ID, supporting: 1, state: "reserved" },
    ]);
    expect(await budget("city")).toMatchObject({ reserved: 450_000 });
    expect(await budget(JIAOJIANG)).toEqual({ total: 150_000, reserved: 150_000, paid: 0 });
    const check = await verifyLedger(db.handle.db);
    expect(check.problems).toEqual([]);
  });

  it("tries a county's draft on its own organizations' claims, against its budget", async () => {
    const county = world.users.countyY.actor;
    // The pack in force, tried again: the same figures, a difference of 0.
    const same = await simulatePack(ctx, county, { source: PACK });
    expect(same.claims).toBe(4);
    // 1.1.g twice stacked (2 × 100,000), 2.1.c's difference 50,000, 2.1.d covered by the city.
    expect(same.baseline.totalYuan).toBe(250_000);
    expect([same.draft.totalYuan, same.deltaYuan]).toEqual([250_000, 0]);
    expect(same.draft.bySource).toEqual({ city: 0, county: 250_000 });
    expect(same.county).toEqual({ name: JIAOJIANG, budgetByYear: { "2024": 150_000 } });

    // A draft: the 品字标 top-up down to 80,000, 2.1.c up to 200,000 (the city pays 100,000).
    const draft = PACK.replace(
      'amount: [{ from: "2024-01-01", value: 100000, ref: 第三条 }]',
      'amount: [{ from: "2024-01-01", value: 80000, ref: 第三条 }]',
    ).replace(
      'amount: [{ from: "2024-01-01", value: 150000, ref: 第四条 }]',
      'amount: [{ from: "2024-01-01", value: 200000, ref: 第四条 }]',
    );
    expect(draft).not.toBe(PACK);
    const run = await simulatePack(ctx, county, { source: draft });
    expect(run.draft.totalYuan).toBe(2 * 80_000 + 100_000);
    expect(run.deltaYuan).toBe(10_000);
    expect(run.draft.byItem).toEqual({
      "1.1.g": { count: 2, amountYuan: 160_000 },
      "2.1.c": { count: 1, amountYuan: 100_000 },
    });
    expect(Object.keys(run.draft.byCounty)).toEqual([JIAOJIANG]);
    expect(run.draft.byYear["2024"]).toEqual({ count: 3, amountYuan: 260_000, cityYuan: 0 });
  });

  it("leaves other counties' claims out of a county's what-if", async () => {
    const { entA } = world.users;
    const app = await createApplication(ctx, entA.actor, {
      item: "1.1.g",
      subject: "品字标证书 LH-0001",
      project: null,
      eventDate: "2024-05-01",
      facts: { municipalFiling: true, certificate: "first" },
    });
    await addEvidence(ctx, entA.actor, app.id, { filename: "a.pdf", data: demoPdf("证明") });
    await transitionApplication(ctx, entA.actor, app.id, "submit", null);
    const run = await simulatePack(ctx, world.users.countyY.actor, { source: PACK });
    expect(run.claims).toBe(4);
  });
});
