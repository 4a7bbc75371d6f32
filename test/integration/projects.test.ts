import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../src/audit/audit-log.ts";
import type { DB } from "../../src/db/database.ts";
import { verifyLedger } from "../../src/ledger/verify-ledger.ts";
import { rankProposals } from "../../src/projects/ranking.ts";
import { assignRole } from "../../src/users/assign-role.ts";
import { createUser } from "../../src/users/create-user.ts";
import { recordRelation } from "../../src/users/relations.ts";
import type { ApiClient } from "../helpers/api.ts";
import { DIALECTS } from "../helpers/db.ts";
import { buildWorld, demoPdf, PASSWORD, type World } from "../helpers/world.ts";
import { expectErrorShape, loginAs, ok, type Res } from "./support-access.ts";
import {
  beijing,
  type ClockedServer,
  keyed,
  startClockedServer,
  TestClock,
} from "./support-money.ts";
import {
  addEnterprise,
  addExpert,
  CRITERIA,
  callBody,
  callRow,
  type Enterprise,
  type Expert,
  projectPostings,
  proposalRows,
  selectedCall,
  trancheBudget,
  tranchesOf,
} from "./support-projects.ts";

/**
 * Public projects (三（三）4) over the real HTTP API, one call from its publication to the last
 * payment: proposals and their checks, the expert panel with conflicts of interest, blind and
 * final scores, a reproducible ranking, selection within the call's budget (skip what does not
 * fit, never part-fund), publicity with objections, funding in tranches reserved in the ledger,
 * acceptance (验收) and payment, and who may see and do what.
 *
 * The server's clock is the test's. Every session is opened at LOGIN_AT, later than any instant the
 * tests visit, so moving the clock over the months of a call never times a session out.
 */

const LOGIN_AT = beijing("2027-01-02", "12:00");

/** The order of the five proposals of the call, by the letter the tests use. */
const KEYS = ["P1", "P2", "P3", "P4", "P5"] as const;
type Key = (typeof KEYS)[number];

/**
 * Each expert's points per proposal (every criterion the same, so the total is points × 100);
 * undefined where the expert must step aside. e1 is middling, e2 severe, e3 lenient.
 */
const POINTS: Record<string, Partial<Record<Key, number>>> = {
  e1: { P1: 90, P2: 85, P3: 80, P4: 75, P5: 50 },
  e2: { P1: 80, P2: 78, P3: 70, P4: 65, P5: 40 },
  e3: { P1: 95, P2: 93, P4: 91, P5: 70 }, // works at C's organization: not P3
  e4: { P1: 88, P3: 82, P4: 76, P5: 55 }, // related to B: not P2
  e5: { P1: 85, P2: 80, P3: 75, P5: 45 }, // declares a conflict on P4
};

