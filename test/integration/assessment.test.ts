import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultScheme } from "../../src/assessment/default-scheme.ts";
import { getRun } from "../../src/assessment/read-runs.ts";
import { runAssessment } from "../../src/assessment/run-assessment.ts";
import { saveScheme } from "../../src/assessment/save-scheme.ts";
import type { Indicator } from "../../src/assessment/scoring.ts";
import { verifyRun } from "../../src/assessment/verify-run.ts";
import type { DB } from "../../src/db/database.ts";
import { AppError } from "../../src/errors.ts";
import { COUNTIES } from "../../src/organizations/counties.ts";
import { addRecord } from "../../src/targets/add-record.ts";
import { targetPack } from "../../src/targets/target-pack.ts";
import { createUser } from "../../src/users/create-user.ts";
import type { ApiClient } from "../helpers/api.ts";
import { QI_BIN } from "../helpers/cli.ts";
import { DIALECTS } from "../helpers/db.ts";
import { buildWorld, PASSWORD, type World } from "../helpers/world.ts";
import {
  act,
  type Clients,
  caseIn,
  createDraft,
  expectErrorShape,
  loginAll,
  loginAs,
  type Movers,
  ok,
  unique,
} from "./support-access.ts";
import {
  beijing,
  type ClockedServer,
  keyed,
  startClockedServer,
  TestClock,
} from "./support-money.ts";

/**
 * The county assessment (四（一）) over real records and the real HTTP API, on every database:
 * values read from awards, target contributions, upheld objections, review decisions and values
 * entered by the city; versioned schemes; runs that reproduce and verify; refusals that write
 * nothing; who may read and who may manage.
 *
 * The records of 2024 (临海市 = org A, 椒江区 = org B):
 * - a1 (A, 1.2.a, 10万) and a2 (A, 2.1.a, 30万): submitted, decided by the county and approved on
 *   Mon 03-04, published 03-04 (one working day), awarded 03-06.
 * - d1 (A, 1.2.a): the same, but its award is cancelled by finance on 03-07 (not counted).
 * - b2 (B, 2.1.c): approved 03-04 and published; an objection is upheld on 03-05 (rejected).
 * - b1 (B, 1.2.a, 10万): submitted and accepted 03-04, approved by the county only on 03-19 (the
 *   10th working day after 03-04 is 03-18: late), published 03-19, awarded 03-21.
 * - c3 (A, 1.3.b): submitted 03-04, returned by the county on 03-25 (late), resubmitted 03-25,
 *   approved by the county on 04-09, the 10th working day after (清明 and its make-up Sunday
 *   counted): timely, as the period restarts at the resubmission.
 * - target records: 黄岩区 a national standard of 2024-02-10; 椒江区 one of 2023 (not in 2024).
 * So 临海市 has 4 timely county decisions of 5 (80%), 椒江区 1 of 2 (50%).
 * - manual values of 2024: 临海市 70 then 80 (the latest counts), 温岭市 100.
 * In 2025 (after the first runs) B gets one more award, which no 2024 run may see.
 */

const LOGIN_AT = beijing("2027-01-02", "12:00");
const YEAR = 2024;
const LINHAI = "临海市";
const JIAOJIANG = "椒江区";
const HUANGYAN = "黄岩区";
const WENLING = "温岭市";

/** The scheme v1 of the tests: every source kind and every rule. */
const SCHEME_V1: Indicator[] = [
  {
    id: "awards-count",
    name: "获奖励项目数",
    weight: 20,
    direction: "higher",
    rule: { kind: "relative" },
    source: { kind: "awards", measure: "count" },
  },
  {
    id: "award-amount",
    name: "获奖励金额",
    weight: 15,
    direction: "higher",
    rule: { kind: "relative" },
    source: { kind: "awards", measure: "amount" },
  },
  {
    id: "standards",
    name: "主导制修订标准",
    weight: 15,
    direction: "higher",
    rule: { kind: "threshold", threshold: "1" },
    source: { kind: "awards", measure: "count", items: ["2.1.a", "2.1.b", "2.1.c", "2.1.d"] },
  },
  {
    id: "targets",
    name: "质量目标贡献",
    weight: 15,
    direction: "higher",
    rule: { kind: "relative" },
    source: { kind: "targets" },
  },
  {
    id: "objections",
    name: "公示异议成立",
    weight: 10,
    direction: "lower",
    rule: { kind: "relative" },
    source: { kind: "objections_upheld" },
  },
  {
    id: "timeliness",
    name: "县级审核及时率",
    weight: 15,
    direction: "higher",
    rule: { kind: "linear", min: "50", max: "100" },
    source: { kind: "review_timeliness", days: 10 },
  },
  {
    id: "manual",
    name: "质量工作评议",
    weight: 10,
    direction: "higher",
    rule: { kind: "relative" },
    source: { kind: "manual" },
  },
];

