import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../src/db/database.ts";
import type { ApiClient } from "../helpers/api.ts";
import { DIALECTS } from "../helpers/db.ts";
import { startTestServer, type TestServer } from "../helpers/http.ts";
import { readVersion } from "../helpers/versioned.ts";
import { buildWorld, PASSWORD, type World } from "../helpers/world.ts";
import {
  auditHead,
  auditSince,
  createDraft,
  loginAs,
  ok,
  type Res,
  snapshot,
  unique,
} from "./support-access.ts";

/**
 * Lost updates are refused: an edit of a draft, an organization or the settings names the version
 * it was read at (If-Match or `version`), and the write itself is guarded by that version. Of two
 * edits read at the same version exactly one is written; the other answers 409 stale_version with
 * the current version and writes nothing. An edit without a version is 400 missing_field.
 */

type Edit = () => Promise<Res>;

/** Sends the edits at once and returns them by outcome: the one written, and the refused. */
async function race(edits: Edit[]) {
  const results = await Promise.all(edits.map((e) => e()));
  const statuses = results.map((r) => r.status).sort();
  const won = results.filter((r) => r.status === 200);
  const lost = results.filter((r) => r.status !== 200);
  return { results, statuses, won, lost };
}

function expectStale(res: Res, current: number) {
  expect(res.status, JSON.stringify(res.json)).toBe(409);
  expect(res.json.error).toMatchObject({
    code: "stale_version",
    field: "version",
    details: { currentVersion: current },
  });
  expect(res.json.error.message).toContain("已被他人修改");
}

