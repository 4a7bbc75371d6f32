import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../src/db/database.ts";
import { createUser } from "../../src/users/create-user.ts";
import type { ApiClient } from "../helpers/api.ts";
import { QI_BIN } from "../helpers/cli.ts";
import { DIALECTS } from "../helpers/db.ts";
import { buildWorld, DEMO_PNG, demoPdf, PASSWORD, uscc, type World } from "../helpers/world.ts";
import {
  type Clients,
  caseIn,
  expectErrorShape,
  loginAll,
  loginAs,
  type Movers,
  ok,
  type Res,
} from "./support-access.ts";
import {
  awardOf,
  beijing,
  type ClockedServer,
  keyed,
  startClockedServer,
  TestClock,
} from "./support-money.ts";

/**
 * The 2025 targets (二、总体目标) over the real HTTP API and the real `qi`: baselines, awards made
 * through the real review and publicity path, records and manual values, counted by county; what
 * stops counting (a reversed award, a withdrawn record); bad input refused whole; who may do what.
 *
 * The clock stands on 2025-09-01 (Beijing) throughout, before the deadline 2025-12-31.
 */

const TODAY = "2025-09-01";
const LINHAI = "临海市";
const JIAOJIANG = "椒江区";
const CITY = "全市";
const PZB = "pinzibiao-enterprises";
const GB = "national-standards-led";
const FARM = "farm-produce-pass-rate";
const DRUG = "essential-drug-pass-rate";
const enc = encodeURIComponent;

/** The personal data of the world's organizations: no target view carries any of it. */
const PERSONAL = [
  "张三",
  "0576-85550001",
  "李四",
  "0576-85550002",
  "6230000000000001",
  "6230000000000002",
];

const TARGET_TABLES = ["target_baselines", "target_records", "target_values", "documents"] as const;

type RowCounts = Record<(typeof TARGET_TABLES)[number] | "liveRecords" | "auditSuccesses", number>;

async function rowCounts(db: DB): Promise<RowCounts> {
  const out = {} as RowCounts;
  for (const table of TARGET_TABLES) {
    const r = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    out[table] = Number(r.n);
  }
  const live = await db
    .selectFrom("target_records")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("withdrawn_at", "is", null)
    .executeTakeFirstOrThrow();
  out.liveRecords = Number(live.n);
  const audit = await db
    .selectFrom("audit_log")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("outcome", "=", "success")
    .executeTakeFirstOrThrow();
  out.auditSuccesses = Number(audit.n);
  return out;
}

