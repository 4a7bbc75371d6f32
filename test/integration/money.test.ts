import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../src/db/database.ts";
import { verifyLedger } from "../../src/ledger/verify-ledger.ts";
import type { ApiClient } from "../helpers/api.ts";
import { QI_BIN } from "../helpers/cli.ts";
import { DIALECTS } from "../helpers/db.ts";
import { patchRead } from "../helpers/versioned.ts";
import { buildWorld, uscc, type World } from "../helpers/world.ts";
import {
  applicationRow,
  auditHead,
  auditSince,
  type Clients,
  caseIn,
  detail,
  expectErrorShape,
  loginAll,
  type Movers,
  ok,
  type Res,
  USER_KEYS,
  type UserKey,
  unique,
} from "./support-access.ts";
import {
  awardOf,
  beijing,
  budgetRow,
  type ClockedServer,
  countRows,
  keyed,
  moneyFingerprint,
  newKey,
  postingCount,
  postingsOf,
  readXlsx,
  type Sheet,
  sheetObjects,
  sheetText,
  startClockedServer,
  TestClock,
} from "./support-money.ts";

/**
 * The money path over the real HTTP API: approved → publicity (working days on the seeded calendar)
 * → objections → resolution → close / award (budget reserved) → payment batch → .xlsx → paid or
 * failed → reversal, with the ledger verified along the way; idempotency keys; who may do what.
 *
 * The server's clock is the test's. Every session is opened at LOGIN_AT, later than any instant the
 * tests visit, so moving the clock over days and weeks never times a session out (the idle and
 * absolute timeouts count from the session's own instants).
 */

const LOGIN_AT = beijing("2027-01-02", "12:00");
const LINHAI = "临海市";
const enc = encodeURIComponent;

/** The personal data of the world's organizations, which no public or non-finance view carries. */
const CONTACTS = ["张三", "0576-85550001", "李四", "0576-85550002"];
const ACCOUNTS = ["6230000000000001", "6230000000000002"];

const PAYMENT_HEADERS = [
  "奖励编号",
  "组织名称",
  "统一社会信用代码",
  "开户银行",
  "银行账号",
  "金额（元）",
  "奖励项目",
  "项目编号",
  "政策条款",
  "奖励日期",
  "状态",
];

