import { expect } from "vitest";
import type { State } from "../../src/applications/states.ts";
import type { Context } from "../../src/context.ts";
import type { DB } from "../../src/db/database.ts";
import { expireOffers } from "../../src/jobs/expire-offers.ts";
import { ApiClient } from "../helpers/api.ts";
import { demoPdf, PASSWORD, type World } from "../helpers/world.ts";
import { keyed } from "./support-money.ts";

/** Helpers shared by the integration tests of the state machine and the access matrix. */

export type UserKey = keyof World["users"];
export const USER_KEYS: readonly UserKey[] = [
  "entA",
  "entB",
  "countyX",
  "countyY",
  "city",
  "financeCity",
  "financeX",
  "sysadmin",
  "secadmin",
  "auditor",
];

export type Clients = Record<UserKey, ApiClient>;

export interface Res {
  status: number;
  json: any;
  headers: Headers;
}

/** Logs every user of the world in once (the login route allows 20 a minute). */
export async function loginAll(url: string, world: World): Promise<Clients> {
  const out: Partial<Clients> = {};
  for (const key of USER_KEYS) {
    out[key] = await loginAs(url, world.users[key].username);
  }
  return out as Clients;
}

export async function loginAs(url: string, username: string): Promise<ApiClient> {
  const client = new ApiClient(url);
  const res = await client.login(username, PASSWORD);
  if (res.status !== 200) {
    throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.json)}`);
  }
  return client;
}

/** Fails with the response body in the message, so a broken setup step says why. */
export function ok(res: Res, status: number | number[], what: string): Res {
  const expected = Array.isArray(status) ? status : [status];
  if (!expected.includes(res.status)) {
    const body = res.json instanceof ArrayBuffer ? "<binary>" : JSON.stringify(res.json);
    throw new Error(`${what}: expected ${expected.join("/")}, got ${res.status} ${body}`);
  }
  return res;
}

/** The one error shape of the API: `{ error: { code, message, field } }` and nothing else. */
export function expectErrorShape(json: any, code?: string): void {
  expect(json).toBeTypeOf("object");
  expect(Object.keys(json)).toEqual(["error"]);
  expect(Object.keys(json.error).sort()).toEqual(["code", "field", "message"]);
  expect(json.error.code).toBeTypeOf("string");
  expect(json.error.message).toBeTypeOf("string");
  expect(json.error.message.length).toBeGreaterThan(0);
  expect(json.error.field === null || typeof json.error.field === "string").toBe(true);
  if (code !== undefined) expect(json.error.code).toBe(code);
}

let serial = 0;
/** A unique suffix for subjects, usernames and codes within one run. */
export function unique(prefix: string): string {
  serial++;
  return `${prefix}-${process.pid}-${serial}`;
}

export interface CaseInput {
  item?: string;
  subject?: string;
  eventDate?: string;
  facts?: Record<string, unknown>;
  project?: string;
  organizationId?: string;
}

/** A draft, created through the API by the enterprise user, with one PDF of evidence unless told. */
export async function createDraft(
  client: ApiClient,
  input: CaseInput = {},
  withEvidence = true,
): Promise<string> {
  const body: Record<string, unknown> = {
    item: input.item ?? "1.2.a",
    subject: input.subject ?? unique("对象"),
    eventDate: input.eventDate ?? "2024-05-01",
    facts: input.facts ?? {},
  };
  if (input.project !== undefined) body.project = input.project;
  if (input.organizationId !== undefined) body.organizationId = input.organizationId;
  const created = ok(await client.post("/api/v1/applications", body), 201, "create draft");
  const id = created.json.id as string;
  if (withEvidence) {
    ok(await client.upload(id, "a.pdf", demoPdf("x")), 201, "upload evidence");
  }
  return id;
}

/** Who moves a case of one organization: its enterprise user, its county official, the city. */
export interface Movers {
  ent: ApiClient;
  county: ApiClient;
  city: ApiClient;
  /** For offers (免申即享): the enterprise's organization, as a roster names it. */
  org?: { uscc: string; name: string };
  /** For an expired offer: the server's context, whose clock the expiry job is run ahead of. */
  context?: Context;
}

export async function act(
  client: ApiClient,
  id: string,
  action: string,
  comment?: string,
): Promise<Res> {
  return client.post(`/api/v1/applications/${id}/${action}`, {
    ...(comment === undefined ? {} : { comment }),
    // Confirming an offer carries the enterprise's commitment (免申即享).
    ...(action === "confirm" ? { commitment: true } : {}),
  });
}

/**
 * The publicity period caseIn uses for `publicity` and `awarded` cases: one working day, long
 * ended on any clock a test runs with, so the case can be awarded at once.
 */
export const PAST_PUBLICITY = { startDate: "2025-01-06", workingDays: 1 } as const;

/**
 * A fresh case in `state`, driven there through the real API. `publicity`: the city publishes it
 * (PAST_PUBLICITY); `awarded`: the city then awards it (Idempotency-Key), which reserves its amount
 * on the budget of the award year and the engine's funding source — the caller sees to it that
 * this budget has room (a county budget starts at 0).
 */
export async function caseIn(m: Movers, state: State, input: CaseInput = {}): Promise<string> {
  if (state === "offered" || state === "expired") return offerIn(m, state);
  const id = await createDraft(m.ent, input);
  const step = async (client: ApiClient, action: string, comment?: string) =>
    ok(await act(client, id, action, comment), 200, `${action} towards ${state}`);
  switch (state) {
    case "draft":
      return id;
    case "withdrawn":
      await step(m.ent, "withdraw");
      return id;
    default:
      await step(m.ent, "submit");
  }
  switch (state) {
    case "submitted":
      return id;
    case "returned":
      await step(m.county, "return", "请补充材料");
      return id;
    case "rejected":
      await step(m.county, "reject", "不符合条件");
      return id;
    default:
      await step(m.county, "accept");
  }
  if (state === "county_review") return id;
  await step(m.county, "approve");
  if (state === "city_review") return id;
  await step(m.city, "approve");
  if (state === "approved") return id;
  ok(
    await m.city.post("/api/v1/publicity", {
      title: `公示 ${unique("批次")}`,
      ...PAST_PUBLICITY,
      applicationIds: [id],
    }),
    201,
    `publicity towards ${state}`,
  );
  if (state === "publicity") return id;
  ok(
    await keyed(m.city, "POST", `/api/v1/applications/${id}/award`),
    200,
    `award towards ${state}`,
  );
  if (state === "awarded") return id;
  throw new Error(`caseIn cannot produce a case in ${state}`);
}

/**
 * An offer (免申即享) made through the real API: the city imports a 品字标 roster with one row of
 * the enterprise's organization (1.1.g, 200,000 yuan). `expired`: the expiry job then runs on a
 * clock 90 days ahead.
 */
async function offerIn(m: Movers, state: "offered" | "expired"): Promise<string> {
  if (!m.org) throw new Error("caseIn: an offer needs movers.org");
  const csv = `统一社会信用代码,企业名称,证书编号,发证日期,证书类型,市级备案\n${m.org.uscc},${m.org.name},${unique("PZB")},2024-05-01,首次认证,是\n`;
  const form = new FormData();
  form.append("file", new Blob([csv], { type: "text/csv" }), "名单.csv");
  const res = ok(
    await m.city.request("POST", "/api/v1/rosters/imports?kind=pinzibiao&dryRun=false", form),
    200,
    "roster import towards an offer",
  );
  const id = res.json.rows[0]?.application?.id as string | undefined;
  if (!id) throw new Error(`caseIn: no offer made: ${JSON.stringify(res.json.rows[0])}`);
  if (state === "expired") {
    if (!m.context) throw new Error("caseIn: an expired offer needs movers.context");
    const later = new Date(Date.now() + 90 * 86_400_000);
    await expireOffers({ ...m.context, now: () => later }, undefined, [id]);
  }
  return id;
}

/** The application as its organization's enterprise user sees it. */
export async function detail(client: ApiClient, id: string): Promise<any> {
  return ok(await client.get(`/api/v1/applications/${id}`), 200, "read application").json;
}

// ── The database, read directly ──────────────────────────────────────────────

const TABLES = [
  ["organizations", ["id"]],
  ["organization_exclusions", ["id"]],
  ["users", ["id"]],
  ["official_relations", ["id"]],
  ["settings", ["key"]],
  ["applications", ["id"]],
  ["application_events", ["id"]],
  ["evidence", ["id"]],
  ["grants", ["application_id"]],
  ["cap_usage", ["organization_id", "policy_id", "cap_id"]],
  ["counters", ["name"]],
] as const;

/**
 * Every business row of the database (not sessions, whose last-seen time moves on each request,
 * nor the audit log and its head counter, which a denial extends). Equal snapshots mean nothing
 * changed.
 */
export async function snapshot(db: DB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [table, keys] of TABLES) {
    let q = db.selectFrom(table).selectAll();
    for (const k of keys) q = q.orderBy(k as never);
    const rows = (await q.execute()) as Record<string, unknown>[];
    out[table] =
      table === "counters" ? rows.filter((r) => r.name !== "audit_head") : (rows as unknown[]);
  }
  return out;
}

export async function auditHead(db: DB): Promise<number> {
  const row = await db
    .selectFrom("audit_log")
    .select((eb) => eb.fn.max("seq").as("seq"))
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

export async function auditSince(db: DB, seq: number) {
  return db.selectFrom("audit_log").selectAll().where("seq", ">", seq).orderBy("seq").execute();
}

export async function successCount(db: DB): Promise<number> {
  const row = await db
    .selectFrom("audit_log")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("outcome", "=", "success")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function applicationRow(db: DB, id: string) {
  return db.selectFrom("applications").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

export async function eventCount(db: DB, id: string): Promise<number> {
  const row = await db
    .selectFrom("application_events")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("application_id", "=", id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** What must not move when a step is refused: the case, its steps, the audit's successes. */
export async function caseFingerprint(db: DB, id: string) {
  const row = await applicationRow(db, id);
  return {
    state: row.state,
    version: row.version,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    expectedAmount: row.expected_amount,
    lastComment: row.last_comment,
    events: await eventCount(db, id),
    successes: await successCount(db),
  };
}