describe.each(DIALECTS)("targets (%s)", (dialect) => {
  let server: ClockedServer;
  let db: DB;
  let world: World;
  let c: Clients;
  let leader: ApiClient;
  let moversA: Movers;
  let moversB: Movers;
  /** What the tests build up, step by step. */
  const f = {} as {
    a1: { app: string; id: string; number: string }; // A 1.1.g 2025-03-01 (临海)
    a2: { app: string; id: string; number: string }; // A 1.1.h 2025-04-01 (临海, same org)
    b1: { app: string; id: string; number: string }; // B 1.1.g 2025-02-01 (椒江)
    s1: { app: string; id: string; number: string }; // A 2.1.a GB/T 41234-2025 2025-03-10
    r0: string; // record 临海 on the baseline date (in the baseline)
    r1: string; // record 临海 org C 2025-05-01
    r2: string; // record 椒江 org B 2025-06-01 (same org as b1)
    rs1: string; // record 椒江 gb/t 41234-2025 (the same standard as s1, folded)
    rs2: string; // record 椒江 GB/T 2-2025 2025-04-01
    farm1: string;
    farm2: string;
    pdf: Uint8Array;
    document: string;
  };

  beforeAll(async () => {
    const clock = new TestClock(beijing(TODAY));
    server = await startClockedServer(dialect, clock);
    db = server.context.database.db;
    world = await buildWorld(server.context);
    await createUser(server.context, null, {
      username: "leader",
      displayName: "leader",
      role: "leader",
      password: PASSWORD,
    });
    c = await loginAll(server.url, world);
    leader = await loginAs(server.url, "leader");
    moversA = { ent: c.entA, county: c.countyX, city: c.city };
    moversB = { ent: c.entB, county: c.countyY, city: c.city };
    // 临海市 pays its organizations' awards (五、附则); its budget starts at 0.
    ok(
      await keyed(c.financeX, "PUT", `/api/v1/budgets/2025/${enc(LINHAI)}`, { total: 2_000_000 }),
      200,
      "临海市 budget",
    );
  });

  afterAll(async () => {
    await server?.close();
  });

  // ── helpers ────────────────────────────────────────────────────────────────

  const awarded = async (
    m: Movers,
    item: string,
    subject: string,
    eventDate: string,
    facts = {},
  ) => {
    const app = await caseIn(m, "awarded", { item, subject, eventDate, facts });
    const row = await awardOf(db, app);
    if (!row) throw new Error(`no award for ${app}`);
    expect(row.state).toBe("reserved");
    return { app, id: row.id, number: row.number };
  };
  const record = (client: ApiClient, body: Record<string, unknown>) =>
    client.post("/api/v1/targets/records", { source: "县市场监管局登记", ...body });
  const baseline = (client: ApiClient, body: Record<string, unknown>) =>
    client.post("/api/v1/targets/baselines", { source: "2024 年统计年报", ...body });
  const value = (client: ApiClient, body: Record<string, unknown>) =>
    client.post("/api/v1/targets/values", { source: "省药监局抽检通报", ...body });
  const targetIn = async (client: ApiClient, id: string, query = "") => {
    const list = ok(await client.get(`/api/v1/targets${query}`), 200, "list targets");
    const t = (list.json.items as any[]).find((x) => x.id === id);
    if (!t) throw new Error(`no target ${id} in the list`);
    return t;
  };
  const countyRow = (progress: any, county: string) =>
    (progress.counties as any[]).find((x) => x.county === county);
  const contributions = async (id: string, query = "") =>
    ok(await c.city.get(`/api/v1/targets/${id}/contributions${query}`), 200, "contributions").json;
  const refsOf = (list: any) => (list.items as any[]).map((i) => i.ref).sort();
  const expectRefused = async (
    res: Res,
    status: number,
    code: string,
    field: string | null,
    before: RowCounts,
  ) => {
    expect(res.status, JSON.stringify(res.json)).toBe(status);
    expectErrorShape(res.json, code);
    expect(res.json.error.field).toBe(field);
    expect(await rowCounts(db)).toEqual(before);
  };

  // ── counting ───────────────────────────────────────────────────────────────

  it("the list shows every target of the pack, with nothing recorded yet", async () => {
    const list = ok(await c.city.get("/api/v1/targets"), 200, "list").json;
    expect(list.policy).toBe("taizhou-quality-2023");
    expect(list.asOf).toBe(TODAY);
    expect(list.items.map((t: any) => t.id)).toContain(PZB);
    const pzb = list.items.find((t: any) => t.id === PZB);
    expect(pzb).toMatchObject({
      comparator: "gte",
      value: "390",
      unit: "家",
      deadline: "2025-12-31",
      progress: { value: "0", status: "at_risk", final: false, on: TODAY },
    });
    const farm = list.items.find((t: any) => t.id === FARM);
    expect(farm.progress).toMatchObject({ value: null, status: "no_data" });
  });

  it("baselines by county, awards through the real review path and records are counted by county", async () => {
    for (const [county, v] of [
      [LINHAI, "10"],
      [JIAOJIANG, "5"],
      [CITY, "100"],
    ] as const)
      ok(
        await baseline(c.city, { targetId: PZB, county, value: v, asOf: "2024-12-31" }),
        201,
        "baseline",
      );
    ok(
      await baseline(c.city, { targetId: GB, county: CITY, value: 3, asOf: "2024-12-31" }),
      201,
      "gb",
    );

    const pinzi = { municipalFiling: true, certificate: "first" };
    f.b1 = await awarded(moversB, "1.1.g", "品字标认证证书 B-001", "2025-02-01", pinzi);
    f.a1 = await awarded(moversA, "1.1.g", "品字标认证证书 A-001", "2025-03-01", pinzi);
    f.a2 = await awarded(moversA, "1.1.h", "品字标自我声明 A-002", "2025-04-01", {
      municipalFiling: true,
    });
    f.s1 = await awarded(moversA, "2.1.a", "GB/T 41234-2025", "2025-03-10");

    f.r0 = ok(
      await record(c.countyX, {
        targetId: PZB,
        county: LINHAI,
        organizationName: "丁企业（临海）",
        uscc: uscc(4),
        subject: "品字标认证证书 D-001",
        eventDate: "2024-12-31",
      }),
      201,
      "record r0",
    ).json.id;
    f.r1 = ok(
      await record(c.countyX, {
        targetId: PZB,
        county: LINHAI,
        organizationName: "丙企业（临海）",
        uscc: uscc(3),
        subject: "品字标认证证书 C-001",
        eventDate: "2025-05-01",
      }),
      201,
      "record r1",
    ).json.id;
    f.r2 = ok(
      await record(c.city, {
        targetId: PZB,
        county: JIAOJIANG,
        organizationName: "乙企业（椒江）",
        uscc: uscc(2),
        subject: "浙江制造认证证书 B-002",
        eventDate: "2025-06-01",
      }),
      201,
      "record r2",
    ).json.id;
    f.rs1 = ok(
      await record(c.countyY, {
        targetId: GB,
        county: JIAOJIANG,
        organizationName: "乙企业（椒江）",
        subject: "gb/t  41234-2025",
        eventDate: "2025-05-01",
      }),
      201,
      "record rs1",
    ).json.id;
    f.rs2 = ok(
      await record(c.countyY, {
        targetId: GB,
        county: JIAOJIANG,
        organizationName: "乙企业（椒江）",
        subject: "GB/T 2-2025",
        eventDate: "2025-04-01",
      }),
      201,
      "record rs2",
    ).json.id;

    // 品字标: 115 in the baselines; A (two awards) in 临海, C in 临海, B (award and record) in
    // 椒江; D is dated on the baseline date, so it is in the baseline already.
    const pzb = await targetIn(c.countyX, PZB);
    expect(pzb.progress).toMatchObject({ value: "118", target: "390", status: "at_risk" });
    expect(countyRow(pzb.progress, LINHAI)).toEqual({
      county: LINHAI,
      baseline: "10",
      counted: 2,
      value: "12",
    });
    expect(countyRow(pzb.progress, JIAOJIANG)).toEqual({
      county: JIAOJIANG,
      baseline: "5",
      counted: 1,
      value: "6",
    });
    expect(countyRow(pzb.progress, CITY)).toEqual({
      county: CITY,
      baseline: "100",
      counted: 0,
      value: "100",
    });

    // 国家标准: the standard of s1 registered again (folded) by 椒江 counts once, for 临海.
    const gb = await targetIn(c.city, GB);
    expect(gb.progress.value).toBe("5");
    expect(countyRow(gb.progress, LINHAI)).toMatchObject({ counted: 1, value: "1" });
    expect(countyRow(gb.progress, JIAOJIANG)).toMatchObject({ counted: 1, value: "1" });
  });

  it("the contributions name exactly the counted awards and records, without personal data", async () => {
    const pzb = await contributions(PZB);
    expect(pzb).toMatchObject({ targetId: PZB, on: TODAY, total: 3 });
    expect(refsOf(pzb)).toEqual([f.a1.number, f.b1.number, f.r1].sort());
    const byRef = new Map<string, any>(pzb.items.map((i: any) => [i.ref, i]));
    expect(byRef.get(f.a1.number)).toMatchObject({
      county: LINHAI,
      organizationName: "甲企业（临海）",
      eventDate: "2025-03-01",
      source: "award",
    });
    expect(byRef.get(f.b1.number)).toMatchObject({ county: JIAOJIANG, source: "award" });
    expect(byRef.get(f.r1)).toMatchObject({
      county: LINHAI,
      organizationName: "丙企业（临海）",
      subject: "品字标认证证书 C-001",
      source: "record",
    });
    const text = JSON.stringify(pzb);
    for (const s of PERSONAL) expect(text).not.toContain(s);
    for (const item of pzb.items)
      expect(Object.keys(item).sort()).toEqual(
        ["county", "endedOn", "eventDate", "organizationName", "ref", "source", "subject"].sort(),
      );

    expect(refsOf(await contributions(PZB, `?county=${enc(LINHAI)}`))).toEqual(
      [f.a1.number, f.r1].sort(),
    );
    expect(refsOf(await contributions(GB))).toEqual([f.s1.number, f.rs2].sort());

    // The detail and the list of every target carry no personal data either.
    const detail = ok(await leader.get(`/api/v1/targets/${PZB}`), 200, "detail").json;
    const list = ok(await leader.get("/api/v1/targets"), 200, "list").json;
    for (const s of PERSONAL)
      expect(JSON.stringify(detail) + JSON.stringify(list)).not.toContain(s);
  });

  it("the detail: progress as of a day, the history by month and the baselines entered", async () => {
    const detail = ok(await c.city.get(`/api/v1/targets/${PZB}`), 200, "detail").json;
    expect(detail.progress.value).toBe("118");
    expect(detail.baselines.map((b: any) => [b.county, b.value, b.asOf]).sort()).toEqual(
      [
        [CITY, "100", "2024-12-31"],
        [JIAOJIANG, "5", "2024-12-31"],
        [LINHAI, "10", "2024-12-31"],
      ].sort(),
    );
    const history = detail.history as { on: string; value: string }[];
    expect(history.at(-1)).toEqual({ on: TODAY, value: "118" });
    expect(history.find((h) => h.on === "2025-02-28")?.value).toBe("116"); // baseline + B
    expect(history.find((h) => h.on === "2025-03-31")?.value).toBe("117"); // + A
    expect(history.find((h) => h.on === "2025-05-31")?.value).toBe("118"); // + C
    const values = history.map((h) => Number(h.value));
    expect(values).toEqual([...values].sort((a, b) => a - b));

    const march = ok(await c.city.get(`/api/v1/targets/${PZB}?asOf=2025-03-15`), 200, "asOf").json;
    expect(march.progress).toMatchObject({ on: "2025-03-15", value: "117" });
    expect(march.history.at(-1)).toEqual({ on: "2025-03-15", value: "117" });
    const listed = await targetIn(c.city, PZB, "?asOf=2025-03-15");
    expect(listed.progress.value).toBe("117");
    // After the deadline the count is taken on the deadline.
    const late = await targetIn(c.city, PZB, "?asOf=2026-03-01");
    expect(late.progress).toMatchObject({ on: "2025-12-31", final: true, status: "missed" });
  });

  it("a reversed or cancelled award stops counting; the same organization's other award takes over", async () => {
    ok(
      await keyed(c.financeX, "POST", `/api/v1/awards/${f.a1.id}/reverse`, { reason: "材料不实" }),
      200,
      "reverse a1",
    );
    expect((await awardOf(db, f.a1.app))?.state).toBe("cancelled");
    let pzb = await contributions(PZB);
    expect(refsOf(pzb)).toEqual([f.a2.number, f.b1.number, f.r1].sort());
    expect((await targetIn(c.city, PZB)).progress.value).toBe("118");

    ok(
      await keyed(c.financeX, "POST", `/api/v1/awards/${f.a2.id}/reverse`, { reason: "材料不实" }),
      200,
      "reverse a2",
    );
    pzb = await contributions(PZB);
    expect(refsOf(pzb)).toEqual([f.b1.number, f.r1].sort());
    const t = await targetIn(c.city, PZB);
    expect(t.progress.value).toBe("117");
    expect(countyRow(t.progress, LINHAI)).toMatchObject({ counted: 1, value: "11" });

    // The national standard of s1 now counts through 椒江's record of it.
    ok(
      await keyed(c.financeX, "POST", `/api/v1/awards/${f.s1.id}/reverse`, {
        reason: "非第一起草单位",
      }),
      200,
      "reverse s1",
    );
    expect(refsOf(await contributions(GB))).toEqual([f.rs1, f.rs2].sort());
    const gb = await targetIn(c.city, GB);
    expect(gb.progress.value).toBe("5");
    expect(countyRow(gb.progress, JIAOJIANG)).toMatchObject({ counted: 2 });
    expect(countyRow(gb.progress, LINHAI)?.counted ?? 0).toBe(0);
  });

  it("a withdrawn record stops counting; withdrawing needs a reason, the county, and happens once", async () => {
    let before = await rowCounts(db);
    await expectRefused(
      await c.countyX.post(`/api/v1/targets/records/${f.r1}/withdraw`, { reason: "  " }),
      400,
      "invalid_field",
      "reason",
      before,
    );
    await expectRefused(
      await c.countyX.post(`/api/v1/targets/records/${f.r1}/withdraw`, {}),
      400,
      "missing_field",
      "reason",
      before,
    );
    await expectRefused(
      await c.countyX.post("/api/v1/targets/records/not-a-uuid/withdraw", { reason: "误录" }),
      400,
      "invalid_field",
      "id",
      before,
    );
    // 椒江's official may not withdraw 临海's record.
    await expectRefused(
      await c.countyY.post(`/api/v1/targets/records/${f.r1}/withdraw`, { reason: "误录" }),
      403,
      "forbidden",
      null,
      before,
    );

    ok(
      await c.countyX.post(`/api/v1/targets/records/${f.r1}/withdraw`, { reason: "证书信息有误" }),
      200,
      "withdraw r1",
    );
    expect(refsOf(await contributions(PZB))).toEqual([f.b1.number]);
    expect((await targetIn(c.city, PZB)).progress.value).toBe("116");

    before = await rowCounts(db);
    await expectRefused(
      await c.countyX.post(`/api/v1/targets/records/${f.r1}/withdraw`, { reason: "再次撤回" }),
      409,
      "invalid_state",
      "id",
      before,
    );
    // Withdrawn, the organization may be registered again.
    const again = ok(
      await record(c.countyX, {
        targetId: PZB,
        county: LINHAI,
        organizationName: "丙企业（临海）",
        uscc: uscc(3),
        subject: "品字标认证证书 C-001（更正）",
        eventDate: "2025-05-02",
      }),
      201,
      "record again",
    ).json.id;
    expect(refsOf(await contributions(PZB))).toEqual([f.b1.number, again].sort());
    expect((await targetIn(c.city, PZB)).progress.value).toBe("117");
  });

  it("a duplicate record is refused with 409 naming the field, and nothing is written", async () => {
    const before = await rowCounts(db);
    await expectRefused(
      await record(c.city, {
        targetId: PZB,
        county: JIAOJIANG,
        organizationName: "乙企业",
        uscc: uscc(2),
        subject: "另一张证书",
        eventDate: "2025-07-01",
      }),
      409,
      "conflict",
      "uscc",
      before,
    );
    await expectRefused(
      await record(c.countyY, {
        targetId: GB,
        county: JIAOJIANG,
        organizationName: "乙企业",
        subject: "  ｇｂ/t   2-2025 ",
        eventDate: "2025-07-01",
      }),
      409,
      "conflict",
      "subject",
      before,
    );
  });

  it("the same record sent at once by several officials is written once", async () => {
    const before = await rowCounts(db);
    const body = {
      targetId: GB,
      county: JIAOJIANG,
      organizationName: "乙企业（椒江）",
      subject: "GB/T 99-2025",
      eventDate: "2025-08-01",
    };
    const results = await Promise.all(
      [c.city, c.countyY, c.city, c.countyY, c.city, c.countyY].map((client) =>
        record(client, body),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) {
      expectErrorShape(r.json, "conflict");
      expect(r.json.error.field).toBe("subject");
    }
    expect((await rowCounts(db)).target_records).toBe(before.target_records + 1);
  });

  // ── manual values ──────────────────────────────────────────────────────────

  it("manual values keep their history: the latest period wins, both are listed", async () => {
    f.farm1 = ok(
      await value(c.city, {
        targetId: FARM,
        value: "98",
        periodStart: "2025-01-01",
        periodEnd: "2025-03-31",
      }),
      201,
      "farm 1",
    ).json.id;
    let farm = await targetIn(leader, FARM);
    expect(farm.progress).toMatchObject({ value: "98", status: "at_risk" }); // 98 整 is not 高于 98%
    f.farm2 = ok(
      await value(c.city, {
        targetId: FARM,
        value: "98.2",
        periodStart: "2025-04-01",
        periodEnd: "2025-06-30",
      }),
      201,
      "farm 2",
    ).json.id;
    farm = await targetIn(leader, FARM);
    expect(farm.progress).toMatchObject({ value: "98.2", status: "met" });
    const detail = ok(await leader.get(`/api/v1/targets/${FARM}`), 200, "farm detail").json;
    expect(detail.values.map((v: any) => [v.id, v.value, v.periodEnd, v.county])).toEqual([
      [f.farm2, "98.2", "2025-06-30", CITY],
      [f.farm1, "98", "2025-03-31", CITY],
    ]);
    // Asked for a day in the first period's reach only, the first value is the one.
    expect((await targetIn(leader, FARM, "?asOf=2025-05-01")).progress.value).toBe("98");

    // 基本药物: 99.5 is not 高于 99.5%; 99.51 is.
    ok(
      await value(c.city, {
        targetId: DRUG,
        value: 99.5,
        periodStart: "2025-01-01",
        periodEnd: "2025-06-30",
      }),
      201,
      "drug 99.5",
    );
    expect((await targetIn(c.city, DRUG)).progress).toMatchObject({
      value: "99.5",
      status: "at_risk",
    });
    ok(
      await value(c.city, {
        targetId: DRUG,
        value: "99.51",
        periodStart: "2025-01-01",
        periodEnd: "2025-06-30",
      }),
      201,
      "drug 99.51",
    );
    expect((await targetIn(c.city, DRUG)).progress).toMatchObject({
      value: "99.51",
      status: "met",
    });
  });

  it("evidence for a value: a PDF is uploaded and downloaded; other files are refused", async () => {
    f.pdf = demoPdf("2025 年一季度农产品抽检通报");
    const form = new FormData();
    form.append("file", new Blob([f.pdf], { type: "application/pdf" }), "通报.pdf");
    const up = ok(
      await c.city.request("POST", `/api/v1/targets/values/${f.farm1}/evidence`, form),
      201,
      "upload",
    );
    expect(up.json).toMatchObject({ mime: "application/pdf", size: f.pdf.length });
    f.document = up.json.id;

    const detail = ok(await leader.get(`/api/v1/targets/${FARM}`), 200, "detail").json;
    const v1 = detail.values.find((v: any) => v.id === f.farm1);
    expect(v1.evidence.map((d: any) => d.id)).toEqual([f.document]);

    for (const client of [c.city, leader, c.countyX]) {
      const down = await client.get(`/api/v1/targets/values/${f.farm1}/evidence/${f.document}`);
      expect(down.status).toBe(200);
      expect(down.headers.get("content-type")).toContain("application/pdf");
      expect(Buffer.from(down.json as ArrayBuffer).equals(Buffer.from(f.pdf))).toBe(true);
    }
    // The document belongs to farm1, not to farm2.
    const wrong = await c.city.get(`/api/v1/targets/values/${f.farm2}/evidence/${f.document}`);
    expect(wrong.status).toBe(404);

    const before = await rowCounts(db);
    const text = new FormData();
    text.append("file", new Blob([new TextEncoder().encode("not a pdf")]), "x.pdf");
    await expectRefused(
      await c.city.request("POST", `/api/v1/targets/values/${f.farm1}/evidence`, text),
      415,
      "unsupported_file_type",
      "file",
      before,
    );
    const empty = new FormData();
    empty.append("file", new Blob([]), "empty.pdf");
    await expectRefused(
      await c.city.request("POST", `/api/v1/targets/values/${f.farm1}/evidence`, empty),
      400,
      "invalid_field",
      "file",
      before,
    );
    await expectRefused(
      await c.city.post(`/api/v1/targets/values/${f.farm1}/evidence`, { file: "x" }),
      400,
      "invalid_field",
      "file",
      before,
    );
    // Only the city official attaches evidence.
    const png = new FormData();
    png.append("file", new Blob([DEMO_PNG], { type: "image/png" }), "a.png");
    await expectRefused(
      await c.countyX.request("POST", `/api/v1/targets/values/${f.farm1}/evidence`, png),
      403,
      "forbidden",
      null,
      before,
    );
  });

  // ── bad input ─────────────────────────────────────────────────────────────

  it("bad input at every POST is refused with 400 naming the field, and nothing is written", async () => {
    const base = { targetId: PZB, county: LINHAI, value: "12", asOf: "2025-06-30", source: "年报" };
    const rec = {
      targetId: PZB,
      county: LINHAI,
      organizationName: "戊企业",
      uscc: uscc(5),
      subject: "品字标认证证书 E-001",
      eventDate: "2025-07-01",
      source: "登记",
    };
    const val = {
      targetId: FARM,
      value: "98.5",
      periodStart: "2025-04-01",
      periodEnd: "2025-06-30",
      source: "通报",
    };
    const cases: [string, Record<string, unknown>, string, string][] = [
      ["baselines", { ...base, value: "1e3" }, "invalid_field", "value"],
      ["baselines", { ...base, value: "-1" }, "invalid_field", "value"],
      ["baselines", { ...base, value: "1.23456" }, "invalid_field", "value"],
      ["baselines", { ...base, value: "" }, "invalid_field", "value"],
      ["baselines", { ...base, value: "12.5" }, "invalid_field", "value"], // a count is whole
      ["baselines", { ...base, value: true }, "invalid_field", "value"],
      ["baselines", { ...base, targetId: FARM, value: "100.1" }, "invalid_field", "value"],
      ["baselines", { ...base, value: undefined }, "invalid_field", "value"],
      ["baselines", { ...base, asOf: "2025-02-30" }, "invalid_date", "asOf"],
      ["baselines", { ...base, asOf: "2025-09-02" }, "invalid_field", "asOf"], // tomorrow
      ["baselines", { ...base, county: "火星区" }, "invalid_field", "county"],
      ["baselines", { ...base, source: "  " }, "invalid_field", "source"],
      ["baselines", { ...base, targetId: undefined }, "missing_field", "targetId"],
      ["records", { ...rec, county: CITY }, "unknown_county", "county"],
      ["records", { ...rec, uscc: "91331000MA2000005Z" }, "invalid_uscc", "uscc"],
      ["records", { ...rec, uscc: undefined }, "missing_field", "uscc"],
      ["records", { ...rec, subject: "" }, "invalid_field", "subject"],
      ["records", { ...rec, organizationName: undefined }, "missing_field", "organizationName"],
      ["records", { ...rec, eventDate: "2025-13-01" }, "invalid_date", "eventDate"],
      ["records", { ...rec, eventDate: "2025-09-02" }, "invalid_field", "eventDate"],
      ["records", { ...rec, endedOn: "2025-07-01" }, "invalid_field", "endedOn"],
      ["records", { ...rec, endedOn: "2025-06-30" }, "invalid_field", "endedOn"],
      ["records", { ...rec, targetId: FARM }, "invalid_field", "targetId"],
      ["values", { ...val, value: "-1" }, "invalid_field", "value"],
      ["values", { ...val, value: "1e3" }, "invalid_field", "value"],
      ["values", { ...val, value: "100.5" }, "invalid_field", "value"],
      ["values", { ...val, periodEnd: "2025-03-31" }, "invalid_field", "periodEnd"],
      ["values", { ...val, periodEnd: "2025-09-30" }, "invalid_field", "periodEnd"],
      ["values", { ...val, periodStart: "2025/04/01" }, "invalid_date", "periodStart"],
      ["values", { ...val, county: "火星区" }, "invalid_field", "county"],
      ["values", { ...val, targetId: PZB }, "invalid_field", "targetId"],
    ];
    const before = await rowCounts(db);
    for (const [path, body, code, field] of cases) {
      const res = await c.city.post(`/api/v1/targets/${path}`, body);
      expectErrorShape(res.json);
      expect([path, body, res.status, res.json.error.code, res.json.error.field]).toEqual([
        path,
        body,
        400,
        code,
        field,
      ]);
      // In Chinese, naming the field (never zod's English "Invalid input").
      expect(res.json.error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(res.json.error.message).not.toMatch(/Invalid input/i);
    }
    // A body that is not JSON at all.
    const broken = await c.city.request("POST", "/api/v1/targets/baselines", "{not json");
    expect(broken.status).toBe(400);
    expectErrorShape(broken.json, "invalid_json");
    expect(await rowCounts(db)).toEqual(before);

    // A target that does not exist: 404 naming the field, nothing written.
    for (const path of ["baselines", "values"]) {
      const res = await c.city.post(`/api/v1/targets/${path}`, {
        ...(path === "baselines" ? base : val),
        targetId: "no-such-target",
      });
      expect(res.status).toBe(404);
      expectErrorShape(res.json, "not_found");
      expect(res.json.error.field).toBe("targetId");
    }
    expect(await rowCounts(db)).toEqual(before);
  });

  it("bad query parameters are refused naming the field", async () => {
    for (const path of [
      "/api/v1/targets?asOf=2025-02-30",
      `/api/v1/targets/${PZB}?asOf=yesterday`,
      `/api/v1/targets/${PZB}/contributions?asOf=2025-9-1`,
    ]) {
      const res = await c.city.get(path);
      expect(res.status, path).toBe(400);
      expect(res.json.error.field).toBe("asOf");
    }
    for (const path of [
      "/api/v1/targets?county=火星区",
      `/api/v1/targets/${PZB}/contributions?county=x`,
    ]) {
      const res = await c.city.get(path);
      expect(res.status, path).toBe(400);
      expect(res.json.error.field).toBe("county");
    }
    const missing = await c.city.get("/api/v1/targets/no-such-target");
    expect(missing.status).toBe(404);
    expectErrorShape(missing.json, "not_found");
  });

  // ── access ────────────────────────────────────────────────────────────────

  it("who may read: officials, finance and the leader; not enterprises, admins or the public", async () => {
    for (const path of [
      "/api/v1/targets",
      `/api/v1/targets/${PZB}`,
      `/api/v1/targets/${PZB}/contributions`,
    ]) {
      for (const client of [c.city, c.countyX, c.countyY, c.financeCity, c.financeX, leader])
        expect((await client.get(path)).status, path).toBe(200);
      for (const client of [c.entA, c.entB, c.sysadmin, c.secadmin, c.auditor]) {
        const res = await client.get(path);
        expect(res.status, path).toBe(403);
        expectErrorShape(res.json, "forbidden");
      }
      const anonymous = await fetch(`${server.url}${path}`);
      expect(anonymous.status).toBe(401);
    }
    // Nor an enterprise the evidence of a value.
    const ent = await c.entA.get(`/api/v1/targets/values/${f.farm1}/evidence/${f.document}`);
    expect([403, 404]).toContain(ent.status);
    expect(ent.json instanceof ArrayBuffer).toBe(false);
  });

  it("who may write: the city for all; a county only records in its own county", async () => {
    const rec = (county: string, n: number) => ({
      targetId: PZB,
      county,
      organizationName: `企业 ${n}`,
      uscc: uscc(n),
      subject: `品字标认证证书 ${n}`,
      eventDate: "2025-07-01",
      source: "登记",
    });
    const base = { targetId: PZB, county: LINHAI, value: "11", asOf: "2025-06-30", source: "年报" };
    const val = {
      targetId: FARM,
      value: "99",
      periodStart: "2025-07-01",
      periodEnd: "2025-07-31",
      source: "通报",
    };
    const before = await rowCounts(db);
    // A county official: not in another county, no baselines, no values.
    for (const [client, path, body] of [
      [c.countyX, "records", rec(JIAOJIANG, 21)],
      [c.countyY, "records", rec(LINHAI, 22)],
      [c.countyX, "baselines", base],
      [c.countyX, "values", val],
      [c.entA, "records", rec(LINHAI, 23)],
      [c.entA, "baselines", base],
      [c.financeCity, "records", rec(LINHAI, 24)],
      [c.financeCity, "values", val],
      [leader, "records", rec(LINHAI, 25)],
      [leader, "baselines", base],
      [c.sysadmin, "baselines", base],
    ] as const) {
      const res = await client.post(`/api/v1/targets/${path}`, body);
      expect(res.status, `${path} ${JSON.stringify(res.json)}`).toBe(403);
      expectErrorShape(res.json, "forbidden");
    }
    const after = await rowCounts(db);
    expect({ ...after, auditSuccesses: 0 }).toEqual({ ...before, auditSuccesses: 0 });
    expect(after.auditSuccesses).toBe(before.auditSuccesses);
    // Each refusal is in the audit log.
    const denied = await db
      .selectFrom("audit_log")
      .select(["action"])
      .where("outcome", "=", "denied")
      .where("action", "like", "target.%")
      .execute();
    expect(denied.length).toBeGreaterThanOrEqual(11);

    // Its own county, and the city anywhere.
    ok(await c.countyX.post("/api/v1/targets/records", rec(LINHAI, 26)), 201, "own");
    ok(await c.city.post("/api/v1/targets/records", rec(JIAOJIANG, 27)), 201, "city");
  });

  // ── the CLI ───────────────────────────────────────────────────────────────

  describe("qi targets", () => {
    const qi = (args: readonly string[]) => {
      const env = {
        ...process.env,
        QI_DATA_DIR: server.db.dataDir,
        DATABASE_URL: server.db.url ?? "",
      };
      const r = spawnSync(process.execPath, [QI_BIN, ...args], {
        encoding: "utf8",
        timeout: 60_000,
        env,
      });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    };

    it("lists every target with the city's value and status on a day", async () => {
      const api = await targetIn(c.city, PZB, `?asOf=${TODAY}`);
      const r = qi(["targets", "--as-of", TODAY]);
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      const line = r.stdout.split("\n").find((l) => l.startsWith(PZB));
      expect(line).toBeDefined();
      expect(line).toContain(`${api.progress.value}家`);
      expect(line).toContain("进度滞后");
      expect(r.stdout.split("\n").find((l) => l.startsWith(FARM))).toContain("已达成");
      expect(r.stdout).toContain(`统计日期 ${TODAY}`);

      const json = qi(["targets", "--as-of", TODAY, "--county", LINHAI, "--json"]);
      expect(json.status).toBe(0);
      const parsed = JSON.parse(json.stdout);
      const pzb = parsed.items.find((t: any) => t.id === PZB);
      expect(pzb.progress.value).toBe(api.progress.value);
      expect(pzb.progress.counties.map((x: any) => x.county)).toEqual([LINHAI]);
    });

    it("shows one target as JSON, the same as the API, with the records counted", async () => {
      const api = ok(await c.city.get(`/api/v1/targets/${GB}?asOf=${TODAY}`), 200, "gb").json;
      const counted = await contributions(GB, `?asOf=${TODAY}`);
      for (const args of [
        ["targets", "show", GB, "--json", "--as-of", TODAY],
        ["targets", "show", GB, "--as-of", TODAY, "--json"],
      ]) {
        const r = qi(args);
        expect(r.stderr).toBe("");
        expect(r.status).toBe(0);
        const shown = JSON.parse(r.stdout);
        expect(shown).toMatchObject({ id: GB, asOf: TODAY, progress: api.progress });
        expect(shown.progress.value).toBe("6");
        expect(shown.counted.items.map((i: any) => i.ref).sort()).toEqual(refsOf(counted));
        expect(shown.counted.items.map((i: any) => i.ref)).toContain(f.rs2);
        for (const s of PERSONAL) expect(r.stdout).not.toContain(s);
      }
      const text = qi(["targets", "show", GB, "--as-of", TODAY]);
      expect(text.status).toBe(0);
      expect(text.stdout).toContain("牵头制修订国家标准：6项");
      expect(text.stdout).toContain(JIAOJIANG);
    });

    it("a bad --as-of or --county exits non-zero naming the option", () => {
      for (const args of [
        ["targets", "--as-of", "2025-02-30"],
        ["targets", "show", GB, "--as-of", "2025-13-01"],
        ["targets", "show", GB, "--json", "--as-of", "tomorrow"],
      ]) {
        const r = qi(args);
        expect(r.status, args.join(" ")).toBe(2);
        expect(r.stdout).toBe("");
        expect(r.stderr).toContain("--as-of");
        expect(r.stderr).toContain(args.at(-1) as string);
        expect(r.stderr.trim().split("\n")).toHaveLength(1);
      }
      const county = qi(["targets", "--county", "火星区"]);
      expect(county.status).toBe(2);
      expect(county.stderr).toContain("--county");
      const unknown = qi(["targets", "show", "no-such-target"]);
      expect(unknown.status).toBe(1);
      expect(unknown.stderr).toContain("no-such-target");
    });
  });
});