describe.each(DIALECTS)("money: publicity, awards, budgets and payments (%s)", (dialect) => {
  let server: ClockedServer;
  let clock: TestClock;
  let db: DB;
  let world: World;
  let c: Clients;
  let moversA: Movers;
  let moversB: Movers;

  beforeAll(async () => {
    clock = new TestClock(beijing("2026-09-01"));
    server = await startClockedServer(dialect, clock);
    db = server.context.database.db;
    world = await buildWorld(server.context);
    clock.set(LOGIN_AT);
    c = await loginAll(server.url, world);
    moversA = { ent: c.entA, county: c.countyX, city: c.city };
    moversB = { ent: c.entB, county: c.countyY, city: c.city };
  });

  afterAll(async () => {
    await server?.close();
  });

  // ── helpers ────────────────────────────────────────────────────────────────

  /** A request without any session (the public). */
  const anonymous = async (method: string, path: string, body?: unknown): Promise<Res> => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: await res.json(), headers: res.headers };
  };
  const publish = (
    ids: string[],
    startDate: string,
    workingDays?: number,
    client: ApiClient = c.city,
  ) =>
    client.post("/api/v1/publicity", {
      title: `质量强市奖励公示 ${unique("批")}`,
      startDate,
      ...(workingDays === undefined ? {} : { workingDays }),
      applicationIds: ids,
    });
  const object = (batchId: string, applicationId: string, name: string, contact: string) =>
    anonymous("POST", `/api/v1/public/publicity/${batchId}/objections`, {
      applicationId,
      name,
      contact,
      reason: "该申报材料与实际情况不符",
    });
  const stateOf = async (id: string) => (await applicationRow(db, id)).state;
  const budgetsOf = async (year: number) => {
    const res = ok(await c.financeCity.get(`/api/v1/budgets?year=${year}`), 200, "budgets");
    return new Map<string, any>((res.json.items as any[]).map((b) => [b.source, b]));
  };
  const setBudget = (
    client: ApiClient,
    year: number,
    source: string,
    total: number,
    key?: string,
  ) => keyed(client, "PUT", `/api/v1/budgets/${year}/${enc(source)}`, { total }, key ?? newKey());
  const verifyClean = async () => {
    const direct = await verifyLedger(db);
    expect(direct.problems).toEqual([]);
    expect(direct.ok).toBe(true);
    const http = ok(await c.auditor.get("/api/v1/ledger/verify"), 200, "verify");
    expect(http.json).toEqual({ ok: true, problems: [], postings: direct.postings });
    // The budgets' own guard, read back: nothing reserved or paid beyond the total.
    for (const b of await db.selectFrom("budgets").selectAll().execute())
      expect(Number(b.reserved) + Number(b.paid)).toBeLessThanOrEqual(Number(b.total));
  };
  const noPersonalData = (text: string, extra: string[] = []) => {
    for (const s of [...CONTACTS, ...ACCOUNTS, ...extra]) expect(text).not.toContain(s);
  };

  // ── the whole path ─────────────────────────────────────────────────────────

  describe("the whole path, 国庆 2026", () => {
    /** a1 (A, 1.2.a) objection upheld; a2 (A, 2.1.b) objection held then dismissed, later reversed
     * unpaid; b1 (B, 1.2.a) closed into an award, paid, reversed; b2 (B, 2.1.c) awarded by command,
     * its first payment fails. */
    const p = {} as {
      a1: string;
      a2: string;
      b1: string;
      b2: string;
      notReady: string;
      subjectA1: string;
      subjectA2: string;
      batchId: string;
      batchNumber: string;
      objA1: string;
      objA2: string;
      objB1: string;
      awardB2: any;
      payBatch: string;
      exportSheets: Sheet[];
    };
    const OBJECTORS = ["王五", "13900001111", "赵六", "zhao6@example.com", "孙七", "0576-88889999"];

    it("cases approved by the review carry their amount and the engine's funding source", async () => {
      clock.setBeijing("2026-09-28");
      p.subjectA1 = unique("孵化基地");
      p.subjectA2 = unique("行业标准");
      p.a1 = await caseIn(moversA, "approved", { item: "1.2.a", subject: p.subjectA1 });
      p.a2 = await caseIn(moversA, "approved", { item: "2.1.b", subject: p.subjectA2 });
      p.b1 = await caseIn(moversB, "approved", { item: "1.2.a" });
      p.b2 = await caseIn(moversB, "approved", { item: "2.1.c" });
      p.notReady = await caseIn(moversA, "city_review");
      const rows = await Promise.all([p.a1, p.a2, p.b1, p.b2].map((id) => applicationRow(db, id)));
      expect(rows.map((r) => [r.state, Number(r.expected_amount), r.funding_source])).toEqual([
        ["approved", 100_000, "county"],
        ["approved", 150_000, "county"],
        ["approved", 100_000, "city"],
        ["approved", 100_000, "city"],
      ]);
      // 临海市 pays org A's awards; its budget starts at 0 until finance sets it.
      const set = ok(await setBudget(c.financeX, 2026, LINHAI, 1_000_000), 200, "set 临海市 2026");
      expect(set.json).toMatchObject({
        year: 2026,
        source: LINHAI,
        total: 1_000_000,
        reserved: 0,
        paid: 0,
        remaining: 1_000_000,
      });
    });

    it("only approved cases go into publicity; nothing is created when one is not", async () => {
      const before = await moneyFingerprint(db);
      const res = await publish([p.a1, p.notReady], "2026-09-30");
      expect(res.status).toBe(409);
      expectErrorShape(res.json, "invalid_state");
      expect(res.json.error.field).toBe("applicationIds[1]");
      expect(res.json.error.message).toContain("审核通过");
      expect(await moneyFingerprint(db)).toEqual(before);
    });

    it("the city publishes: 5 working days from Wed 2026-09-30 across 国庆 end Mon 2026-10-12", async () => {
      // 9-30 (1) · 10-01…10-07 holiday · 10-08 (2) · 10-09 (3) · Sat 10-10 make-up (4) · 10-12 (5).
      const res = ok(await publish([p.a1, p.a2, p.b1, p.b2], "2026-09-30"), 201, "publish");
      expect(res.json).toMatchObject({
        startDate: "2026-09-30",
        endDate: "2026-10-12",
        workingDays: 5,
      });
      expect(res.json.number).toMatch(/^GS-2026-\d{4}$/);
      p.batchId = res.json.id;
      p.batchNumber = res.json.number;
      for (const id of [p.a1, p.a2, p.b1, p.b2]) expect(await stateOf(id)).toBe("publicity");
      // A case already in publicity cannot be published twice.
      const again = await publish([p.b1], "2026-10-08");
      expect(again.status).toBe(409);
      expectErrorShape(again.json, "invalid_state");
    });

    it("the public list and page need no login and carry no personal data", async () => {
      const list = ok(await anonymous("GET", "/api/v1/public/publicity"), 200, "public list");
      expect(list.json.items).toContainEqual({
        id: p.batchId,
        number: p.batchNumber,
        title: expect.stringContaining("质量强市奖励公示"),
        startDate: "2026-09-30",
        endDate: "2026-10-12",
        workingDays: 5,
        state: "open",
        kind: "awards",
      });
      const page = ok(await anonymous("GET", `/api/v1/public/publicity/${p.batchId}`), 200, "page");
      expect(page.json.entries).toHaveLength(4);
      for (const e of page.json.entries) {
        expect(Object.keys(e).sort()).toEqual(
          [
            "amount",
            "applicationId",
            "clause",
            "county",
            "countyAmount",
            "item",
            "itemTitle",
            "number",
            "organization",
            "outcome",
          ].sort(),
        );
        expect(typeof e.amount).toBe("number");
      }
      const byId = new Map<string, any>(page.json.entries.map((e: any) => [e.applicationId, e]));
      expect(byId.get(p.a2)).toMatchObject({
        organization: "甲企业（临海）",
        county: LINHAI,
        item: "2.1.b",
        amount: 150_000,
        outcome: null,
      });
      expect(byId.get(p.b1)).toMatchObject({ organization: "乙企业（椒江）", county: "椒江区" });
      noPersonalData(JSON.stringify(list.json) + JSON.stringify(page.json));
      // Nor the organization's USCC: the public page names the organization only.
      expect(JSON.stringify(page.json)).not.toContain(uscc(1));
    });

    it("an objection is taken only within the period (Beijing dates)", async () => {
      clock.setBeijing("2026-09-29", "23:59");
      const early = await object(p.batchId, p.a1, "王五", "13900001111");
      expect(early.status).toBe(409);
      expectErrorShape(early.json, "invalid_state");
      expect(early.json.error.message).toContain("2026-09-30 至 2026-10-12");

      // 2026-09-29T16:00Z is already 09-30 in Beijing.
      clock.set(new Date("2026-09-29T16:00:00Z"));
      const head = await auditHead(db);
      const first = ok(await object(p.batchId, p.a1, "王五", "13900001111"), 201, "object a1");
      expect(first.json).toEqual({ id: expect.any(String), state: "open" });
      p.objA1 = first.json.id;
      clock.setBeijing("2026-10-09");
      p.objA2 = ok(await object(p.batchId, p.a2, "赵六", "zhao6@example.com"), 201, "a2").json.id;
      // The objector's name and contact stay out of the audit trail.
      const audit = await auditSince(db, head);
      expect(audit.map((a) => [a.action, a.actor_role, a.outcome])).toEqual([
        ["objection.file", "public", "success"],
        ["objection.file", "public", "success"],
      ]);
      noPersonalData(JSON.stringify(audit), OBJECTORS);

      // A case that is not in this batch.
      const stray = await object(p.batchId, p.notReady, "王五", "13900001111");
      expect(stray.status).toBe(400);
      expectErrorShape(stray.json, "invalid_field");
      expect(stray.json.error.field).toBe("applicationId");

      // The last minute of the last day (Beijing) is within; the next minute is not.
      clock.setBeijing("2026-10-12", "23:59");
      p.objB1 = ok(await object(p.batchId, p.b1, "孙七", "0576-88889999"), 201, "b1").json.id;
      clock.set(new Date("2026-10-12T16:00:00Z"));
      const late = await object(p.batchId, p.b1, "孙七", "0576-88889999");
      expect(late.status).toBe(409);
      expectErrorShape(late.json, "invalid_state");
      expect(await countRows(db, "objections")).toBe(3);

      // Name and contact are required.
      clock.setBeijing("2026-10-09");
      const nameless = await anonymous("POST", `/api/v1/public/publicity/${p.batchId}/objections`, {
        applicationId: p.b2,
        name: " ",
        contact: "x",
        reason: "y",
      });
      expect(nameless.status).toBe(400);
      expect(await countRows(db, "objections")).toBe(3);
    });

    it("the public page never shows the objectors; the city sees them", async () => {
      const page = ok(await anonymous("GET", `/api/v1/public/publicity/${p.batchId}`), 200, "page");
      const list = ok(await anonymous("GET", "/api/v1/public/publicity"), 200, "list");
      noPersonalData(JSON.stringify(page.json) + JSON.stringify(list.json), OBJECTORS);
      const seen = ok(await c.city.get(`/api/v1/publicity/${p.batchId}/objections`), 200, "list");
      expect(
        seen.json.items.map((o: any) => [o.application_id, o.name, o.contact, o.state]),
      ).toEqual([
        [p.a1, "王五", "13900001111", "open"],
        [p.a2, "赵六", "zhao6@example.com", "open"],
        [p.b1, "孙七", "0576-88889999", "open"],
      ]);
    });

    it("upheld: the case is rejected and its grant freed, so the same subject can be granted again", async () => {
      clock.setBeijing("2026-10-09", "15:00");
      // Meanwhile org B claims a1's subject: refused while a1 holds the grant.
      const dup = await caseIn(moversB, "county_review", { item: "1.2.a", subject: p.subjectA1 });
      const refused = await c.countyY.post(`/api/v1/applications/${dup}/approve`, {});
      expect(refused.status).toBe(409);
      expectErrorShape(refused.json, "engine_refuses");

      const res = ok(
        await c.city.post(`/api/v1/objections/${p.objA1}/resolve`, {
          outcome: "upheld",
          resolution: "经核实，该基地未通过验收",
        }),
        200,
        "uphold",
      );
      expect(res.json).toEqual({ id: p.objA1, state: "upheld" });
      const a1 = (await detail(c.entA, p.a1)).application;
      expect(a1.state).toBe("rejected");
      expect(a1.lastComment).toBe("公示异议成立：经核实，该基地未通过验收");
      expect(
        await db.selectFrom("grants").selectAll().where("application_id", "=", p.a1).execute(),
      ).toEqual([]);
      // A resolved objection stays resolved.
      const twice = await c.city.post(`/api/v1/objections/${p.objA1}/resolve`, {
        outcome: "dismissed",
        resolution: "再次处理",
      });
      expect(twice.status).toBe(409);
      expectErrorShape(twice.json, "invalid_state");

      ok(await c.countyY.post(`/api/v1/applications/${dup}/approve`, {}), 200, "county approve");
      ok(await c.city.post(`/api/v1/applications/${dup}/approve`, {}), 200, "city approve");
      expect(await stateOf(dup)).toBe("approved");

      // Dismissed: b1 continues.
      ok(
        await c.city.post(`/api/v1/objections/${p.objB1}/resolve`, {
          outcome: "dismissed",
          resolution: "异议不成立",
        }),
        200,
        "dismiss b1",
      );
      expect(await stateOf(p.b1)).toBe("publicity");
    });

    it("no award before the period has ended", async () => {
      clock.setBeijing("2026-10-12", "18:00");
      const before = await moneyFingerprint(db);
      const res = await keyed(c.city, "POST", `/api/v1/applications/${p.b2}/award`);
      expect(res.status).toBe(409);
      expectErrorShape(res.json, "invalid_state");
      expect(res.json.error.message).toContain("2026-10-12");
      const closed = ok(await c.city.post("/api/v1/publicity/close", {}), 200, "close");
      expect(closed.json).toEqual({
        awarded: 0,
        held: 0,
        waiting: [],
        closedBatches: [],
        projectsFunded: 0,
      });
      expect(await moneyFingerprint(db)).toEqual(before);
    });

    it("the award command reserves the amount once per key (city fund, 2000万 by default)", async () => {
      clock.setBeijing("2026-10-13", "09:00");
      const path = `/api/v1/applications/${p.b2}/award`;
      const missing = await keyed(c.city, "POST", path, undefined, null);
      expect(missing.status).toBe(400);
      expectErrorShape(missing.json, "missing_field");
      expect(missing.json.error.field).toBe("idempotency-key");

      expect(await budgetRow(db, 2026, "city")).toBeUndefined();
      const postings = await postingCount(db);
      const key = newKey("award");
      const first = ok(await keyed(c.city, "POST", path, undefined, key), 200, "award b2");
      expect(first.json).toEqual({
        id: expect.any(String),
        number: expect.stringMatching(/^JL-2026-\d{6}$/),
        amount: 100_000,
        year: 2026,
        source: "city",
      });
      p.awardB2 = first.json;
      expect(await stateOf(p.b2)).toBe("awarded");
      // The city fund appeared with its default, then the reservation.
      expect(await budgetRow(db, 2026, "city")).toEqual({
        total: 20_000_000,
        reserved: 100_000,
        paid: 0,
      });
      expect(await postingCount(db)).toBe(postings + 2);
      expect(await postingsOf(db, first.json.id)).toEqual([
        {
          debit: "available",
          credit: "reserved",
          amount: 100_000,
          kind: "award",
          year: 2026,
          source: "city",
        },
      ]);

      // The same key and body: the first result, nothing posted again.
      const replay = ok(await keyed(c.city, "POST", path, undefined, key), 200, "replay");
      expect(replay.json).toEqual(first.json);
      expect(await postingCount(db)).toBe(postings + 2);
      expect(await countRows(db, "awards")).toBe(1);
      // The same key for another case: refused, b1 untouched.
      const other = await keyed(
        c.city,
        "POST",
        `/api/v1/applications/${p.b1}/award`,
        undefined,
        key,
      );
      expect(other.status).toBe(409);
      expectErrorShape(other.json, "conflict");
      expect(other.json.error.field).toBe("idempotency-key");
      expect(await stateOf(p.b1)).toBe("publicity");
      // A new key for the awarded case: no second award.
      const again = await keyed(c.city, "POST", path);
      expect(again.status).toBe(409);
      expectErrorShape(again.json, "invalid_state");
      // An open objection holds a2; a rejected case is not awarded.
      const held = await keyed(c.city, "POST", `/api/v1/applications/${p.a2}/award`);
      expect(held.status).toBe(409);
      expect(held.json.error.message).toContain("异议");
      const rejected = await keyed(c.city, "POST", `/api/v1/applications/${p.a1}/award`);
      expect(rejected.status).toBe(409);
      expectErrorShape(rejected.json, "invalid_state");
      expect(await postingCount(db)).toBe(postings + 2);
    });

    it("close awards what has no open objection; a dismissed objection lets the held case through", async () => {
      const first = ok(await c.city.post("/api/v1/publicity/close", {}), 200, "close");
      expect(first.json).toEqual({
        awarded: 1,
        held: 1,
        waiting: [],
        closedBatches: [],
        projectsFunded: 0,
      });
      expect(await stateOf(p.b1)).toBe("awarded");
      expect(await stateOf(p.a2)).toBe("publicity");
      // Running it again changes nothing.
      const rerun = ok(await c.city.post("/api/v1/publicity/close", {}), 200, "rerun");
      expect(rerun.json).toEqual({
        awarded: 0,
        held: 1,
        waiting: [],
        closedBatches: [],
        projectsFunded: 0,
      });

      ok(
        await c.city.post(`/api/v1/objections/${p.objA2}/resolve`, {
          outcome: "dismissed",
          resolution: "标准已发布，异议不成立",
        }),
        200,
        "dismiss a2",
      );
      const second = ok(await c.city.post("/api/v1/publicity/close", {}), 200, "close again");
      expect(second.json).toEqual({
        awarded: 1,
        held: 0,
        waiting: [],
        closedBatches: [p.batchNumber],
        projectsFunded: 0,
      });
      expect(await Promise.all([p.a1, p.a2, p.b1, p.b2].map((id) => stateOf(id)))).toEqual([
        "rejected",
        "awarded",
        "awarded",
        "awarded",
      ]);

      const budgets = await budgetsOf(2026);
      expect(budgets.get("city")).toMatchObject({
        total: 20_000_000,
        reserved: 200_000,
        paid: 0,
        remaining: 19_800_000,
      });
      expect(budgets.get(LINHAI)).toMatchObject({
        total: 1_000_000,
        reserved: 150_000,
        paid: 0,
        remaining: 850_000,
      });
      const a2 = await awardOf(db, p.a2);
      expect(a2).toMatchObject({ year: 2026, source: LINHAI, state: "reserved", item: "2.1.b" });
      expect(Number(a2?.amount)).toBe(150_000);
      expect(a2?.awarded_on).toBe("2026-10-13");

      const page = ok(await anonymous("GET", `/api/v1/public/publicity/${p.batchId}`), 200, "page");
      expect(page.json.state).toBe("closed");
      expect(
        Object.fromEntries(page.json.entries.map((e: any) => [e.applicationId, e.outcome])),
      ).toEqual({ [p.a1]: "rejected", [p.a2]: "awarded", [p.b1]: "awarded", [p.b2]: "awarded" });

      const awards = ok(await c.city.get("/api/v1/awards?year=2026"), 200, "awards");
      expect(awards.json.items).toHaveLength(3);
      // The city official's list of awards: no bank account, no contact person.
      noPersonalData(JSON.stringify(awards.json));
      await verifyClean();
    });

    it("finance builds a payment batch of the unpaid city awards, once per key", async () => {
      clock.setBeijing("2026-10-15");
      const body = { year: 2026, source: "city" };
      const missing = await keyed(c.financeCity, "POST", "/api/v1/payment-batches", body, null);
      expect(missing.status).toBe(400);
      expect(missing.json.error.field).toBe("idempotency-key");

      const key = newKey("batch");
      const res = ok(
        await keyed(c.financeCity, "POST", "/api/v1/payment-batches", body, key),
        201,
        "batch",
      );
      expect(res.json).toEqual({
        id: expect.any(String),
        number: expect.stringMatching(/^BF-2026-\d{4}$/),
        lines: 2,
        withoutAccount: [],
      });
      p.payBatch = res.json.id;
      const replay = ok(
        await keyed(c.financeCity, "POST", "/api/v1/payment-batches", body, key),
        201,
        "replay",
      );
      expect(replay.json).toEqual(res.json);
      expect(await countRows(db, "payment_batches")).toBe(1);
      const otherBody = await keyed(
        c.financeCity,
        "POST",
        "/api/v1/payment-batches",
        { year: 2026, source: LINHAI },
        key,
      );
      expect(otherBody.status).toBe(409);
      expect(otherBody.json.error.field).toBe("idempotency-key");
      // Nothing is left to batch: every reserved city award is in a pending line.
      const empty = await keyed(c.financeCity, "POST", "/api/v1/payment-batches", body);
      expect(empty.status).toBe(409);
      expectErrorShape(empty.json, "conflict");
      expect(await countRows(db, "payment_batches")).toBe(1);

      const batch = ok(
        await c.financeCity.get(`/api/v1/payment-batches/${p.payBatch}`),
        200,
        "get",
      );
      expect(batch.json.lines).toHaveLength(2);
      for (const line of batch.json.lines) {
        expect(line).toMatchObject({
          state: "pending",
          amount: 100_000,
          organization: "乙企业（椒江）",
          uscc: uscc(2),
          bankName: "台州银行",
          bankAccount: "6230000000000002",
        });
      }
      // Finance sees the bank account; never the contact person.
      for (const s of CONTACTS) expect(JSON.stringify(batch.json)).not.toContain(s);
    });

    it("the .xlsx export: Chinese headers, amounts as numbers in #,##0, USCC and bank account", async () => {
      const res = await c.financeCity.get(`/api/v1/payment-batches/${p.payBatch}/export`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      );
      const batch = ok(
        await c.financeCity.get(`/api/v1/payment-batches/${p.payBatch}`),
        200,
        "get",
      );
      expect(res.headers.get("content-disposition")).toContain(
        `filename*=UTF-8''${enc(`${batch.json.number}.xlsx`)}`,
      );
      const sheets = await readXlsx(res.json as ArrayBuffer);
      p.exportSheets = sheets;
      expect(sheets.map((s) => s.name)).toEqual(["拨付清单"]);
      const sheet = sheets[0] as Sheet;
      const [header, ...rows] = sheet.rows;
      expect(header?.map((cell) => cell.value)).toEqual(PAYMENT_HEADERS);
      for (const cell of header ?? []) expect(String(cell.value)).toMatch(/^[\u4e00-\u9fff（）]+$/);
      expect(rows).toHaveLength(3);
      const awards = await db
        .selectFrom("awards")
        .selectAll()
        .where("source", "=", "city")
        .orderBy("number")
        .execute();
      expect(awards).toHaveLength(2);
      for (const [i, award] of awards.entries()) {
        const row = rows[i] ?? [];
        expect(row.map((cell) => cell.value)).toEqual([
          award.number,
          "乙企业（椒江）",
          uscc(2),
          "台州银行",
          "6230000000000002",
          100_000,
          server.context.registry.itemOf(null, award.item, "2026-10-13")?.title,
          award.item,
          award.clause,
          "2026-10-13",
          "待拨付",
        ]);
        expect(award.clause).not.toBe("");
        // The amount is a number shown with a thousands separator; the codes stay text.
        expect(row[5]?.numFmt).toBe("#,##0");
        expect(typeof row[2]?.value).toBe("string");
        expect(typeof row[4]?.value).toBe("string");
      }
      const total = rows[2] ?? [];
      expect(total.map((cell) => cell.value)).toEqual([
        null,
        "合计",
        null,
        null,
        null,
        200_000,
        null,
        null,
        null,
        null,
        null,
      ]);
      expect(total[5]?.numFmt).toBe("#,##0");
      for (const s of CONTACTS) expect(sheetText(sheets)).not.toContain(s);
    });

    it("qi export payments writes the same rows to a file exceljs opens", async () => {
      const out = join(server.db.dataDir, `payments-city-2026-${dialect}.xlsx`);
      const env: NodeJS.ProcessEnv =
        dialect === "sqlite"
          ? { ...process.env, QI_DATA_DIR: server.db.dataDir, DATABASE_URL: "" }
          : { ...process.env, QI_DATA_DIR: server.db.dataDir, DATABASE_URL: server.db.url };
      const r = spawnSync(
        process.execPath,
        [QI_BIN, "export", "payments", "--source", "city", "--year", "2026", "--out", out],
        { encoding: "utf8", timeout: 60_000, env },
      );
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(r.stdout).toContain("已导出 2 条");
      const sheets = await readXlsx(readFileSync(out));
      rmSync(out);
      // The same workbook as the batch's export: every cell, value and number format, the total
      // row included (the batch holds exactly the 2026 city awards).
      expect(sheets.map((s) => s.name)).toEqual(["拨付清单"]);
      const sheet = sheets[0] as Sheet;
      expect(sheet.rows[0]?.map((cell) => cell.value)).toEqual(PAYMENT_HEADERS);
      expect(sheet.rows).toEqual((p.exportSheets[0] as Sheet).rows);
      expect(sheetObjects(sheet).map((r) => r.银行账号)).toEqual([
        "6230000000000002",
        "6230000000000002",
        null,
      ]);
      for (const s of CONTACTS) expect(sheetText(sheets)).not.toContain(s);
    });

    it("a paid line pays the award once; the budget moves from reserved to paid", async () => {
      clock.setBeijing("2026-10-20");
      const batch = ok(
        await c.financeCity.get(`/api/v1/payment-batches/${p.payBatch}`),
        200,
        "get",
      );
      const awardB1 = await awardOf(db, p.b1);
      const lineB1 = batch.json.lines.find((l: any) => l.award === awardB1?.number);
      const lineB2 = batch.json.lines.find((l: any) => l.award === p.awardB2.number);
      const path = `/api/v1/payment-lines/${lineB1.id}/result`;
      const body = { outcome: "paid", treasuryRef: "GK-2026-0001", paidDate: "2026-10-20" };

      const missing = await keyed(c.financeCity, "POST", path, body, null);
      expect(missing.status).toBe(400);
      expect(missing.json.error.field).toBe("idempotency-key");

      const postings = await postingCount(db);
      const key = newKey("pay");
      const paid = ok(await keyed(c.financeCity, "POST", path, body, key), 200, "pay b1");
      expect(paid.json).toEqual({ id: lineB1.id, state: "paid" });
      expect(await awardOf(db, p.b1)).toMatchObject({ state: "paid", paid_on: "2026-10-20" });
      expect(await budgetRow(db, 2026, "city")).toEqual({
        total: 20_000_000,
        reserved: 100_000,
        paid: 100_000,
      });
      expect(await postingCount(db)).toBe(postings + 1);
      const replay = ok(await keyed(c.financeCity, "POST", path, body, key), 200, "replay");
      expect(replay.json).toEqual(paid.json);
      const otherBody = await keyed(
        c.financeCity,
        "POST",
        path,
        { ...body, treasuryRef: "GK-2026-9999" },
        key,
      );
      expect(otherBody.status).toBe(409);
      expect(otherBody.json.error.field).toBe("idempotency-key");
      // Recording it again under a new key: refused, never paid twice.
      const twice = await keyed(c.financeCity, "POST", path, body);
      expect(twice.status).toBe(409);
      expectErrorShape(twice.json, "invalid_state");
      expect(await postingCount(db)).toBe(postings + 1);

      // An award in a pending line cannot be reversed.
      const reverse = await keyed(c.financeCity, "POST", `/api/v1/awards/${p.awardB2.id}/reverse`, {
        reason: "材料不实",
      });
      expect(reverse.status).toBe(409);
      expectErrorShape(reverse.json, "invalid_state");

      // A failed line returns b2 to unpaid: reserved, still in the budget.
      const failed = ok(
        await keyed(c.financeCity, "POST", `/api/v1/payment-lines/${lineB2.id}/result`, {
          outcome: "failed",
          reason: "收款账户已销户",
        }),
        200,
        "fail b2",
      );
      expect(failed.json).toEqual({ id: lineB2.id, state: "failed" });
      expect(await awardOf(db, p.b2)).toMatchObject({ state: "reserved", paid_on: null });
      expect(await budgetRow(db, 2026, "city")).toEqual({
        total: 20_000_000,
        reserved: 100_000,
        paid: 100_000,
      });
      expect(await postingCount(db)).toBe(postings + 1);
      await verifyClean();
    });

    it("the case timeline shows its publicity, award and payment, named in Chinese", async () => {
      const res = ok(await c.entB.get(`/api/v1/applications/${p.b1}`), 200, "detail b1");
      const events: {
        record: string;
        action: string;
        actionName: string;
        toStateName: string;
        actorRole: string;
        createdAt: string;
      }[] = res.json.events;
      const steps = events.map((e) => `${e.record}.${e.action}`);
      for (const step of [
        "application.create",
        "application.submit",
        "application.publish",
        "publicity_entry.list",
        "application.award",
        "award.create",
        "publicity_entry.award",
        "payment_line.send",
        "payment_line.pay",
        "award.pay",
      ])
        expect(steps, step).toContain(step);
      // In the order they happened: published before awarded, sent before paid.
      const at = (step: string) => steps.indexOf(step);
      expect(at("application.publish")).toBeLessThan(at("application.award"));
      expect(at("award.create")).toBeLessThan(at("payment_line.send"));
      expect(at("payment_line.send")).toBeLessThan(at("payment_line.pay"));
      const times = events.map((e) => e.createdAt);
      expect(times).toEqual([...times].sort());
      expect(events.find((e) => e.record === "payment_line" && e.action === "pay")).toMatchObject({
        actionName: "登记已拨付",
        toStateName: "已拨付",
        actorRole: "finance",
      });
    });

    it("a budget cannot be lowered below what is reserved and paid (409 naming the amounts)", async () => {
      const postings = await postingCount(db);
      const res = await setBudget(c.financeCity, 2026, "city", 150_000);
      expect(res.status).toBe(409);
      expectErrorShape(res.json, "conflict");
      expect(res.json.error.field).toBe("total");
      expect(res.json.error.message).toContain("已预留 100000 元");
      expect(res.json.error.message).toContain("已支付 100000 元");
      expect(res.json.error.message).toContain("150000 元");
      expect(await budgetRow(db, 2026, "city")).toEqual({
        total: 20_000_000,
        reserved: 100_000,
        paid: 100_000,
      });
      expect(await postingCount(db)).toBe(postings);
      // Down to exactly reserved + paid is allowed, and back up.
      const down = ok(await setBudget(c.financeCity, 2026, "city", 200_000), 200, "lower");
      expect(down.json).toMatchObject({ total: 200_000, remaining: 0 });
      ok(await setBudget(c.financeCity, 2026, "city", 20_000_000), 200, "raise");
      const kinds = await db
        .selectFrom("ledger_postings")
        .select(["kind", "debit", "credit"])
        .where("seq", ">", 0)
        .orderBy("seq", "desc")
        .limit(2)
        .execute();
      expect(kinds.reverse()).toEqual([
        { kind: "budget.lower", debit: "available", credit: "appropriation" },
        { kind: "budget.raise", debit: "appropriation", credit: "available" },
      ]);
      await verifyClean();
    });

    it("the failed award goes into another batch and is paid there", async () => {
      const res = ok(
        await keyed(c.financeCity, "POST", "/api/v1/payment-batches", {
          year: 2026,
          source: "city",
        }),
        201,
        "second batch",
      );
      expect(res.json.lines).toBe(1);
      const batch = ok(
        await c.financeCity.get(`/api/v1/payment-batches/${res.json.id}`),
        200,
        "get",
      );
      expect(batch.json.lines.map((l: any) => [l.award, l.state])).toEqual([
        [p.awardB2.number, "pending"],
      ]);
      ok(
        await keyed(
          c.financeCity,
          "POST",
          `/api/v1/payment-lines/${batch.json.lines[0].id}/result`,
          {
            outcome: "paid",
            treasuryRef: "GK-2026-0002",
            paidDate: "2026-10-22",
          },
        ),
        200,
        "pay b2",
      );
      expect(await awardOf(db, p.b2)).toMatchObject({ state: "paid", paid_on: "2026-10-22" });
      expect(await budgetRow(db, 2026, "city")).toEqual({
        total: 20_000_000,
        reserved: 0,
        paid: 200_000,
      });
      await verifyClean();
    });

    it("reversal, with a reason, of an unpaid and of a paid award posts reverse entries", async () => {
      clock.setBeijing("2026-10-26");
      const a2 = await awardOf(db, p.a2);
      const b1 = await awardOf(db, p.b1);
      const pathA2 = `/api/v1/awards/${a2?.id}/reverse`;
      for (const body of [{}, { reason: "" }, { reason: "   " }]) {
        const res = await keyed(c.financeX, "POST", pathA2, body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.json.error.field).toBe("reason");
      }
      const missing = await keyed(c.financeX, "POST", pathA2, { reason: "材料造假" }, null);
      expect(missing.status).toBe(400);
      expect(missing.json.error.field).toBe("idempotency-key");

      // Unpaid (reserved): the reservation is released.
      const key = newKey("reverse");
      const cancelled = ok(
        await keyed(c.financeX, "POST", pathA2, { reason: "材料造假" }, key),
        200,
        "reverse a2",
      );
      expect(cancelled.json).toEqual({ id: a2?.id, state: "cancelled" });
      const replay = ok(
        await keyed(c.financeX, "POST", pathA2, { reason: "材料造假" }, key),
        200,
        "replay",
      );
      expect(replay.json).toEqual(cancelled.json);
      expect(await postingsOf(db, a2?.id as string)).toEqual([
        {
          debit: "available",
          credit: "reserved",
          amount: 150_000,
          kind: "award",
          year: 2026,
          source: LINHAI,
        },
        {
          debit: "reserved",
          credit: "available",
          amount: 150_000,
          kind: "award.reverse",
          year: 2026,
          source: LINHAI,
        },
      ]);
      expect(await budgetRow(db, 2026, LINHAI)).toEqual({ total: 1_000_000, reserved: 0, paid: 0 });
      expect(await awardOf(db, p.a2)).toMatchObject({
        state: "cancelled",
        reversal_reason: "材料造假",
      });
      expect(await stateOf(p.a2)).toBe("rejected");

      // Paid: county finance may not touch the city fund; city finance books the money back.
      const pathB1 = `/api/v1/awards/${b1?.id}/reverse`;
      const denied = await keyed(c.financeX, "POST", pathB1, { reason: "追回" });
      expect(denied.status).toBe(403);
      const reversed = ok(
        await keyed(c.financeCity, "POST", pathB1, { reason: "追回：重复申报" }),
        200,
        "reverse b1",
      );
      expect(reversed.json).toEqual({ id: b1?.id, state: "reversed" });
      expect(
        (await postingsOf(db, b1?.id as string)).map((x) => [x.debit, x.credit, x.kind]),
      ).toEqual([
        ["available", "reserved", "award"],
        ["reserved", "paid", "payment"],
        ["paid", "available", "award.reverse"],
      ]);
      expect(await budgetRow(db, 2026, "city")).toEqual({
        total: 20_000_000,
        reserved: 0,
        paid: 100_000,
      });
      expect(await stateOf(p.b1)).toBe("rejected");
      const again = await keyed(c.financeCity, "POST", pathB1, { reason: "再次追回" });
      expect(again.status).toBe(409);
      expectErrorShape(again.json, "invalid_state");
      await verifyClean();

      // The reversed award's subject is free again.
      const regranted = await caseIn(moversB, "approved", { item: "2.1.b", subject: p.subjectA2 });
      expect(await stateOf(regranted)).toBe("approved");
    });
  });

  // ── budgets that do not fit ─────────────────────────────────────────────────

  describe("when the award does not fit the budget", () => {
    it("a county budget too small: refused / waiting, naming the budget, the remaining and the asked amounts", async () => {
      clock.setBeijing("2026-11-02");
      const now = (await budgetRow(db, 2026, LINHAI)) ?? { total: 0, reserved: 0, paid: 0 };
      ok(
        await setBudget(c.financeX, 2026, LINHAI, now.reserved + now.paid + 50_000),
        200,
        "small budget",
      );
      const id = await caseIn(moversA, "approved", { item: "1.2.a" });
      const batch = ok(await publish([id], "2026-11-02", 1), 201, "publish").json;
      expect(batch.endDate).toBe("2026-11-02");

      clock.setBeijing("2026-11-03");
      const before = await moneyFingerprint(db);
      const res = await keyed(c.city, "POST", `/api/v1/applications/${id}/award`);
      expect(res.status).toBe(409);
      expectErrorShape(res.json, "conflict");
      expect(res.json.error.field).toBe("budget");
      const message = res.json.error.message as string;
      expect(message).toContain("2026 年临海市财政");
      expect(message).toContain("剩余 50000 元");
      expect(message).toContain("100000 元");
      expect(await moneyFingerprint(db)).toEqual(before);

      const closed = ok(await c.city.post("/api/v1/publicity/close", {}), 200, "close");
      expect(closed.json).toEqual({
        awarded: 0,
        held: 0,
        waiting: [{ application: id, message }],
        closedBatches: [],
        projectsFunded: 0,
      });
      expect(await stateOf(id)).toBe("publicity");
      expect(await awardOf(db, id)).toBeUndefined();
      const page = ok(await anonymous("GET", `/api/v1/public/publicity/${batch.id}`), 200, "page");
      expect(page.json.state).toBe("open");

      // Finance raises the budget; the next close awards the waiting case and closes the batch.
      ok(
        await setBudget(c.financeX, 2026, LINHAI, now.reserved + now.paid + 100_000),
        200,
        "raise",
      );
      const again = ok(await c.city.post("/api/v1/publicity/close", {}), 200, "close again");
      expect(again.json).toEqual({
        awarded: 1,
        held: 0,
        waiting: [],
        closedBatches: [batch.number],
        projectsFunded: 0,
      });
      expect(await stateOf(id)).toBe("awarded");
      expect(await budgetRow(db, 2026, LINHAI)).toEqual({
        total: now.reserved + now.paid + 100_000,
        reserved: now.reserved + 100_000,
        paid: now.paid,
      });
      await verifyClean();
    });

    it("with general.queueToNextYear on, the award is reserved on next year's budget", async () => {
      clock.setBeijing("2026-11-09");
      ok(
        await patchRead(c.sysadmin, "/api/v1/settings", { "general.queueToNextYear": true }),
        200,
        "queue on",
      );
      try {
        const y26 = (await budgetRow(db, 2026, LINHAI)) ?? { total: 0, reserved: 0, paid: 0 };
        ok(await setBudget(c.financeX, 2026, LINHAI, y26.reserved + y26.paid), 200, "2026 full");
        ok(await setBudget(c.financeX, 2027, LINHAI, 1_000_000), 200, "2027");
        const id = await caseIn(moversA, "approved", { item: "1.2.a" });
        const batch = ok(await publish([id], "2026-11-09", 1), 201, "publish").json;
        clock.setBeijing("2026-11-10");
        const closed = ok(await c.city.post("/api/v1/publicity/close", {}), 200, "close");
        expect(closed.json).toMatchObject({
          awarded: 1,
          waiting: [],
          closedBatches: [batch.number],
        });
        const award = await awardOf(db, id);
        expect(award).toMatchObject({ year: 2027, source: LINHAI, state: "reserved" });
        expect(award?.number).toMatch(/^JL-2027-\d{6}$/);
        expect(award?.awarded_on).toBe("2026-11-10");
        expect(await budgetRow(db, 2027, LINHAI)).toEqual({
          total: 1_000_000,
          reserved: 100_000,
          paid: 0,
        });
        expect(await budgetRow(db, 2026, LINHAI)).toEqual({
          total: y26.reserved + y26.paid,
          reserved: y26.reserved,
          paid: y26.paid,
        });
        await verifyClean();
      } finally {
        ok(
          await patchRead(c.sysadmin, "/api/v1/settings", { "general.queueToNextYear": false }),
          200,
          "queue off",
        );
      }
    });

    it("when neither this year's nor next year's budget has room, the message states each budget's remaining truly", async () => {
      clock.setBeijing("2026-11-16");
      ok(
        await patchRead(c.sysadmin, "/api/v1/settings", { "general.queueToNextYear": true }),
        200,
        "queue on",
      );
      try {
        const y26 = (await budgetRow(db, 2026, LINHAI)) ?? { total: 0, reserved: 0, paid: 0 };
        const y27 = (await budgetRow(db, 2027, LINHAI)) ?? { total: 0, reserved: 0, paid: 0 };
        ok(await setBudget(c.financeX, 2026, LINHAI, y26.reserved + y26.paid), 200, "2026: 0 left");
        ok(
          await setBudget(c.financeX, 2027, LINHAI, y27.reserved + y27.paid + 30_000),
          200,
          "2027: 30000 left",
        );
        const id = await caseIn(moversA, "approved", { item: "1.2.a" });
        ok(await publish([id], "2026-11-16", 1), 201, "publish");
        clock.setBeijing("2026-11-17");
        const res = await keyed(c.city, "POST", `/api/v1/applications/${id}/award`);
        expect(res.status).toBe(409);
        expectErrorShape(res.json, "conflict");
        const message = res.json.error.message as string;
        expect(message).toContain("100000 元");
        // Every "<year> 年<budget>剩余 N 元" the message states must be true of that budget.
        const remaining: Record<string, number> = { "2026": 0, "2027": 30_000 };
        const stated = [...message.matchAll(/(\d{4}) 年临海市财政剩余 (\d+) 元/g)].map((m) => [
          m[1],
          Number(m[2]),
        ]);
        expect(stated.length, message).toBeGreaterThan(0);
        for (const [year, amount] of stated)
          expect
            .soft(amount, `${message} — ${year} 年 has ${remaining[year as string]} left`)
            .toBe(remaining[year as string]);
        // Leave nothing waiting for the tests after this one.
        ok(
          await setBudget(c.financeX, 2027, LINHAI, y27.reserved + y27.paid + 100_000),
          200,
          "room",
        );
        ok(await keyed(c.city, "POST", `/api/v1/applications/${id}/award`), 200, "award");
      } finally {
        ok(
          await patchRead(c.sysadmin, "/api/v1/settings", { "general.queueToNextYear": false }),
          200,
          "queue off",
        );
      }
    });

    it("the award year is Beijing's: just after midnight on 1 January it is the new year's budget", async () => {
      clock.setBeijing("2026-12-28");
      const id = await caseIn(moversB, "approved", { item: "1.2.a" });
      // Mon 12-28 … Thu 12-31: four working days.
      const batch = ok(await publish([id], "2026-12-28", 4), 201, "publish").json;
      expect(batch.endDate).toBe("2026-12-31");
      clock.setBeijing("2026-12-31", "23:59");
      const early = await keyed(c.city, "POST", `/api/v1/applications/${id}/award`);
      expect(early.status).toBe(409);
      expectErrorShape(early.json, "invalid_state");
      // 2026-12-31T16:30Z: still 2026 in UTC, already 2027-01-01 00:30 in Beijing.
      clock.set(new Date("2026-12-31T16:30:00Z"));
      const res = ok(await keyed(c.city, "POST", `/api/v1/applications/${id}/award`), 200, "award");
      expect(res.json).toMatchObject({ year: 2027, source: "city", amount: 100_000 });
      expect(res.json.number).toMatch(/^JL-2027-/);
      expect(await awardOf(db, id)).toMatchObject({ awarded_on: "2027-01-01" });
      expect(await budgetRow(db, 2027, "city")).toEqual({
        total: 20_000_000,
        reserved: 100_000,
        paid: 0,
      });
      await verifyClean();
    });
  });

  // ── idempotency keys on every money-moving route ───────────────────────────

  describe("Idempotency-Key", () => {
    it("every money-moving route refuses a request without one (400 naming idempotency-key) or with a malformed one", async () => {
      clock.setBeijing("2026-12-01");
      const award = await db
        .selectFrom("awards")
        .selectAll()
        .where("state", "=", "paid")
        .executeTakeFirstOrThrow();
      const line = await db.selectFrom("payment_lines").selectAll().executeTakeFirstOrThrow();
      const approved = await caseIn(moversB, "approved");
      const calls: [ApiClient, string, string, unknown][] = [
        [c.financeCity, "PUT", `/api/v1/budgets/2026/city`, { total: 20_000_000 }],
        [c.financeCity, "POST", "/api/v1/payment-batches", { year: 2026, source: "city" }],
        [
          c.financeCity,
          "POST",
          `/api/v1/payment-lines/${line.id}/result`,
          { outcome: "failed", reason: "x" },
        ],
        [c.financeCity, "POST", `/api/v1/awards/${award.id}/reverse`, { reason: "x" }],
        [c.city, "POST", `/api/v1/applications/${approved}/award`, undefined],
      ];
      const before = await moneyFingerprint(db);
      for (const [client, method, path, body] of calls) {
        const none = await keyed(client, method, path, body, null);
        expect(none.status, `${method} ${path}`).toBe(400);
        expectErrorShape(none.json, "missing_field");
        expect(none.json.error.field).toBe("idempotency-key");
        expect(none.json.error.message).toContain("Idempotency-Key");
        const short = await keyed(client, method, path, body, "short");
        expect(short.status, `${method} ${path}`).toBe(400);
        expect(short.json.error.field).toBe("idempotency-key");
      }
      expect(await moneyFingerprint(db)).toEqual(before);
    });

    it("a budget set twice with the same key and body is set once; another body under it is refused", async () => {
      const key = newKey("budget");
      const before = await postingCount(db);
      const first = ok(await setBudget(c.financeCity, 2030, "city", 25_000_000, key), 200, "set");
      expect(first.json).toMatchObject({ year: 2030, source: "city", total: 25_000_000 });
      // The default posting and the raise.
      expect(await postingCount(db)).toBe(before + 2);
      const replay = ok(
        await setBudget(c.financeCity, 2030, "city", 25_000_000, key),
        200,
        "replay",
      );
      expect(replay.json).toEqual(first.json);
      expect(await postingCount(db)).toBe(before + 2);
      const other = await setBudget(c.financeCity, 2030, "city", 30_000_000, key);
      expect(other.status).toBe(409);
      expectErrorShape(other.json, "conflict");
      expect(other.json.error.field).toBe("idempotency-key");
      expect(await budgetRow(db, 2030, "city")).toEqual({
        total: 25_000_000,
        reserved: 0,
        paid: 0,
      });
    });
  });

  // ── who may move money ─────────────────────────────────────────────────────

  describe("access: only the roles the rules allow; every denial audited, nothing changed", () => {
    interface Fx {
      approved: string;
      batchId: string;
      objection: string;
      cityBatch: string;
      cityLine: string;
      cityAward: string;
    }
    const fx = {} as Fx;
    beforeAll(async () => {
      clock.setBeijing("2026-12-02");
      fx.approved = await caseIn(moversA, "approved");
      const batch = await db.selectFrom("publicity_batches").select("id").executeTakeFirstOrThrow();
      fx.batchId = batch.id;
      const objection = await db.selectFrom("objections").select("id").executeTakeFirstOrThrow();
      fx.objection = objection.id;
      const line = await db
        .selectFrom("payment_lines")
        .innerJoin("awards", "awards.id", "payment_lines.award_id")
        .select([
          "payment_lines.id as line",
          "payment_lines.batch_id as batch",
          "awards.id as award",
        ])
        .where("awards.source", "=", "city")
        .where("awards.state", "=", "paid")
        .executeTakeFirstOrThrow();
      fx.cityBatch = line.batch;
      fx.cityLine = line.line;
      fx.cityAward = line.award;
    });

    const everyoneBut = (...allowed: UserKey[]) => USER_KEYS.filter((u) => !allowed.includes(u));
    const rows: {
      name: string;
      action: string;
      denied: UserKey[];
      call: (client: ApiClient) => Promise<Res>;
    }[] = [
      {
        name: "POST /api/v1/publicity",
        action: "publicity.manage",
        denied: everyoneBut("city"),
        call: (cl) => publish([fx.approved], "2026-12-02", 1, cl),
      },
      {
        name: "POST /api/v1/publicity/close",
        action: "publicity.manage",
        denied: everyoneBut("city"),
        call: (cl) => cl.post("/api/v1/publicity/close", {}),
      },
      {
        name: "POST /api/v1/applications/:id/award",
        action: "publicity.manage",
        denied: everyoneBut("city"),
        call: (cl) => keyed(cl, "POST", `/api/v1/applications/${fx.approved}/award`),
      },
      {
        name: "GET /api/v1/publicity/:id/objections",
        action: "publicity.manage",
        denied: everyoneBut("city"),
        call: (cl) => cl.get(`/api/v1/publicity/${fx.batchId}/objections`),
      },
      {
        name: "POST /api/v1/objections/:id/resolve",
        action: "publicity.manage",
        denied: everyoneBut("city"),
        call: (cl) =>
          cl.post(`/api/v1/objections/${fx.objection}/resolve`, {
            outcome: "dismissed",
            resolution: "x",
          }),
      },
      {
        name: "PUT /api/v1/budgets/2026/city (the city fund: city finance only)",
        action: "budget.set",
        denied: everyoneBut("financeCity"),
        call: (cl) => keyed(cl, "PUT", "/api/v1/budgets/2026/city", { total: 1 }),
      },
      {
        name: "PUT /api/v1/budgets/2026/临海市",
        action: "budget.set",
        denied: everyoneBut("financeCity", "financeX"),
        call: (cl) => keyed(cl, "PUT", `/api/v1/budgets/2026/${enc(LINHAI)}`, { total: 1 }),
      },
      {
        name: "PUT /api/v1/budgets/2026/椒江区 (another county's)",
        action: "budget.set",
        denied: everyoneBut("financeCity"),
        call: (cl) => keyed(cl, "PUT", `/api/v1/budgets/2026/${enc("椒江区")}`, { total: 1 }),
      },
      {
        name: "POST /api/v1/payment-batches (city)",
        action: "payment.manage",
        denied: everyoneBut("financeCity"),
        call: (cl) => keyed(cl, "POST", "/api/v1/payment-batches", { year: 2026, source: "city" }),
      },
      {
        name: "POST /api/v1/payment-batches (临海市)",
        action: "payment.manage",
        denied: everyoneBut("financeCity", "financeX"),
        call: (cl) => keyed(cl, "POST", "/api/v1/payment-batches", { year: 2099, source: LINHAI }),
      },
      {
        name: "GET /api/v1/payment-batches/:id (city)",
        action: "payment.manage",
        denied: everyoneBut("financeCity"),
        call: (cl) => cl.get(`/api/v1/payment-batches/${fx.cityBatch}`),
      },
      {
        name: "GET /api/v1/payment-batches/:id/export (city)",
        action: "payment.manage",
        denied: everyoneBut("financeCity"),
        call: (cl) => cl.get(`/api/v1/payment-batches/${fx.cityBatch}/export`),
      },
      {
        name: "POST /api/v1/payment-lines/:id/result (city)",
        action: "payment.manage",
        denied: everyoneBut("financeCity"),
        call: (cl) =>
          keyed(cl, "POST", `/api/v1/payment-lines/${fx.cityLine}/result`, {
            outcome: "failed",
            reason: "x",
          }),
      },
      {
        name: "POST /api/v1/awards/:id/reverse (city)",
        action: "award.reverse",
        denied: everyoneBut("financeCity"),
        call: (cl) => keyed(cl, "POST", `/api/v1/awards/${fx.cityAward}/reverse`, { reason: "x" }),
      },
      {
        name: "GET /api/v1/budgets",
        action: "budget.read",
        denied: everyoneBut("financeCity", "financeX", "city"),
        call: (cl) => cl.get("/api/v1/budgets"),
      },
      {
        name: "GET /api/v1/awards",
        action: "award.read",
        denied: everyoneBut("financeCity", "financeX", "city"),
        call: (cl) => cl.get("/api/v1/awards"),
      },
      {
        name: "GET /api/v1/ledger/verify",
        action: "audit.read",
        denied: everyoneBut("auditor"),
        call: (cl) => cl.get("/api/v1/ledger/verify"),
      },
    ];

    it.each(rows)("$name → 403 for everyone else, audited", async (row) => {
      for (const user of row.denied) {
        const before = await moneyFingerprint(db);
        const head = await auditHead(db);
        const res = await row.call(c[user]);
        expect.soft(res.status, `${user}: ${JSON.stringify(res.json)}`).toBe(403);
        if (res.status === 403) expectErrorShape(res.json, "forbidden");
        expect.soft(await moneyFingerprint(db), `${user}: nothing changed`).toEqual(before);
        const audit = await auditSince(db, head);
        expect
          .soft(
            audit.map((a) => [a.outcome, a.actor_id, a.action]),
            `${user}: one denial in the audit log`,
          )
          .toEqual([["denied", world.users[user].actor.userId, row.action]]);
      }
    });

    it("without a session every money route answers 401", async () => {
      const before = await moneyFingerprint(db);
      for (const [method, path, body] of [
        ["POST", "/api/v1/publicity/close", {}],
        ["PUT", "/api/v1/budgets/2026/city", { total: 1 }],
        ["POST", "/api/v1/payment-batches", { year: 2026, source: "city" }],
        ["GET", `/api/v1/payment-batches/${fx.cityBatch}/export`, undefined],
        ["POST", `/api/v1/awards/${fx.cityAward}/reverse`, { reason: "x" }],
        ["GET", "/api/v1/ledger/verify", undefined],
      ] as const) {
        const res = await anonymous(method, path, body);
        expect(res.status, `${method} ${path}`).toBe(401);
      }
      expect(await moneyFingerprint(db)).toEqual(before);
    });

    it("the roles that may, can: county finance on its own budget, the auditor verifies", async () => {
      const now = await budgetRow(db, 2026, LINHAI);
      ok(await setBudget(c.financeX, 2026, LINHAI, now?.total ?? 0), 200, "financeX own budget");
      const listed = ok(await c.financeX.get("/api/v1/budgets"), 200, "financeX budgets");
      // County finance sees its own county's budgets only.
      expect(new Set(listed.json.items.map((b: any) => b.source))).toEqual(new Set([LINHAI]));
      ok(await c.auditor.get("/api/v1/ledger/verify"), 200, "auditor verifies");

      // County finance pays its own county's awards: batch, read, export, record.
      const made = ok(
        await keyed(c.financeX, "POST", "/api/v1/payment-batches", { year: 2026, source: LINHAI }),
        201,
        "临海市 batch",
      );
      const batch = ok(await c.financeX.get(`/api/v1/payment-batches/${made.json.id}`), 200, "get");
      expect(batch.json.lines.length).toBe(made.json.lines);
      expect(batch.json.lines.length).toBeGreaterThan(0);
      for (const line of batch.json.lines)
        expect(line).toMatchObject({
          organization: "甲企业（临海）",
          uscc: uscc(1),
          bankAccount: "6230000000000001",
        });
      const exported = ok(
        await c.financeX.get(`/api/v1/payment-batches/${made.json.id}/export`),
        200,
        "export",
      );
      const sheets = await readXlsx(exported.json as ArrayBuffer);
      expect(sheetObjects(sheets[0] as Sheet).map((r) => r.银行账号)).toEqual([
        ...batch.json.lines.map(() => "6230000000000001"),
        null,
      ]);
      for (const s of CONTACTS) expect(sheetText(sheets)).not.toContain(s);
      // …and city finance may act for the county too.
      ok(
        await keyed(
          c.financeCity,
          "POST",
          `/api/v1/payment-lines/${batch.json.lines[0].id}/result`,
          {
            outcome: "failed",
            reason: "账户冻结",
          },
        ),
        200,
        "city finance records a county line",
      );
      await verifyClean();
    });
  });
});