describe.each(DIALECTS)("public projects over HTTP (%s)", (dialect) => {
  let server: ClockedServer;
  let clock: TestClock;
  let db: DB;
  let world: World;
  let entC: Enterprise;
  let entD: Enterprise;
  const experts: Record<string, Expert> = {};
  const c: Record<string, ApiClient> = {};
  let callId: string;
  const p: Record<Key, string> = { P1: "", P2: "", P3: "", P4: "", P5: "" };
  const docs: Partial<Record<Key, string>> = {};
  let batchId: string;
  let batchEnd: string;
  /** A sixth proposal, withdrawn before the closing date: never scored, ranked or selected. */
  let withdrawnId: string;
  const activeRows = async () =>
    (await proposalRows(db, callId)).filter((x) => x.id !== withdrawnId);

  const at = (date: string, time = "10:00") => clock.setBeijing(date, time);
  const anonymous = async (method: string, path: string, body?: unknown): Promise<Res> => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: await res.json(), headers: res.headers };
  };
  const propose = (client: ApiClient, body: Record<string, unknown>, id = callId) =>
    client.post(`/api/v1/project-calls/${id}/proposals`, {
      category: "质量分析与质量诊断",
      title: "汽摩配产业质量诊断与提升服务",
      requested: 100_000,
      plan: "项目目标、实施内容、进度安排与经费预算。",
      ...body,
    });
  const upload = (client: ApiClient, id: string, name: string, data: Uint8Array, type: string) => {
    const form = new FormData();
    form.append("file", new Blob([data], { type }), name);
    return client.request("POST", `/api/v1/project-proposals/${id}/documents`, form);
  };
  const scoreBody = (points: number) => ({
    scores: Object.fromEntries(CRITERIA.map((k) => [k.id, points])),
    comment: "方案清晰",
  });
  const scoreAs = (expert: string, key: Key, points?: number) =>
    c[expert]?.post(
      `/api/v1/project-proposals/${p[key]}/scores`,
      scoreBody(points ?? (POINTS[expert]?.[key] as number)),
    ) as Promise<Res>;
  const storedScore = async (expert: string, key: Key) =>
    db
      .selectFrom("project_scores")
      .selectAll()
      .where("proposal_id", "=", p[key])
      .where("expert_id", "=", experts[expert]?.actor.userId as string)
      .executeTakeFirst();
  const pay = (client: ApiClient, trancheId: string, key: string, ref = "GK2025-0001") =>
    keyed(
      client,
      "POST",
      `/api/v1/project-tranches/${trancheId}/pay`,
      { treasuryRef: ref, paidOn: "2025-09-10" },
      key,
    );
  const tranche = async (key: Key, kind: "advance" | "final") => {
    const rows = await tranchesOf(db, [p[key]]);
    return rows.find((t) => t.kind === kind);
  };

  beforeAll(async () => {
    clock = new TestClock(beijing("2025-01-10"));
    server = await startClockedServer(dialect, clock);
    db = server.context.database.db;
    const ctx = server.context;
    world = await buildWorld(ctx);
    entC = await addEnterprise(ctx, 31, "温岭市");
    entD = await addEnterprise(ctx, 32, "玉环市");
    for (const name of ["e1", "e2", "e5", "e6"]) experts[name] = await addExpert(ctx, world, name);
    // e3 works at C's organization (an expert names it when the account is made).
    experts.e3 = await addExpert(ctx, world, "e3", entC.orgId);
    // e4 has a relation with B recorded by the security admin (while a county official) and is
    // an expert now.
    const official = await createUser(ctx, world.users.sysadmin.actor, {
      username: "e4",
      displayName: "e4 教授",
      role: "county_official",
      county: "椒江区",
      password: PASSWORD,
    });
    await recordRelation(ctx, world.users.secadmin.actor, {
      userId: official.id,
      organizationId: world.orgB.id,
      note: "曾任该企业质量顾问",
    });
    await assignRole(ctx, world.users.secadmin.actor, official.id, { role: "expert" });
    experts.e4 = {
      username: "e4",
      displayName: "e4 教授",
      actor: {
        userId: official.id,
        username: "e4",
        role: "expert",
        organizationId: null,
        county: null,
        ip: null,
      },
    };
    clock.set(LOGIN_AT);
    for (const [k, username] of [
      ["city", world.users.city.username],
      ["entA", world.users.entA.username],
      ["entB", world.users.entB.username],
      ["entC", entC.username],
      ["entD", entD.username],
      ["financeCity", world.users.financeCity.username],
      ["financeX", world.users.financeX.username],
      ["countyX", world.users.countyX.username],
      ["auditor", world.users.auditor.username],
      ...Object.keys(experts).map((e) => [e, e]),
    ] as const)
      c[k] = await loginAs(server.url, username);
  });

  afterAll(async () => {
    await server?.close();
  });

  it("the city publishes a call; the public sees it; the panel takes experts only", async () => {
    at("2025-02-20");
    const bad = await c.city?.post("/api/v1/project-calls", {
      ...callBody(),
      criteria: [{ id: "need", name: "必要性", weight: 90 }],
    });
    expect(bad?.status).toBe(400);
    expectErrorShape(bad?.json, "invalid_field");
    expect(bad?.json.error.field).toBe("criteria");
    expect((await c.entA?.post("/api/v1/project-calls", callBody()))?.status).toBe(403);

    const created = ok(
      (await c.city?.post("/api/v1/project-calls", callBody())) as Res,
      201,
      "call",
    );
    callId = created.json.id;
    expect(created.json).toMatchObject({
      number: "XM-2025-01",
      year: 2025,
      budget: 1_000_000,
      allocated: 0,
      maxPerProposal: 600_000,
      advancePercent: 40,
      passMark: 60,
      state: "open",
      criteria: CRITERIA,
    });
    expect(created.json.categories).toContain("质量分析与质量诊断");
    const pub = await anonymous("GET", "/api/v1/public/project-calls?year=2025");
    expect(pub.status).toBe(200);
    expect(pub.json.items.map((x: any) => x.id)).toContain(callId);

    for (const e of ["e1", "e2", "e3", "e4", "e5"]) {
      const r = await c.city?.post(`/api/v1/project-calls/${callId}/panel`, {
        userId: experts[e]?.actor.userId,
      });
      expect(r?.status, JSON.stringify(r?.json)).toBe(201);
    }
    const notExpert = await c.city?.post(`/api/v1/project-calls/${callId}/panel`, {
      userId: world.users.entA.actor.userId,
    });
    expect(notExpert?.status).toBe(400);
    expect(notExpert?.json.error.field).toBe("userId");
    const byExpert = await c.e1?.post(`/api/v1/project-calls/${callId}/panel`, {
      userId: experts.e6?.actor.userId,
    });
    expect(byExpert?.status).toBe(403);
  });

  it("proposals: refused before the opening, checked for amount and category, late ones refused", async () => {
    at("2025-02-28", "23:30");
    const early = await propose(c.entA as ApiClient, {});
    expect(early.status).toBe(409);
    expect(early.json.error.field).toBe("opensOn");
    expect(early.json.error.message).toContain("2025-03-01");

    at("2025-03-10");
    const overMax = await propose(c.entA as ApiClient, { requested: 600_001 });
    expect(overMax.status).toBe(400);
    expectErrorShape(overMax.json, "invalid_field");
    expect(overMax.json.error.field).toBe("requested");
    expect(overMax.json.error.message).toContain("600000");
    const unknown = await propose(c.entA as ApiClient, { category: "房地产开发" });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.field).toBe("category");
    const zero = await propose(c.entA as ApiClient, { requested: 0 });
    expect(zero.status).toBe(400);
    expect(zero.json.error.field).toBe("requested");
    // A call without a per-proposal limit: its budget is the limit.
    const open = ok(
      (await c.city?.post("/api/v1/project-calls", {
        ...callBody({ title: "小额征集", budget: 500_000 }),
        maxPerProposal: undefined,
      })) as Res,
      201,
      "second call",
    );
    const overBudget = await propose(c.entA as ApiClient, { requested: 500_001 }, open.json.id);
    expect(overBudget.status).toBe(400);
    expect(overBudget.json.error.field).toBe("requested");
    expect(overBudget.json.error.message).toContain("500000");
    expect((await c.city?.post(`/api/v1/project-calls/${callId}/proposals`, {}))?.status).toBe(400);
    expect(
      (
        await propose(c.city as ApiClient, {
          category: "质量分析与质量诊断",
        })
      ).status,
    ).toBe(403);

    const submit = async (client: ApiClient, key: Key, requested: number, title: string) => {
      const r = ok(await propose(client, { requested, title }), 201, `proposal ${key}`);
      p[key] = r.json.id;
      expect(r.json).toMatchObject({ requested, state: "submitted", callId });
      return r;
    };
    await submit(c.entA as ApiClient, "P1", 400_000, "汽摩配产业质量诊断");
    await submit(c.entB as ApiClient, "P2", 350_000, "缝制设备标准对标达标");
    await submit(c.entC as ApiClient, "P3", 300_000, "模具行业质量数据中台");
    await submit(c.entD as ApiClient, "P4", 200_000, "出口产品技术性贸易措施应对");
    const last = await submit(c.entA as ApiClient, "P5", 100_000, "卓越绩效模式推广");
    expect(last.json.number).toBe("XM-2025-01-005");
    const sixth = ok(await propose(c.entD as ApiClient, { title: "撤回的项目" }), 201, "P6");
    withdrawnId = sixth.json.id;
    expect((await c.entA?.post(`/api/v1/project-proposals/${withdrawnId}/withdraw`))?.status).toBe(
      404,
    );
    const withdrawn = await c.entD?.post(`/api/v1/project-proposals/${withdrawnId}/withdraw`);
    expect(withdrawn?.status).toBe(200);
    expect(withdrawn?.json).toEqual({ id: withdrawnId, state: "withdrawn" });

    const pdf = demoPdf("项目实施方案");
    for (const [key, client] of [
      ["P1", c.entA],
      ["P2", c.entB],
      ["P3", c.entC],
      ["P4", c.entD],
    ] as const) {
      const r = ok(
        await upload(client as ApiClient, p[key], "实施方案.pdf", pdf, "application/pdf"),
        201,
        `document ${key}`,
      );
      expect(r.json).toMatchObject({ mime: "application/pdf", size: pdf.length });
      docs[key] = r.json.id;
    }
    const text = await upload(
      c.entA as ApiClient,
      p.P1,
      "plan.pdf",
      new TextEncoder().encode("not a pdf"),
      "application/pdf",
    );
    expect(text.status).toBe(415);
    expect((await upload(c.entB as ApiClient, p.P1, "x.pdf", pdf, "application/pdf")).status).toBe(
      404,
    );

    at("2025-04-01", "00:30");
    const late = await propose(c.entB as ApiClient, { title: "逾期项目" });
    expect(late.status).toBe(409);
    expectErrorShape(late.json, "invalid_state");
    expect(late.json.error.field).toBe("closesOn");
    expect(late.json.error.message).toContain("2025-03-31");
    expect(await activeRows()).toHaveLength(5);
    const withdrawLate = await c.entA?.post(`/api/v1/project-proposals/${p.P1}/withdraw`);
    expect(withdrawLate?.status).toBe(409);
    const lateDoc = await upload(c.entA as ApiClient, p.P1, "补充.pdf", pdf, "application/pdf");
    expect(lateDoc.status).toBe(409);
  });

  it("who may see a proposal: its enterprise, the city and the panel; not another enterprise, a county official, finance or an expert off the panel", async () => {
    at("2025-04-02");
    const own = ok((await c.entA?.get(`/api/v1/project-proposals/${p.P1}`)) as Res, 200, "own");
    expect(own.json).toMatchObject({ id: p.P1, plan: "项目目标、实施内容、进度安排与经费预算。" });
    expect(own.json.scores).toEqual([]);
    expect(own.json.documents).toHaveLength(1);
    const other = await c.entB?.get(`/api/v1/project-proposals/${p.P1}`);
    expect(other?.status).toBe(404);
    expectErrorShape(other?.json, "not_found");
    expect(
      (await c.entB?.get(`/api/v1/project-proposals/${p.P1}/documents/${docs.P1}`))?.status,
    ).toBe(404);
    // An enterprise sees only its own proposals of the call.
    const callForB = ok((await c.entB?.get(`/api/v1/project-calls/${callId}`)) as Res, 200, "call");
    expect(callForB.json.proposals.map((x: any) => x.id)).toEqual([p.P2]);
    expect(callForB.json.panel).toEqual([]);
    const city = ok((await c.city?.get(`/api/v1/project-proposals/${p.P3}`)) as Res, 200, "city");
    expect(city.json.documents).toHaveLength(1);
    // County officials and finance do not read proposals (access.ts, project.readProposal), not
    // even one of their own county (P1 is org A's, in 临海市): not found, and nothing in the call.
    for (const [who, client] of [
      ["countyX", c.countyX],
      ["financeCity", c.financeCity],
      ["financeX", c.financeX],
    ] as const) {
      for (const key of ["P1", "P3"] as const) {
        const r = await client?.get(`/api/v1/project-proposals/${p[key]}`);
        expect(r?.status, `${who} reads ${key}`).toBe(404);
        expectErrorShape(r?.json, "not_found");
        const d = await client?.get(`/api/v1/project-proposals/${p[key]}/documents/${docs[key]}`);
        expect(d?.status, `${who} opens ${key}'s document`).toBe(404);
      }
      const call = ok((await client?.get(`/api/v1/project-calls/${callId}`)) as Res, 200, who);
      expect(call.json.proposals).toEqual([]);
      expect(call.json.panel).toEqual([]);
    }
    // An expert who is not on the panel does not learn that the call or the proposal exists.
    expect((await c.e6?.get(`/api/v1/project-proposals/${p.P1}`))?.status).toBe(404);
    expect((await c.e6?.get(`/api/v1/project-calls/${callId}`))?.status).toBe(404);
    expect(
      (await c.e6?.get(`/api/v1/project-proposals/${p.P1}/documents/${docs.P1}`))?.status,
    ).toBe(404);
    const e6Score = await c.e6?.post(`/api/v1/project-proposals/${p.P1}/scores`, scoreBody(90));
    expect(e6Score?.status).toBe(404);
    expectErrorShape(e6Score?.json, "not_found");
    const e6Conflict = await c.e6?.post(`/api/v1/project-proposals/${p.P1}/conflict`, {
      reason: "想看看",
    });
    expect(e6Conflict?.status).toBe(404);
    expect((await c.e6?.get("/api/v1/expert/queue"))?.json.items).toEqual([]);
    // The panel's queue: the five proposals still in the competition, not the withdrawn one.
    const queue = ok((await c.e1?.get("/api/v1/expert/queue")) as Res, 200, "queue");
    expect(queue.json.items.map((x: any) => x.id)).toEqual([callId]);
    expect(queue.json.items[0].proposals.map((x: any) => x.id)).toEqual(KEYS.map((k) => p[k]));
    expect(queue.json.items[0].proposals.every((x: any) => x.myTotal === null)).toBe(true);
    const onWithdrawn = await c.e1?.post(
      `/api/v1/project-proposals/${withdrawnId}/scores`,
      scoreBody(90),
    );
    expect(onWithdrawn?.status).toBe(409);
  });

  it("scoring waits for the closing date", async () => {
    at("2025-03-31", "23:00");
    const r = await scoreAs("e1", "P1");
    expect(r.status).toBe(409);
    expect(r.json.error.message).toContain("2025-03-31");
    expect(await storedScore("e1", "P1")).toBeUndefined();
    const rank = await c.city?.post(`/api/v1/project-calls/${callId}/rank`);
    expect(rank?.status).toBe(409);
  });

  it("conflicts of interest: own organization, a recorded relation, a declaration — each refused", async () => {
    at("2025-04-02");
    const declared = await c.e5?.post(`/api/v1/project-proposals/${p.P4}/conflict`, {
      reason: "曾为该单位提供咨询服务",
    });
    expect(declared?.status).toBe(201);
    for (const [expert, key, why] of [
      ["e3", "P3", "申报单位为专家所在单位"],
      ["e4", "P2", "与申报单位存在已登记关系：曾任该企业质量顾问"],
      ["e5", "P4", "专家申报回避：曾为该单位提供咨询服务"],
    ] as const) {
      const r = await scoreAs(expert, key, 90);
      expect(r.status, `${expert} scores ${key}`).toBe(403);
      expectErrorShape(r.json, "forbidden");
      expect(r.json.error.message).toContain(why);
      expect(await storedScore(expert, key)).toBeUndefined();
      const doc = await c[expert]?.get(
        `/api/v1/project-proposals/${p[key]}/documents/${docs[key]}`,
      );
      expect(doc?.status, `${expert} opens ${key}'s document`).toBe(403);
      const view = ok(
        (await c[expert]?.get(`/api/v1/project-proposals/${p[key]}`)) as Res,
        200,
        "view",
      );
      expect(view.json.conflict).toBe(why);
      expect(view.json.plan).toBeNull();
      expect(view.json.documents).toEqual([]);
      const queue = ok((await c[expert]?.get("/api/v1/expert/queue")) as Res, 200, "queue");
      const item = queue.json.items[0].proposals.find((x: any) => x.id === p[key]);
      expect(item.conflict).toBe(why);
    }
    // Their other proposals they may open.
    const doc = await c.e3?.get(`/api/v1/project-proposals/${p.P1}/documents/${docs.P1}`);
    expect(doc?.status).toBe(200);
    expect(doc?.headers.get("content-type")).toContain("application/pdf");
    expect(Buffer.from(doc?.json as ArrayBuffer).equals(demoPdf("项目实施方案"))).toBe(true);
  });

  it("blind review: an expert sees the others' scores only after submitting; a score is final", async () => {
    at("2025-04-03");
    ok(await scoreAs("e2", "P1"), 201, "e2 P1");
    const before = ok((await c.e1?.get(`/api/v1/project-proposals/${p.P1}`)) as Res, 200, "P1");
    expect(before.json.scored).toBe(false);
    expect(before.json.scores).toEqual([]);
    const callBefore = ok((await c.e1?.get(`/api/v1/project-calls/${callId}`)) as Res, 200, "call");
    const inCall = callBefore.json.proposals.find((x: any) => x.id === p.P1);
    expect(inCall.scores).toEqual([]);
    expect(JSON.stringify(callBefore.json)).not.toContain('"total":80');

    // Bad score sheets.
    const missing = await c.e1?.post(`/api/v1/project-proposals/${p.P1}/scores`, {
      scores: { need: 90, plan: 90 },
    });
    expect(missing?.status).toBe(400);
    expect(missing?.json.error.field).toBe("scores.effect");
    const extra = await c.e1?.post(`/api/v1/project-proposals/${p.P1}/scores`, {
      scores: { need: 90, plan: 90, effect: 90, bonus: 10 },
    });
    expect(extra?.status).toBe(400);
    expect(extra?.json.error.field).toBe("scores.bonus");
    const high = await c.e1?.post(`/api/v1/project-proposals/${p.P1}/scores`, {
      scores: { need: 101, plan: 90, effect: 90 },
    });
    expect(high?.status).toBe(400);

    const mine = ok(await scoreAs("e1", "P1"), 201, "e1 P1");
    expect(mine.json).toEqual({ proposalId: p.P1, total: 90 });
    const after = ok((await c.e1?.get(`/api/v1/project-proposals/${p.P1}`)) as Res, 200, "P1");
    expect(after.json.scored).toBe(true);
    expect(
      after.json.scores.map((s: any) => [s.expert, s.total]).sort((a: any, b: any) => a[1] - b[1]),
    ).toEqual([
      [experts.e2?.displayName, 80],
      [experts.e1?.displayName, 90],
    ]);
    // The enterprise never sees the experts' scores.
    const own = ok((await c.entA?.get(`/api/v1/project-proposals/${p.P1}`)) as Res, 200, "own");
    expect(own.json.scores).toEqual([]);

    const stepAside = await c.e1?.post(`/api/v1/project-proposals/${p.P1}/conflict`, {
      reason: "评分后才想起",
    });
    expect(stepAside?.status).toBe(409);
    const again = await scoreAs("e1", "P1", 60);
    expect(again.status).toBe(409);
    expectErrorShape(again.json, "conflict");
    expect((await storedScore("e1", "P1"))?.total_centi).toBe(9_000);
    expect(JSON.parse((await storedScore("e1", "P1"))?.scores as string)).toEqual({
      need: 90,
      plan: 90,
      effect: 90,
    });
  });

  it("ranking is refused while scores are missing, and the message counts them", async () => {
    at("2025-04-05");
    // 5 experts × 5 proposals, less the 3 conflicts: 22 scores; 2 are in.
    const r = await c.city?.post(`/api/v1/project-calls/${callId}/rank`);
    expect(r?.status).toBe(409);
    expect(r?.json.error.field).toBe("scores");
    expect(r?.json.error.message).toContain("尚有 20 份评分未提交");
    for (const [expert, points] of Object.entries(POINTS))
      for (const key of KEYS) {
        if (points[key] === undefined || (await storedScore(expert, key))) continue;
        ok(await scoreAs(expert, key), 201, `${expert} ${key}`);
      }
    const onlyCity = await c.e1?.post(`/api/v1/project-calls/${callId}/rank`);
    expect(onlyCity?.status).toBe(403);
  });

  it("the ranking is the one recomputed from the stored scores, and /ranking/verify agrees", async () => {
    at("2025-04-10");
    const r = ok((await c.city?.post(`/api/v1/project-calls/${callId}/rank`)) as Res, 200, "rank");
    const all = await proposalRows(db, callId);
    expect(all.find((x) => x.id === withdrawnId)).toMatchObject({ state: "withdrawn", rank: null });
    const rows = all.filter((x) => x.id !== withdrawnId);
    const scores = await db
      .selectFrom("project_scores")
      .select(["proposal_id", "expert_id", "total_centi"])
      .where(
        "proposal_id",
        "in",
        rows.map((x) => x.id),
      )
      .execute();
    expect(scores).toHaveLength(22);
    const expected = rankProposals(
      rows.map((x) => ({
        id: x.id,
        number: x.number,
        submissionSeq: Number(x.submission_seq),
        requested: x.requested,
      })),
      scores.map((s) => ({
        proposalId: s.proposal_id,
        expertId: s.expert_id,
        totalCenti: s.total_centi,
      })),
      6_000,
    );
    // Every expert put them in the same order; P5's raw mean (52) is below the pass mark.
    expect(expected.map((x) => x.id)).toEqual(KEYS.map((k) => p[k]));
    expect(expected.map((x) => x.fundable)).toEqual([true, true, true, true, false]);
    expect(r.json.ranking).toEqual(JSON.parse(JSON.stringify(expected)));
    for (const e of expected) {
      const row = rows.find((x) => x.id === e.id);
      expect(row).toMatchObject({ state: "ranked", rank: e.rank, score_micro: e.scoreMicro });
    }
    expect((await callRow(db, callId)).state).toBe("ranked");
    const verify = ok(
      (await c.city?.get(`/api/v1/project-calls/${callId}/ranking/verify`)) as Res,
      200,
      "verify",
    );
    expect(verify.json).toMatchObject({ callId, ok: true, differences: [] });
    expect((await c.entA?.get(`/api/v1/project-calls/${callId}/ranking/verify`))?.status).toBe(403);
    // The panel may check it; an expert off the panel learns nothing of the call.
    const byPanel = await c.e2?.get(`/api/v1/project-calls/${callId}/ranking/verify`);
    expect(byPanel?.json).toMatchObject({ ok: true });
    const offPanel = await c.e6?.get(`/api/v1/project-calls/${callId}/ranking/verify`);
    expect(offPanel?.status).toBe(404);
    expectErrorShape(offPanel?.json, "not_found");

    // A stored rank changed behind the system's back is found.
    await db.updateTable("project_proposals").set({ rank: 9 }).where("id", "=", p.P3).execute();
    const broken = ok(
      (await c.city?.get(`/api/v1/project-calls/${callId}/ranking/verify`)) as Res,
      200,
      "verify",
    );
    expect(broken.json).toMatchObject({ ok: false, differences: ["XM-2025-01-003"] });
    await db.updateTable("project_proposals").set({ rank: 3 }).where("id", "=", p.P3).execute();

    expect((await c.city?.post(`/api/v1/project-calls/${callId}/rank`))?.status).toBe(409);
    const late = await c.city?.post(`/api/v1/project-calls/${callId}/panel`, {
      userId: experts.e6?.actor.userId,
    });
    expect(late?.status).toBe(409);
  });

  it("selection funds in rank order within the budget: a proposal that fits only in part is skipped, the next is funded", async () => {
    at("2025-04-11");
    const r = ok(
      (await c.city?.post(`/api/v1/project-calls/${callId}/selection`, {
        startDate: "2025-04-14",
        workingDays: 5,
      })) as Res,
      201,
      "selection",
    );
    batchId = r.json.batch.id;
    batchEnd = r.json.batch.endDate;
    expect(r.json.batch).toMatchObject({ startDate: "2025-04-14", endDate: "2025-04-18" });
    expect(r.json.total).toBe(950_000);
    expect(
      r.json.selection.map((s: any) => [s.id, s.selected, s.amount, s.remainingAfter, s.rank]),
    ).toEqual([
      [p.P1, true, 400_000, 600_000, 1],
      [p.P2, true, 350_000, 250_000, 2],
      [p.P3, false, 0, 250_000, 3],
      [p.P4, true, 200_000, 50_000, 4],
      [p.P5, false, 0, 50_000, 5],
    ]);
    expect(r.json.selection[2].reason).toContain("300000");
    expect(r.json.selection[2].reason).toContain("250000");
    const call = await callRow(db, callId);
    expect(call).toMatchObject({
      allocated: 950_000,
      state: "publicity",
      publicity_batch_id: batchId,
    });
    const rows = await activeRows();
    expect(rows.map((x) => [x.state, x.funded_amount])).toEqual([
      ["publicity", 400_000],
      ["publicity", 350_000],
      ["not_selected", null],
      ["publicity", 200_000],
      ["not_selected", null],
    ]);
    const again = await c.city?.post(`/api/v1/project-calls/${callId}/selection`, {
      startDate: "2025-04-14",
    });
    expect(again?.status).toBe(409);
    expect((await callRow(db, callId)).allocated).toBe(950_000);
  });

  it("the publicity batch is public, of kind projects, with organization, title and amount and no personal data", async () => {
    at("2025-04-15");
    const list = await anonymous("GET", "/api/v1/public/publicity");
    expect(list.status).toBe(200);
    const item = list.json.items.find((b: any) => b.id === batchId);
    expect(item).toMatchObject({ kind: "projects", state: "open", endDate: batchEnd });
    const view = await anonymous("GET", `/api/v1/public/publicity/${batchId}`);
    expect(view.status).toBe(200);
    expect(view.json.kind).toBe("projects");
    expect(view.json.entries).toEqual([]);
    expect(
      view.json.projects.map((x: any) => [x.proposalId, x.organization, x.title, x.amount]),
    ).toEqual([
      [p.P1, "甲企业（临海）", "汽摩配产业质量诊断", 400_000],
      [p.P2, "乙企业（椒江）", "缝制设备标准对标达标", 350_000],
      [p.P4, entD.name, "出口产品技术性贸易措施应对", 200_000],
    ]);
    const text = JSON.stringify(view.json);
    for (const personal of [
      "张三",
      "李四",
      "0576-8555",
      "6230000000000001",
      "6230000000000002",
      "联系人32",
      "62301234",
      "经费预算",
      "教授",
      "ent-a",
    ])
      expect(text, personal).not.toContain(personal);
  });

  it("objections: an upheld one rejects its proposal and lowers the call's allocation; an open one holds its proposal", async () => {
    at("2025-04-16");
    const objection = (key: Key, name: string) =>
      anonymous("POST", `/api/v1/public/publicity/${batchId}/project-objections`, {
        proposalId: p[key],
        name,
        contact: "13800000000",
        reason: "该项目与已立项项目重复",
      });
    const onP2 = ok(await objection("P2", "王异议"), 201, "objection P2");
    const onP1 = ok(await objection("P1", "赵异议"), 201, "objection P1");
    const notListed = await objection("P3", "钱异议");
    expect(notListed.status).toBe(400);
    expect(notListed.json.error.field).toBe("proposalId");
    const listed = ok(
      (await c.city?.get(`/api/v1/project-publicity/${batchId}/objections`)) as Res,
      200,
      "objections",
    );
    expect(listed.json.items.map((o: any) => o.name).sort()).toEqual(["王异议", "赵异议"]);
    expect((await c.entA?.get(`/api/v1/project-publicity/${batchId}/objections`))?.status).toBe(
      403,
    );
    // The objector stays private.
    const view = await anonymous("GET", `/api/v1/public/publicity/${batchId}`);
    expect(JSON.stringify(view.json)).not.toContain("异议");
    expect(JSON.stringify(view.json)).not.toContain("13800000000");

    const upheld = ok(
      (await c.city?.post(`/api/v1/project-objections/${onP2.json.id}/resolve`, {
        outcome: "upheld",
        resolution: "经核实，与 2024 年已立项项目内容重复",
      })) as Res,
      200,
      "uphold",
    );
    expect(upheld.json).toMatchObject({ state: "upheld" });
    const rows = await activeRows();
    expect(rows.find((x) => x.id === p.P2)?.state).toBe("rejected");
    expect((await callRow(db, callId)).allocated).toBe(600_000);
    const twice = await c.city?.post(`/api/v1/project-objections/${onP2.json.id}/resolve`, {
      outcome: "dismissed",
      resolution: "再次处理",
    });
    expect(twice?.status).toBe(409);

    // Closing during the period funds nothing.
    const early = ok((await c.city?.post("/api/v1/publicity/close")) as Res, 200, "close early");
    expect(early.json.projectsFunded).toBe(0);
    expect(await tranchesOf(db, Object.values(p))).toEqual([]);

    // After the period: P4 is funded, P1 waits for its objection.
    at("2025-04-21");
    expect((await c.entA?.post("/api/v1/publicity/close"))?.status).toBe(403);
    const first = ok((await c.city?.post("/api/v1/publicity/close")) as Res, 200, "close");
    expect(first.json).toMatchObject({ projectsFunded: 1 });
    expect(first.json.held).toBeGreaterThanOrEqual(1);
    expect((await activeRows()).map((x) => x.state)).toEqual([
      "publicity",
      "rejected",
      "not_selected",
      "funded",
      "not_selected",
    ]);
    expect((await anonymous("GET", `/api/v1/public/publicity/${batchId}`)).json.state).toBe("open");

    ok(
      (await c.city?.post(`/api/v1/project-objections/${onP1.json.id}/resolve`, {
        outcome: "dismissed",
        resolution: "不属实",
      })) as Res,
      200,
      "dismiss",
    );
    const second = ok((await c.city?.post("/api/v1/publicity/close")) as Res, 200, "close");
    expect(second.json.projectsFunded).toBe(1);
    const again = ok((await c.city?.post("/api/v1/publicity/close")) as Res, 200, "close again");
    expect(again.json.projectsFunded).toBe(0);
    expect((await activeRows()).map((x) => x.state)).toEqual([
      "funded",
      "rejected",
      "not_selected",
      "funded",
      "not_selected",
    ]);
    const closed = await anonymous("GET", `/api/v1/public/publicity/${batchId}`);
    expect(closed.json.state).toBe("closed");
    expect(closed.json.projects.map((x: any) => x.outcome)).toEqual([
      "funded",
      "rejected",
      "funded",
    ]);
    expect((await callRow(db, callId)).state).toBe("closed");
  });

  it("funding: an advance and a final tranche per project, reserved in the ledger for exactly the funded sum", async () => {
    const tranches = await tranchesOf(db, Object.values(p));
    const summary = tranches
      .map((t) => [
        t.proposal_id === p.P1 ? "P1" : t.proposal_id === p.P4 ? "P4" : "?",
        t.kind,
        t.amount,
        t.state,
        t.year,
        t.source,
      ])
      .sort();
    expect(summary).toEqual([
      ["P1", "advance", 160_000, "reserved", 2025, "city"],
      ["P1", "final", 240_000, "reserved", 2025, "city"],
      ["P4", "advance", 80_000, "reserved", 2025, "city"],
      ["P4", "final", 120_000, "reserved", 2025, "city"],
    ]);
    const funded = (await activeRows()).filter((x) => x.state === "funded");
    const fundedSum = funded.reduce((s, x) => s + (x.funded_amount as number), 0);
    expect(fundedSum).toBe(600_000);
    expect(await trancheBudget(db, 2025)).toEqual({
      total: 20_000_000,
      reserved: 600_000,
      paid: 0,
    });
    const postings = await projectPostings(
      db,
      tranches.map((t) => t.id),
    );
    expect(postings).toHaveLength(4);
    for (const x of postings)
      expect(x).toMatchObject({ kind: "project.reserve", debit: "available", credit: "reserved" });
    const view = ok((await c.entA?.get(`/api/v1/project-proposals/${p.P1}`)) as Res, 200, "P1");
    expect(view.json.tranches.map((t: any) => [t.kind, t.amount, t.state])).toEqual([
      ["advance", 160_000, "reserved"],
      ["final", 240_000, "reserved"],
    ]);
  });

  it("payment: finance pays the advance; the final tranche waits for acceptance; a failed acceptance releases what is reserved", async () => {
    at("2025-09-10");
    const list = ok(
      (await c.financeCity?.get("/api/v1/project-tranches?year=2025")) as Res,
      200,
      "list",
    );
    expect(list.json.items).toHaveLength(4);
    expect((await c.financeX?.get("/api/v1/project-tranches"))?.status).toBe(403);
    const adv1 = (await tranche("P1", "advance"))?.id as string;
    const fin1 = (await tranche("P1", "final"))?.id as string;
    const adv4 = (await tranche("P4", "advance"))?.id as string;
    const fin4 = (await tranche("P4", "final"))?.id as string;

    const county = await pay(c.financeX as ApiClient, adv1, `pay-x-${dialect}-1`);
    expect(county.status).toBe(403);
    expect((await pay(c.city as ApiClient, adv1, `pay-city-${dialect}-1`)).status).toBe(403);
    const noKey = await keyed(
      c.financeCity as ApiClient,
      "POST",
      `/api/v1/project-tranches/${adv1}/pay`,
      { treasuryRef: "GK", paidOn: "2025-09-10" },
      null,
    );
    expect(noKey.status).toBe(400);
    expect(noKey.json.error.field).toBe("idempotency-key");

    const key = `pay-adv1-${dialect}`;
    const paid = await pay(c.financeCity as ApiClient, adv1, key);
    expect(paid.status, JSON.stringify(paid.json)).toBe(200);
    expect(paid.json).toEqual({ id: adv1, state: "paid", amount: 160_000, paidOn: "2025-09-10" });
    const replay = await pay(c.financeCity as ApiClient, adv1, key);
    expect(replay.status).toBe(200);
    expect(replay.json).toEqual(paid.json);
    const otherBody = await pay(c.financeCity as ApiClient, adv1, key, "GK2025-9999");
    expect(otherBody.status).toBe(409);
    expect(otherBody.json.error.field).toBe("idempotency-key");
    const twice = await pay(c.financeCity as ApiClient, adv1, `pay-adv1-again-${dialect}`);
    expect(twice.status).toBe(409);
    expect(await trancheBudget(db, 2025)).toEqual({
      total: 20_000_000,
      reserved: 440_000,
      paid: 160_000,
    });

    const early = await pay(c.financeCity as ApiClient, fin1, `pay-fin1-early-${dialect}`);
    expect(early.status).toBe(409);
    expect(early.json.error.message).toContain("验收");
    expect((await tranche("P1", "final"))?.state).toBe("reserved");

    // 验收 is the city's; its date cannot be in the future.
    const future = await c.city?.post(`/api/v1/project-proposals/${p.P1}/acceptance`, {
      result: "passed",
      date: "2025-09-11",
      note: "专家组验收",
    });
    expect(future?.status).toBe(400);
    expect(future?.json.error.field).toBe("date");
    expect(
      (
        await c.entA?.post(`/api/v1/project-proposals/${p.P1}/acceptance`, {
          result: "passed",
          date: "2025-09-01",
          note: "自行验收",
        })
      )?.status,
    ).toBe(403);
    const passed = ok(
      (await c.city?.post(`/api/v1/project-proposals/${p.P1}/acceptance`, {
        result: "passed",
        date: "2025-09-01",
        note: "专家组验收通过，成果已推广",
      })) as Res,
      200,
      "acceptance",
    );
    expect(passed.json).toEqual({ id: p.P1, state: "accepted", released: 0 });
    const final = await pay(c.financeCity as ApiClient, fin1, `pay-fin1-${dialect}`, "GK2025-0002");
    expect(final.status, JSON.stringify(final.json)).toBe(200);
    expect(final.json.amount).toBe(240_000);
    const acceptedAgain = await c.city?.post(`/api/v1/project-proposals/${p.P1}/acceptance`, {
      result: "failed",
      date: "2025-09-02",
      note: "再次验收",
    });
    expect(acceptedAgain?.status).toBe(409);

    // P4: acceptance failed before any payment: both tranches go back to what is available.
    const budgetBefore = await c.financeCity?.get("/api/v1/budgets?year=2025");
    const cityBefore = budgetBefore?.json.items.find((b: any) => b.source === "city");
    const failed = ok(
      (await c.city?.post(`/api/v1/project-proposals/${p.P4}/acceptance`, {
        result: "failed",
        date: "2025-09-05",
        note: "未达到预期成效",
      })) as Res,
      200,
      "failed",
    );
    expect(failed.json).toEqual({ id: p.P4, state: "acceptance_failed", released: 200_000 });
    expect((await tranche("P4", "advance"))?.state).toBe("released");
    expect((await tranche("P4", "final"))?.state).toBe("released");
    for (const [id, k] of [
      [adv4, "adv4"],
      [fin4, "fin4"],
    ] as const) {
      const refused = await pay(c.financeCity as ApiClient, id, `pay-${k}-${dialect}`);
      expect(refused.status).toBe(409);
      expect(refused.json.error.message).toBe("该笔款项已释放");
    }
    expect(await trancheBudget(db, 2025)).toEqual({
      total: 20_000_000,
      reserved: 0,
      paid: 400_000,
    });
    const budgetAfter = await c.financeCity?.get("/api/v1/budgets?year=2025");
    const cityAfter = budgetAfter?.json.items.find((b: any) => b.source === "city");
    expect(cityAfter.remaining).toBe(cityBefore.remaining + 200_000);
    const states = await tranchesOf(db, [p.P1, p.P4]);
    expect(states.map((t) => t.state).sort()).toEqual(["paid", "paid", "released", "released"]);
    const postings = await projectPostings(
      db,
      states.map((t) => t.id),
    );
    expect(postings.map((x) => x.kind).sort()).toEqual([
      "project.pay",
      "project.pay",
      "project.release",
      "project.release",
      "project.reserve",
      "project.reserve",
      "project.reserve",
      "project.reserve",
    ]);
    for (const x of postings.filter((y) => y.kind === "project.release"))
      expect(x).toMatchObject({ debit: "reserved", credit: "available" });
    const paidList = ok(
      (await c.financeCity?.get("/api/v1/project-tranches?state=paid")) as Res,
      200,
      "paid",
    );
    expect(paidList.json.items.map((t: any) => t.treasuryRef).sort()).toEqual([
      "GK2025-0001",
      "GK2025-0002",
    ]);
  });

  it("an acceptance failed after the advance was paid releases only the final tranche", async () => {
    const ctx = server.context;
    const seeded = await selectedCall(ctx, world, {
      year: 2026,
      budget: 500_000,
      requested: [100_000],
      enterprises: [entC],
      experts: [experts.e1 as Expert, experts.e2 as Expert],
    });
    const id = seeded.proposals[0]?.id as string;
    at("2025-05-06");
    const closed = ok((await c.city?.post("/api/v1/publicity/close")) as Res, 200, "close");
    expect(closed.json.projectsFunded).toBe(1);
    const [advance, final] = await tranchesOf(db, [id]);
    expect([advance?.kind, advance?.amount, final?.kind, final?.amount]).toEqual([
      "advance",
      40_000,
      "final",
      60_000,
    ]);
    at("2025-09-10");
    ok(
      await pay(
        c.financeCity as ApiClient,
        advance?.id as string,
        `pay-2026-${dialect}`,
        "GK2025-0003",
      ),
      200,
      "advance 2026",
    );
    const failed = ok(
      (await c.city?.post(`/api/v1/project-proposals/${id}/acceptance`, {
        result: "failed",
        date: "2025-09-05",
        note: "未按期完成",
      })) as Res,
      200,
      "failed",
    );
    expect(failed.json).toEqual({ id, state: "acceptance_failed", released: 60_000 });
    const after = await tranchesOf(db, [id]);
    expect(after.map((t) => [t.kind, t.state])).toEqual([
      ["advance", "paid"],
      ["final", "released"],
    ]);
    expect(await trancheBudget(db, 2026)).toEqual({ total: 20_000_000, reserved: 0, paid: 40_000 });
    const refused = await pay(
      c.financeCity as ApiClient,
      final?.id as string,
      `pay-2026-f-${dialect}`,
    );
    expect(refused.status).toBe(409);
  });

  it("the ledger and the audit chain verify at the end", async () => {
    const ledger = await verifyLedger(db);
    expect(ledger.problems).toEqual([]);
    expect(ledger.ok).toBe(true);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    const api = ok((await c.auditor?.get("/api/v1/ledger/verify")) as Res, 200, "verify");
    expect(api.json.ok).toBe(true);
    const audited = await db
      .selectFrom("audit_log")
      .select(["action", "outcome", "target_id"])
      // The steps the writer applies are audited as kind.action: project_call.rank and the like.
      .where("action", "like", "project%")
      .execute();
    const mainTranches = (await tranchesOf(db, Object.values(p))).map((t) => t.id);
    const mainCall = new Set<string | null>([callId, ...Object.values(p), ...mainTranches]);
    const count = (a: string, outcome = "success") =>
      audited.filter((x) => x.action === a && x.outcome === outcome && mainCall.has(x.target_id))
        .length;
    expect(count("project.score")).toBe(22);
    // The refusals are audited too: three conflicts, and the expert off the panel scoring and
    // declaring a conflict.
    expect(count("project.score", "denied")).toBe(5);
    expect(count("project.read", "denied")).toBeGreaterThanOrEqual(1);
    expect(count("project_proposal.fund")).toBe(2);
    expect(count("project_tranche.pay")).toBe(2);
    expect(count("project_proposal.accept") + count("project_proposal.fail")).toBe(2);
    expect(count("project_call.rank")).toBe(1);
    expect(count("project_call.publish")).toBe(1);
  });
});