/** v2: no manual indicator; awards count weighs 30. */
const SCHEME_V2: Indicator[] = SCHEME_V1.filter((i) => i.id !== "manual").map((i) =>
  i.id === "awards-count" ? { ...i, weight: 30 } : i,
);

function perCounty(values: Record<string, string | null>, rest: string | null = "0") {
  return Object.fromEntries(COUNTIES.map((c) => [c, c in values ? values[c] : rest]));
}

const EXPECTED_INPUTS = {
  "awards-count": perCounty({ [LINHAI]: "2", [JIAOJIANG]: "1" }),
  "award-amount": perCounty({ [LINHAI]: "400000", [JIAOJIANG]: "100000" }),
  standards: perCounty({ [LINHAI]: "1" }),
  targets: perCounty({ [LINHAI]: "1", [HUANGYAN]: "1" }),
  objections: perCounty({ [JIAOJIANG]: "1" }),
  timeliness: perCounty({ [LINHAI]: "80", [JIAOJIANG]: "50" }, null),
  manual: perCounty({ [LINHAI]: "80", [WENLING]: "100" }, null),
};

const REST = ["路桥区", "玉环市", "天台县", "仙居县", "三门县", "台州湾新区"];

async function rowCounts(db: DB) {
  const count = async (table: "assessment_schemes" | "assessment_values" | "assessment_runs") =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const audit = await db
    .selectFrom("audit_log")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("outcome", "=", "success")
    .executeTakeFirstOrThrow();
  return {
    schemes: await count("assessment_schemes"),
    values: await count("assessment_values"),
    runs: await count("assessment_runs"),
    audit: Number(audit.n),
  };
}