describe.each(DIALECTS)("lost updates (%s)", (dialect) => {
  let server: TestServer;
  let db: DB;
  let world: World;
  let entA: ApiClient;
  let countyX: ApiClient;
  let sysadmin: ApiClient;
  let secadmin: ApiClient;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    db = server.context.database.db;
    world = await buildWorld(server.context);
    entA = await loginAs(server.url, world.users.entA.username);
    countyX = await loginAs(server.url, world.users.countyX.username);
    sysadmin = await loginAs(server.url, world.users.sysadmin.username);
    secadmin = await loginAs(server.url, world.users.secadmin.username);
  });
  afterAll(async () => {
    await server?.close();
  });

  const appPath = (id: string) => `/api/v1/applications/${id}`;
  const orgPath = () => `/api/v1/organizations/${world.orgA.id}`;
  const appRow = (id: string) =>
    db.selectFrom("applications").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const orgRow = () =>
    db
      .selectFrom("organizations")
      .selectAll()
      .where("id", "=", world.orgA.id)
      .executeTakeFirstOrThrow();
  const successes = async (since: number, action: string) =>
    (await auditSince(db, since)).filter((a) => a.outcome === "success" && a.action === action);

  /** A request with headers of its own (If-Match), signed in as a fresh session of `username`. */
  async function rawPatch(
    username: string,
    path: string,
    body: unknown,
    headers: Record<string, string>,
  ): Promise<Res> {
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    const session = (await login.json()) as { csrfToken: string };
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const res = await fetch(`${server.url}${path}`, {
      method: "PATCH",
      headers: {
        cookie,
        "x-csrf-token": session.csrfToken,
        "content-type": "application/json",
        ...headers,
      },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: await res.json(), headers: res.headers };
  }

  // ── the views carry the version ──────────────────────────────────────────────────────────

  it("the draft, the organization (alone and in the list) and the settings show their version", async () => {
    const id = await createDraft(entA, {}, false);
    const detail = ok(await entA.get(appPath(id)), 200, "detail").json;
    expect(detail.application.version).toBe(1);
    const org = ok(await entA.get(orgPath()), 200, "organization").json;
    expect(org.version).toBe((await orgRow()).version);
    const list = ok(await countyX.get("/api/v1/organizations"), 200, "list").json;
    expect(list.items[0].version).toEqual(expect.any(Number));
    const settings = ok(await sysadmin.get("/api/v1/settings"), 200, "settings").json;
    expect(settings.version).toEqual(expect.any(Number));
    expect(settings.items.length).toBeGreaterThan(0);
  });

  // ── a draft ──────────────────────────────────────────────────────────────────────────────

  it("a draft: two saves read at the same version — one is written, the other is 409 stale_version", async () => {
    const id = await createDraft(entA, {}, false);
    const version = (await appRow(id)).version;
    const head = await auditHead(db);
    const subjects = [unique("先保存的对象"), unique("后保存的对象")];
    const { statuses, won, lost } = await race(
      subjects.map((subject) => () => entA.patch(appPath(id), { subject, version })),
    );
    expect(statuses).toEqual([200, 409]);
    expectStale(lost[0] as Res, version + 1);
    const row = await appRow(id);
    expect(row.version).toBe(version + 1);
    // The row holds the winner's subject, and only the winner was audited.
    expect(row.subject).toBe(won[0]?.json.subject);
    expect(won[0]?.json.version).toBe(version + 1);
    expect(await successes(head, "application.update")).toHaveLength(1);
  });

  it("a draft: of five saves read at one version exactly one is written", async () => {
    const id = await createDraft(entA, {}, false);
    const version = (await appRow(id)).version;
    const { statuses, lost } = await race(
      [1, 2, 3, 4, 5].map((n) => () => entA.patch(appPath(id), { project: `项目 ${n}`, version })),
    );
    expect(statuses).toEqual([200, 409, 409, 409, 409]);
    for (const res of lost) expectStale(res, version + 1);
    expect((await appRow(id)).version).toBe(version + 1);
  });

  it("a draft: a stale save changes nothing; a save without a version is 400 naming version", async () => {
    const id = await createDraft(entA, {}, false);
    const version = (await appRow(id)).version;
    ok(await entA.patch(appPath(id), { subject: unique("第一次修改"), version }), 200, "first");
    const before = await snapshot(db);
    const head = await auditHead(db);
    expectStale(await entA.patch(appPath(id), { subject: "过时的修改", version }), version + 1);
    expect(await snapshot(db)).toEqual(before);
    expect(await auditSince(db, head)).toEqual([]);

    const missing = await entA.patch(appPath(id), { subject: "没有版本号" });
    expect(missing.status).toBe(400);
    expect(missing.json.error).toMatchObject({ code: "missing_field", field: "version" });
    expect(await snapshot(db)).toEqual(before);
  });

  it("a draft: If-Match carries the version too; it must agree with the body's", async () => {
    const id = await createDraft(entA, {}, false);
    const version = (await appRow(id)).version;
    const user = world.users.entA.username;
    const byHeader = await rawPatch(
      user,
      appPath(id),
      { subject: unique("按请求头修改") },
      { "if-match": `"${version}"` },
    );
    expect(byHeader.status, JSON.stringify(byHeader.json)).toBe(200);
    expect(byHeader.json.version).toBe(version + 1);
    const stale = await rawPatch(
      user,
      appPath(id),
      { subject: "过时" },
      { "if-match": `"${version}"` },
    );
    expectStale(stale, version + 1);
    const disagree = await rawPatch(
      user,
      appPath(id),
      { subject: "不一致", version: version + 1 },
      { "if-match": `"${version}"` },
    );
    expect(disagree.status).toBe(400);
    expect(disagree.json.error).toMatchObject({ code: "invalid_field", field: "version" });
    const garbled = await rawPatch(user, appPath(id), { subject: "乱码" }, { "if-match": "*" });
    expect(garbled.status).toBe(400);
    expect(garbled.json.error).toMatchObject({ code: "invalid_field", field: "If-Match" });
    expect((await appRow(id)).version).toBe(version + 1);
  });

  // ── an organization ──────────────────────────────────────────────────────────────────────

  it("an organization: the enterprise and its county edit at once — one is written, the other is 409", async () => {
    const version = (await orgRow()).version;
    const head = await auditHead(db);
    const { statuses, won, lost } = await race([
      () => entA.patch(orgPath(), { contactName: "企业改的联系人", version }),
      () => countyX.patch(orgPath(), { contactPhone: "0576-85551234", version }),
    ]);
    expect(statuses).toEqual([200, 409]);
    expectStale(lost[0] as Res, version + 1);
    const row = await orgRow();
    expect(row.version).toBe(version + 1);
    expect(won[0]?.json.version).toBe(version + 1);
    // Only one of the two edits reached the row.
    const changed = [row.contact_name === "企业改的联系人", row.contact_phone === "0576-85551234"];
    expect(changed.filter(Boolean)).toHaveLength(1);
    expect(await successes(head, "organization.update")).toHaveLength(1);
  });

  it("an organization: a payment account asked for in a stale edit is not asked for", async () => {
    const version = (await orgRow()).version;
    ok(await entA.patch(orgPath(), { contactName: "张三", version }), 200, "first edit");
    const before = await snapshot(db);
    const pending = () =>
      db
        .selectFrom("bank_accounts")
        .select("id")
        .where("organization_id", "=", world.orgA.id)
        .where("state", "=", "pending")
        .execute();
    const head = await auditHead(db);
    expectStale(
      await entA.patch(orgPath(), {
        bankName: "某某银行",
        bankAccount: "6217000011112222",
        version,
      }),
      version + 1,
    );
    expect(await pending()).toEqual([]);
    expect(await snapshot(db)).toEqual(before);
    expect(await auditSince(db, head)).toEqual([]);
    const missing = await entA.patch(orgPath(), { contactName: "李四" });
    expect(missing.status).toBe(400);
    expect(missing.json.error).toMatchObject({ code: "missing_field", field: "version" });
    expect(await snapshot(db)).toEqual(before);
  });

  it("an organization: a verified payment account changes the record, so an edit read before it is stale", async () => {
    const financeX = await loginAs(server.url, world.users.financeX.username);
    const read = (await readVersion(entA, orgPath())) as number;
    const asked = ok(
      await countyX.post(`${orgPath()}/bank-account`, {
        bankName: "台州银行",
        bankAccount: "6230999900001111",
      }),
      201,
      "ask",
    );
    ok(
      await financeX.post(`/api/v1/bank-account-changes/${asked.json.id}/verify`, {}),
      200,
      "verify",
    );
    expectStale(await entA.patch(orgPath(), { contactName: "读得太早", version: read }), read + 1);
  });

  // ── the settings ─────────────────────────────────────────────────────────────────────────

  it("the settings: the two administrators save at once — one is written, the other is 409", async () => {
    const { version } = ok(await sysadmin.get("/api/v1/settings"), 200, "read").json;
    const head = await auditHead(db);
    const { statuses, won, lost } = await race([
      () => sysadmin.patch("/api/v1/settings", { "general.publicityWorkingDays": 7, version }),
      () => secadmin.patch("/api/v1/settings", { "security.lockoutThreshold": 6, version }),
    ]);
    expect(statuses).toEqual([200, 409]);
    expectStale(lost[0] as Res, version + 1);
    expect(won[0]?.json.version).toBe(version + 1);
    expect(await successes(head, "settings.update")).toHaveLength(1);
    // Every row the change wrote carries the new version, and the view says it.
    const rows = await db.selectFrom("settings").select(["key", "version"]).execute();
    expect(Math.max(...rows.map((r) => r.version))).toBe(version + 1);
    expect((await sysadmin.get("/api/v1/settings")).json.version).toBe(version + 1);
    const written = rows.filter((r) =>
      ["general.publicityWorkingDays", "security.lockoutThreshold"].includes(r.key),
    );
    expect(written).toEqual([{ key: expect.any(String), version: version + 1 }]);
  });

  it("the settings: one save read at a version of many at once is written", async () => {
    const { version } = ok(await sysadmin.get("/api/v1/settings"), 200, "read").json;
    const { statuses } = await race(
      [4, 5, 6, 7].map(
        (days) => () =>
          sysadmin.patch("/api/v1/settings", { "general.publicityWorkingDays": days, version }),
      ),
    );
    expect(statuses).toEqual([200, 409, 409, 409]);
  });

  it("the settings: a stale save changes nothing; a save without a version is 400 naming version", async () => {
    const { version } = ok(await sysadmin.get("/api/v1/settings"), 200, "read").json;
    ok(
      await sysadmin.patch("/api/v1/settings", { "general.publicityWorkingDays": 5, version }),
      200,
      "first",
    );
    const before = await snapshot(db);
    const head = await auditHead(db);
    expectStale(
      await sysadmin.patch("/api/v1/settings", { "general.publicityWorkingDays": 9, version }),
      version + 1,
    );
    expect(await snapshot(db)).toEqual(before);
    expect(await auditSince(db, head)).toEqual([]);
    const missing = await sysadmin.patch("/api/v1/settings", { "general.publicityWorkingDays": 9 });
    expect(missing.status).toBe(400);
    expect(missing.json.error).toMatchObject({ code: "missing_field", field: "version" });
    const byHeader = await rawPatch(
      world.users.sysadmin.username,
      "/api/v1/settings",
      { "general.publicityWorkingDays": 6 },
      { "if-match": `"${version + 1}"` },
    );
    expect(byHeader.status, JSON.stringify(byHeader.json)).toBe(200);
    expect(byHeader.json).toMatchObject({
      "general.publicityWorkingDays": 6,
      version: version + 2,
    });
  });

  // ── the guarded write itself (PostgreSQL: both edits pass the read, then queue on the row) ──

  it.runIf(dialect === "postgres")(
    "two edits that both passed the read: the guarded write lets one through",
    async () => {
      const id = await createDraft(entA, {}, false);
      ok(
        await sysadmin.patch("/api/v1/settings", {
          "general.publicityWorkingDays": 5,
          version: (await sysadmin.get("/api/v1/settings")).json.version,
        }),
        200,
        "settings row",
      );
      const cases: { lock: string; key: string; edits: Edit[]; version: number }[] = [];
      const appVersion = (await appRow(id)).version;
      cases.push({
        lock: "applications",
        key: id,
        version: appVersion,
        edits: ["甲", "乙"].map(
          (n) => () => entA.patch(appPath(id), { subject: unique(n), version: appVersion }),
        ),
      });
      const orgVersion = (await orgRow()).version;
      cases.push({
        lock: "organizations",
        key: world.orgA.id,
        version: orgVersion,
        edits: ["王五", "赵六"].map(
          (name) => () => entA.patch(orgPath(), { contactName: name, version: orgVersion }),
        ),
      });
      const settingsVersion = (await sysadmin.get("/api/v1/settings")).json.version as number;
      cases.push({
        lock: "settings",
        key: "settings.version",
        version: settingsVersion,
        edits: [3, 4].map(
          (days) => () =>
            sysadmin.patch("/api/v1/settings", {
              "general.publicityWorkingDays": days,
              version: settingsVersion,
            }),
        ),
      });
      for (const c of cases) {
        let release = () => {};
        const released = new Promise<void>((r) => {
          release = r;
        });
        let locked = () => {};
        const isLocked = new Promise<void>((r) => {
          locked = r;
        });
        const column = c.lock === "settings" ? "key" : "id";
        const holder = db.transaction().execute(async (trx) => {
          await sql`select 1 from ${sql.table(c.lock)} where ${sql.ref(column)} = ${c.key} for update`.execute(
            trx,
          );
          locked();
          await released;
        });
        await isLocked;
        const edits = race(c.edits);
        // Both edits have read the version (and passed its check) and now wait on the held row.
        let waiting = 0;
        for (let i = 0; i < 200 && waiting < 2; i++) {
          const r = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
          waiting = Number(r.rows[0]?.n);
          if (waiting < 2) await new Promise((r) => setTimeout(r, 25));
        }
        release();
        await holder;
        const { statuses, lost } = await edits;
        expect(waiting, `${c.lock}: both edits waited on the row`).toBe(2);
        expect(statuses, c.lock).toEqual([200, 409]);
        expectStale(lost[0] as Res, c.version + 1);
      }
    },
  );
});