describe.each(DIALECTS)("county assessment 四（一） (%s)", (dialect) => {
  let server: ClockedServer;
  let clock: TestClock;
  let db: DB;
  let world: World;
  let c: Clients;
  let expert: ApiClient;
  let leader: ApiClient;
  let city2: ApiClient;
  const run = {} as { first: any; v2: any; again: any; domain: any; forged: string };

  beforeAll(async () => {
    clock = new TestClock(beijing("2024-01-02"));
    server = await startClockedServer(dialect, clock);
    db = server.context.database.db;
    world = await buildWorld(server.context);
    for (const [username, role] of [
      ["expert", "expert"],
      ["leader", "leader"],
      ["city2", "city_official"],
    ] as const)
      await createUser(server.context, null, {
        username,
        displayName: username,
        role,
        password: PASSWORD,
      });
    clock.set(LOGIN_AT);
    c = await loginAll(server.url, world);
    expert = await loginAs(server.url, "expert");
    leader = await loginAs(server.url, "leader");
    city2 = await loginAs(server.url, "city2");
  });

  afterAll(async () => {
    await server?.close();
  });

  const moversA = (): Movers => ({ ent: c.entA, county: c.countyX, city: c.city });
  const moversB = (): Movers => ({ ent: c.entB, county: c.countyY, city: c.city });
  const step = async (client: ApiClient, id: string, action: string, comment?: string) =>
    ok(await act(client, id, action, comment), 200, `${action} ${id}`);
  const publish = async (ids: string[], startDate: string) =>
    ok(
      await c.city.post("/api/v1/publicity", {
        title: `质量强市奖励公示 ${unique("批")}`,
        startDate,
        workingDays: 1,
        applicationIds: ids,
      }),
      201,
      "publish",
    ).json;
  const award = async (id: string) =>
    ok(await keyed(c.city, "POST", `/api/v1/applications/${id}/award`), 200, `award ${id}`);
  const scheme = (indicators: unknown[], over: Record<string, unknown> = {}) => ({
    year: YEAR,
    note: "测试方案",
    indicators,
    ...over,
  });

  it("the records of 2024 are made through the real workflow", async () => {
    clock.setBeijing("2024-03-04");
    ok(
      await keyed(c.financeX, "PUT", `/api/v1/budgets/${YEAR}/${encodeURIComponent(LINHAI)}`, {
        total: 1_000_000,
      }),
      200,
      "临海市 budget",
    );
    const input = (item: string) => ({ item, eventDate: "2024-02-01" });
    const a1 = await caseIn(moversA(), "approved", input("1.2.a"));
    const a2 = await caseIn(moversA(), "approved", input("2.1.a"));
    const d1 = await caseIn(moversA(), "approved", input("1.2.a"));
    const b2 = await caseIn(moversB(), "approved", input("2.1.c"));
    const b1 = await createDraft(c.entB, input("1.2.a"));
    await step(c.entB, b1, "submit");
    await step(c.countyY, b1, "accept");
    const c3 = await createDraft(c.entA, input("1.3.b"));
    await step(c.entA, c3, "submit");

    const batch = await publish([a1, a2, d1, b2], "2024-03-04");
    const objected = await fetch(`${server.url}/api/v1/public/publicity/${batch.id}/objections`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        applicationId: b2,
        name: "王五",
        contact: "13900001111",
        reason: "该标准并非第一起草单位",
      }),
    });
    const objection: any = await objected.json();
    expect(objected.status).toBe(201);
    expect(objection.id).toBeTypeOf("string");
    clock.setBeijing("2024-03-05");
    ok(
      await c.city.post(`/api/v1/objections/${objection.id}/resolve`, {
        outcome: "upheld",
        resolution: "经核实异议成立",
      }),
      200,
      "uphold",
    );
    clock.setBeijing("2024-03-06");
    await award(a1);
    await award(a2);
    await award(d1);
    // d1's award is cancelled before payment: it is no longer a live award.
    clock.setBeijing("2024-03-07");
    const d1Award = await db
      .selectFrom("awards")
      .select("id")
      .where("application_id", "=", d1)
      .executeTakeFirstOrThrow();
    ok(
      await keyed(c.financeX, "POST", `/api/v1/awards/${d1Award.id}/reverse`, {
        reason: "材料不实，撤销奖励",
      }),
      200,
      "cancel d1",
    );

    // The 10th working day after Mon 03-04 is Mon 03-18: b1's approval on 03-19 is one day late.
    clock.setBeijing("2024-03-19");
    await step(c.countyY, b1, "approve");
    await step(c.city, b1, "approve");
    await publish([b1], "2024-03-19");
    clock.setBeijing("2024-03-21");
    await award(b1);
    clock.setBeijing("2024-03-25");
    await step(c.countyX, c3, "return", "请补充材料");
    await step(c.entA, c3, "submit");
    clock.setBeijing("2024-03-26");
    await step(c.countyX, c3, "accept");
    // 10 working days after the resubmission on Mon 03-25, on the calendar: 03-26…03-29 (4),
    // 04-01…04-03 (7), 清明 04-04…04-06 off, Sun 04-07 a make-up working day (8), 04-08 (9),
    // 04-09 (10). Counting weekdays only, or counting the day of submission, would make it late.
    clock.setBeijing("2024-04-09");
    await step(c.countyX, c3, "approve");

    const city = world.users.city.actor;
    const record = (
      county: typeof HUANGYAN | typeof JIAOJIANG,
      subject: string,
      eventDate: string,
    ) =>
      addRecord(server.context, city, {
        targetId: "national-standards-led",
        county,
        organizationName: `${county}某企业`,
        subject,
        eventDate,
        source: "国家标准全文公开系统",
      });
    await record(HUANGYAN, "GB/T 40001-2024", "2024-02-10");
    await record(JIAOJIANG, "GB/T 30001-2023", "2023-06-01");

    const awards = await db.selectFrom("awards").select(["state", "awarded_on"]).execute();
    expect(awards.map((a) => a.awarded_on).sort()).toEqual([
      "2024-03-06",
      "2024-03-06",
      "2024-03-06",
      "2024-03-21",
    ]);
  });

  it("bad input names the field and writes nothing", async () => {
    clock.setBeijing("2024-04-15");
    const before = await rowCounts(db);
    const manualTarget = targetPack(server.context).targets.find(
      (t) => t.counting.kind === "manual",
    );
    expect(manualTarget).toBeDefined();
    const cases: [unknown, number, string, string][] = [
      [
        scheme(SCHEME_V1.map((i) => (i.id === "manual" ? { ...i, weight: 9 } : i))),
        400,
        "invalid_field",
        "indicators",
      ],
      [
        scheme(SCHEME_V1.map((i, n) => (n === 2 ? { ...i, weight: "x" } : i))),
        400,
        "invalid_field",
        "indicators[2].weight",
      ],
      [
        scheme(SCHEME_V1.map((i, n) => (n === 2 ? { ...i, weight: 0 } : i))),
        400,
        "invalid_field",
        "indicators[2].weight",
      ],
      [
        scheme(SCHEME_V1.map((i, n) => (n === 1 ? { ...i, id: "awards-count" } : i))),
        400,
        "invalid_field",
        "indicators[1].id",
      ],
      [
        scheme(
          SCHEME_V1.map((i, n) =>
            n === 2
              ? { ...i, source: { kind: "awards", measure: "count", items: ["2.1.a", "9.9.z"] } }
              : i,
          ),
        ),
        400,
        "invalid_field",
        "indicators[2].source.items[1]",
      ],
      [
        scheme(
          SCHEME_V1.map((i, n) =>
            n === 3 ? { ...i, source: { kind: "targets", targetIds: ["no-such-target"] } } : i,
          ),
        ),
        400,
        "invalid_field",
        "indicators[3].source.targetIds[0]",
      ],
      [
        scheme(
          SCHEME_V1.map((i, n) =>
            n === 3 ? { ...i, source: { kind: "targets", targetIds: [manualTarget?.id] } } : i,
          ),
        ),
        400,
        "invalid_field",
        "indicators[3].source.targetIds[0]",
      ],
      [
        scheme(SCHEME_V1.map((i, n) => (n === 0 ? { ...i, source: { kind: "rumours" } } : i))),
        400,
        "invalid_field",
        "indicators[0].source.kind",
      ],
      [
        scheme(
          SCHEME_V1.map((i, n) =>
            n === 5 ? { ...i, rule: { kind: "linear", min: "100", max: "50" } } : i,
          ),
        ),
        400,
        "invalid_field",
        "indicators[5].rule.max",
      ],
      [
        scheme(
          SCHEME_V1.map((i, n) =>
            n === 1 ? { ...i, rule: { kind: "threshold", threshold: "-1" } } : i,
          ),
        ),
        400,
        "invalid_field",
        "indicators[1].rule.threshold",
      ],
      [scheme(SCHEME_V1, { year: 1999 }), 400, "invalid_field", "year"],
      [{ year: YEAR }, 400, "missing_field", "indicators"],
    ];
    for (const [body, status, code, field] of cases) {
      const res = await c.city.post("/api/v1/assessment/schemes", body);
      expect([res.status, res.json.error?.code, res.json.error?.field], field).toEqual([
        status,
        code,
        field,
      ]);
      expectErrorShape(res.json, code);
    }
    // No scheme for the year yet: runs and values are refused.
    const noScheme = await c.city.post("/api/v1/assessment/runs", { year: YEAR });
    expect([noScheme.status, noScheme.json.error.code, noScheme.json.error.field]).toEqual([
      404,
      "not_found",
      "year",
    ]);
    const noIndicator = await c.city.post("/api/v1/assessment/values", {
      year: YEAR,
      county: LINHAI,
      indicatorId: "manual",
      value: "80",
      source: "考评小组",
    });
    expect([noIndicator.status, noIndicator.json.error.field]).toEqual([400, "indicatorId"]);
    // The domain refuses the same input in the same words, before any write.
    await expect(
      saveScheme(server.context, world.users.city.actor, scheme(SCHEME_V1.slice(1)) as never),
    ).rejects.toMatchObject({ code: "invalid_field", field: "indicators" });
    expect(await rowCounts(db)).toEqual(before);
  });

  it("the city saves scheme v1 for 2024 and enters manual values", async () => {
    const res = ok(
      await c.city.post("/api/v1/assessment/schemes", scheme(SCHEME_V1)),
      201,
      "save v1",
    );
    expect(res.json).toMatchObject({
      year: YEAR,
      version: 1,
      note: "测试方案",
      indicators: SCHEME_V1,
    });
    const enter = (county: string, value: unknown) =>
      c.city.post("/api/v1/assessment/values", {
        year: YEAR,
        county,
        indicatorId: "manual",
        value,
        source: "市质量强市工作领导小组办公室评议",
      });
    const before = await rowCounts(db);
    const bad: [string, unknown, string, string][] = [
      ["某某县", "80", "unknown_county", "county"],
      [LINHAI, "八十", "invalid_field", "value"],
      [LINHAI, "1.00001", "invalid_field", "value"],
    ];
    for (const [county, value, code, field] of bad) {
      const r = await enter(county, value);
      expect([r.status, r.json.error.code, r.json.error.field]).toEqual([400, code, field]);
    }
    const notManual = await c.city.post("/api/v1/assessment/values", {
      year: YEAR,
      county: LINHAI,
      indicatorId: "awards-count",
      value: "5",
      source: "x",
    });
    expect([notManual.status, notManual.json.error.field]).toEqual([400, "indicatorId"]);
    expect(await rowCounts(db)).toEqual(before);
    ok(await enter(LINHAI, 70), 201, "临海市 70");
    const second = ok(await enter(LINHAI, "80.0"), 201, "临海市 80");
    expect(second.json).toMatchObject({ county: LINHAI, value: "80", indicatorId: "manual" });
    ok(await enter(WENLING, "100"), 201, "温岭市 100");
    const got = ok(await c.countyX.get(`/api/v1/assessment/schemes/${YEAR}`), 200, "get scheme");
    expect(got.json).toMatchObject({ version: 1, indicators: SCHEME_V1 });
  });

  it("a run reads every value from the records and scores it with v1", async () => {
    const res = ok(await c.city.post("/api/v1/assessment/runs", { year: YEAR }), 201, "run v1");
    run.first = res.json;
    expect(res.json).toMatchObject({
      year: YEAR,
      schemeVersion: 1,
      createdBy: world.users.city.actor.userId,
    });
    expect(res.json.inputs).toEqual(EXPECTED_INPUTS);
    const ranking = res.json.results.counties.map((x: any) => [x.rank, x.county, x.total]);
    expect(ranking).toEqual([
      [1, LINHAI, "92.00"],
      [2, HUANGYAN, "25.00"],
      [3, WENLING, "20.00"],
      [4, JIAOJIANG, "13.75"],
      ...REST.map((county) => [5, county, "10.00"]),
    ]);
    const jiaojiang = res.json.results.counties.find((x: any) => x.county === JIAOJIANG);
    expect(
      jiaojiang.indicators.map((i: any) => [i.indicatorId, i.value, i.best, i.points, i.formula]),
    ).toEqual([
      ["awards-count", "1", "2", "10.00", "1 ÷ 2 × 20 = 10.00"],
      ["award-amount", "100000", "400000", "3.75", "100000 ÷ 400000 × 15 = 3.75"],
      ["standards", "0", "1", "0.00", "0 < 1，未达标 = 0.00"],
      ["targets", "0", "1", "0.00", "0 ÷ 1 × 15 = 0.00"],
      ["objections", "1", "0", "0.00", "0 ÷ 1 × 10 = 0.00"],
      ["timeliness", "50", "80", "0.00", "50 ≤ 下限 50 = 0.00"],
      ["manual", null, "100", "0.00", "未录入数值，得 0 分 = 0.00"],
    ]);
    const linhai = res.json.results.counties[0];
    expect(linhai.indicators.find((i: any) => i.indicatorId === "timeliness").formula).toBe(
      "(80 − 50) ÷ (100 − 50) × 15 = 9.00",
    );
    const rest = res.json.results.counties.find((x: any) => x.county === "三门县");
    expect(rest.indicators.find((i: any) => i.indicatorId === "timeliness").formula).toContain(
      "本年度无县级审核决定",
    );
    const audit = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "assessment.run")
      .execute();
    expect(audit.map((a) => a.target_id)).toEqual([res.json.id]);
  });

  it("the stored run verifies, over HTTP and in the domain", async () => {
    // The auditor is not among the readers of the assessment.
    expect((await c.auditor.get(`/api/v1/assessment/runs/${run.first.id}/verify`)).status).toBe(
      403,
    );
    const http = ok(
      await c.countyY.get(`/api/v1/assessment/runs/${run.first.id}/verify`),
      200,
      "verify",
    );
    expect(http.json).toEqual({ ok: true, differences: [] });
    expect(await verifyRun(server.context, world.users.city.actor, run.first.id)).toEqual({
      ok: true,
      differences: [],
    });
    const stored = ok(
      await c.financeCity.get(`/api/v1/assessment/runs/${run.first.id}`),
      200,
      "get",
    );
    expect(stored.json).toEqual(run.first);
  });

  it("a run whose stored results do not follow from its inputs fails the check", async () => {
    // Runs are append-only, so a forged one is inserted: v1's inputs with 临海市 given 1 point more.
    const row = await db
      .selectFrom("assessment_runs")
      .selectAll()
      .where("id", "=", run.first.id)
      .executeTakeFirstOrThrow();
    const results = JSON.parse(row.results);
    results.counties[0].totalCenti += 100;
    results.counties[0].total = "93.00";
    run.forged = randomUUID();
    await db
      .insertInto("assessment_runs")
      .values({
        ...row,
        id: run.forged,
        results: JSON.stringify(results),
        created_at: "2024-01-01T00:00:00.000Z",
      })
      .execute();
    const res = ok(
      await c.city.get(`/api/v1/assessment/runs/${run.forged}/verify`),
      200,
      "verify forged",
    );
    expect(res.json).toEqual({
      ok: false,
      differences: [
        { path: "counties[0].total", stored: "93.00", recomputed: "92.00" },
        { path: "counties[0].totalCenti", stored: 9300, recomputed: 9200 },
      ],
    });
  });

  it("saving v2 keeps v1; the default run uses v2 and differs", async () => {
    const saved = ok(
      await c.city.post(
        "/api/v1/assessment/schemes",
        scheme(SCHEME_V2, { note: "第二版", baseVersion: 1 }),
      ),
      201,
      "v2",
    );
    expect(saved.json.version).toBe(2);
    const v1 = ok(await c.city.get(`/api/v1/assessment/schemes/${YEAR}?version=1`), 200, "v1");
    expect(v1.json.indicators).toEqual(SCHEME_V1);
    const list = ok(await leader.get(`/api/v1/assessment/schemes?year=${YEAR}`), 200, "list");
    expect(list.json.items.map((s: any) => s.version)).toEqual([2, 1]);
    const missing = await c.city.get(`/api/v1/assessment/schemes/${YEAR}?version=3`);
    expect([missing.status, missing.json.error.field]).toEqual([404, "version"]);

    run.v2 = ok(await c.city.post("/api/v1/assessment/runs", { year: YEAR }), 201, "run v2").json;
    expect(run.v2.schemeVersion).toBe(2);
    expect(run.v2.results).not.toEqual(run.first.results);
    expect(
      run.v2.results.counties.slice(0, 3).map((x: any) => [x.rank, x.county, x.total]),
    ).toEqual([
      [1, LINHAI, "94.00"],
      [2, HUANGYAN, "25.00"],
      [3, JIAOJIANG, "18.75"],
    ]);
    expect(
      run.v2.results.counties.slice(3).every((x: any) => x.rank === 4 && x.total === "10.00"),
    ).toBe(true);
  });

  it("later records of 2025 leave a re-run of 2024 with v1 identical", async () => {
    clock.setBeijing("2025-01-08");
    await caseIn(moversB(), "awarded", { item: "1.3.b", eventDate: "2024-12-01" });
    const again = ok(
      await c.city.post("/api/v1/assessment/runs", { year: YEAR, version: 1 }),
      201,
      "rerun",
    );
    run.again = again.json;
    expect(again.json.id).not.toBe(run.first.id);
    expect(again.json.schemeId).toBe(run.first.schemeId);
    expect(again.json.inputs).toEqual(run.first.inputs);
    expect(again.json.results).toEqual(run.first.results);
    // The domain gives the same, and the 2025 award is counted for 2025.
    run.domain = await runAssessment(server.context, world.users.city.actor, {
      year: YEAR,
      version: 1,
    });
    expect(run.domain.results).toEqual(run.first.results);
    ok(
      await c.city.post("/api/v1/assessment/schemes", scheme(SCHEME_V2, { year: 2025 })),
      201,
      "2025",
    );
    const y2025 = ok(
      await c.city.post("/api/v1/assessment/runs", { year: 2025 }),
      201,
      "2025 run",
    ).json;
    expect(y2025.inputs["awards-count"][JIAOJIANG]).toBe("1");
    expect(y2025.inputs["awards-count"][LINHAI]).toBe("0");
    expect(y2025.inputs.timeliness[JIAOJIANG]).toBe("100");

    const runs = ok(await c.countyX.get(`/api/v1/assessment/runs?year=${YEAR}`), 200, "runs").json
      .items;
    expect(runs.map((r: any) => r.id)).toEqual([
      run.domain.id,
      run.again.id,
      run.v2.id,
      run.first.id,
      run.forged,
    ]);
    expect(runs[0].ranking[0]).toEqual({ county: LINHAI, rank: 1, total: "92.00" });
    expect((await getRun(server.context, null, run.again.id)).results).toEqual(run.first.results);
  });

  it("enterprise and expert users are refused; a county official reads but does not manage", async () => {
    const id = run.first.id;
    const reads = [
      "/api/v1/assessment/schemes",
      `/api/v1/assessment/schemes/${YEAR}`,
      "/api/v1/assessment/runs",
      `/api/v1/assessment/runs/${id}`,
      `/api/v1/assessment/runs/${id}/verify`,
    ];
    const writes: [string, unknown][] = [
      ["/api/v1/assessment/schemes", scheme(SCHEME_V1)],
      [
        "/api/v1/assessment/values",
        { year: YEAR, county: LINHAI, indicatorId: "manual", value: "1", source: "x" },
      ],
      ["/api/v1/assessment/runs", { year: YEAR }],
    ];
    const before = await rowCounts(db);
    for (const client of [c.entA, expert]) {
      for (const path of reads) {
        const res = await client.get(path);
        expect([path, res.status]).toEqual([path, 403]);
        expectErrorShape(res.json, "forbidden");
      }
      for (const [path, body] of writes) expect((await client.post(path, body)).status).toBe(403);
    }
    for (const client of [c.countyX, c.financeX, leader]) {
      for (const path of reads)
        expect([path, (await client.get(path)).status]).toEqual([path, 200]);
    }
    for (const [path, body] of writes) {
      const res = await c.countyX.post(path, body);
      expect([path, res.status]).toEqual([path, 403]);
      expectErrorShape(res.json, "forbidden");
    }
    const anonymous = await fetch(`${server.url}/api/v1/assessment/runs`);
    expect(anonymous.status).toBe(401);
    await expect(
      runAssessment(server.context, world.users.countyX.actor, { year: YEAR }),
    ).rejects.toBeInstanceOf(AppError);
    expect(await rowCounts(db)).toEqual(before);
    const denials = await db
      .selectFrom("audit_log")
      .select("action")
      .where("outcome", "=", "denied")
      .where("action", "in", ["assessment.manage", "assessment.read"])
      .execute();
    // The auditor's earlier attempt, then the enterprise's and the expert's, then the county's writes.
    expect(denials).toHaveLength(1 + 2 * (reads.length + writes.length) + writes.length);
  });

  it("qi assessment run and show work on the same database", () => {
    const env = {
      ...process.env,
      QI_DATA_DIR: server.db.dataDir,
      DATABASE_URL: server.db.url ?? "",
    };
    const qi = (args: string[]) =>
      spawnSync(process.execPath, [QI_BIN, ...args], { encoding: "utf8", timeout: 60_000, env });
    const ran = qi(["assessment", "run", "--year", String(YEAR), "--version", "1"]);
    expect(ran.stderr).toBe("");
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain("方案第 1 版");
    const lines = ran.stdout.split("\n");
    expect(lines.find((l) => l.includes(LINHAI))).toMatch(/^\s*1\s+临海市\s+92\.00\s/);
    expect(lines.find((l) => l.includes(JIAOJIANG))).toMatch(/^\s*4\s+椒江区\s+13\.75\s/);
    const shown = qi(["assessment", "show", "--year", String(YEAR), "--json"]);
    expect(shown.status).toBe(0);
    const latest = JSON.parse(shown.stdout);
    expect(latest).toMatchObject({ year: YEAR, schemeVersion: 1, createdBy: "operator" });
    expect(latest.results).toEqual(run.first.results);
    const none = qi(["assessment", "show", "--year", "2031"]);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain("2031 年尚未进行县级考核计算");
    const bad = qi(["assessment", "run", "--year", "24"]);
    expect(bad.status).toBe(2);
  }, 90_000);

  it("two officials saving on the same version: one is saved, the other is told it is stale", async () => {
    const y = 2022;
    const save = (client: ApiClient, over: Record<string, unknown>) =>
      client.post(
        "/api/v1/assessment/schemes",
        scheme(SCHEME_V2, { year: y, note: `${over.note ?? "并发"}`, ...over }),
      );
    const versions = async () =>
      ok(await leader.get(`/api/v1/assessment/schemes?year=${y}`), 200, "list").json.items.map(
        (x: any) => x.version,
      );
    const race = async (over: Record<string, unknown>) => {
      const results = await Promise.all([
        save(c.city, { ...over, note: "甲" }),
        save(city2, { ...over, note: "乙" }),
      ]);
      const statuses = results.map((r) => r.status).sort();
      expect(statuses, JSON.stringify(results.map((r) => r.json))).toEqual([201, 409]);
      const won = results.find((r) => r.status === 201) as (typeof results)[number];
      const lost = results.find((r) => r.status === 409) as (typeof results)[number];
      expect(lost.json.error).toMatchObject({
        code: "stale_version",
        details: { currentVersion: won.json.version },
      });
      expect(lost.json.error.message).toContain(`${y} 年度考核方案已被他人修改`);
      return won.json;
    };

    // The first version of a year: neither has a base.
    const first = await race({});
    expect(first.version).toBe(1);
    const before = await rowCounts(db);
    // Both edited version 1.
    const second = await race({ baseVersion: 1 });
    expect(second.version).toBe(2);
    expect(await versions()).toEqual([2, 1]);
    const after = await rowCounts(db);
    expect(after.schemes).toBe(before.schemes + 1);
    expect(after.audit).toBe(before.audit + 1);

    // Without a base once the year has a scheme, or with an old one: stale, nothing written.
    for (const over of [{}, { baseVersion: 1 }]) {
      const res = await save(city2, over);
      expect([res.status, res.json.error.code, res.json.error.details]).toEqual([
        409,
        "stale_version",
        { currentVersion: 2 },
      ]);
    }
    // A base for a year that has no scheme is a mistake of the client, named as such.
    const none = await c.city.post(
      "/api/v1/assessment/schemes",
      scheme(SCHEME_V2, { year: 2021, baseVersion: 1 }),
    );
    expect([none.status, none.json.error.code, none.json.error.field]).toEqual([
      400,
      "invalid_field",
      "baseVersion",
    ]);
    expect(await rowCounts(db)).toEqual(after);
    // The one told to reload saves on the current version.
    const third = ok(await save(city2, { baseVersion: 2, note: "乙（刷新后）" }), 201, "v3").json;
    expect(third.version).toBe(3);
    expect(await versions()).toEqual([3, 2, 1]);
  });

  it("qi assessment save-scheme imports a file as the year's next version", () => {
    const env = {
      ...process.env,
      QI_DATA_DIR: server.db.dataDir,
      DATABASE_URL: server.db.url ?? "",
    };
    const qi = (args: string[]) =>
      spawnSync(process.execPath, [QI_BIN, ...args], { encoding: "utf8", timeout: 60_000, env });
    const file = join(mkdtempSync(join(tmpdir(), "qi-scheme-")), "scheme.json");
    writeFileSync(file, JSON.stringify({ year: 2020, note: "导入", indicators: SCHEME_V2 }));
    // No base given: the first import is version 1, the next replaces it as version 2.
    for (const version of [1, 2]) {
      const saved = qi(["assessment", "save-scheme", "--file", file, "--json"]);
      expect(saved.stderr).toBe("");
      expect(saved.status).toBe(0);
      expect(JSON.parse(saved.stdout)).toMatchObject({ year: 2020, version, note: "导入" });
    }
    // A base that is no longer the latest is refused like an edit over HTTP.
    const stale = qi(["assessment", "save-scheme", "--file", file, "--base-version", "1"]);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain("已被他人修改（当前版本 2）");
    const help = qi(["assessment", "save-scheme", "--help"]);
    expect(help.stdout).toContain("有意替换现行方案");
  }, 90_000);

  it("the default scheme is valid and runs", async () => {
    const saved = await saveScheme(server.context, world.users.city.actor, {
      year: 2023,
      ...defaultScheme(),
    });
    expect(saved.indicators.reduce((s, i) => s + i.weight, 0)).toBe(100);
    expect(saved.indicators.length).toBeGreaterThanOrEqual(5);
    const result = await runAssessment(server.context, null, { year: 2023 });
    expect(result.results.counties).toHaveLength(COUNTIES.length);
    expect((await verifyRun(server.context, null, result.id)).ok).toBe(true);
  });
});
