import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit, verifyAuditChain } from "../../src/audit/audit-log.ts";
import type { DatabaseHandle, Dialect } from "../../src/db/database.ts";
import type { AuditTable } from "../../src/db/schema.ts";
import { createUser } from "../../src/users/create-user.ts";
import { ApiClient } from "../helpers/api.ts";
import { QI_BIN } from "../helpers/cli.ts";
import { DIALECTS, freshDatabase, type TestDatabase } from "../helpers/db.ts";
import { startTestServer, type TestServer } from "../helpers/http.ts";
import { patchRead } from "../helpers/versioned.ts";
import { buildWorld, demoPdf, PASSWORD, type World } from "../helpers/world.ts";

type UserKey = keyof World["users"];

/** Runs the real `qi` against the given database (QI_DATA_DIR, or DATABASE_URL for PostgreSQL). */
function runQiOn(db: TestDatabase, args: readonly string[]) {
  const r = spawnSync(process.execPath, [QI_BIN, ...args], {
    encoding: "utf8",
    timeout: 30_000,
    env: { ...process.env, QI_DATA_DIR: db.dataDir, DATABASE_URL: db.url ?? "" },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function auditRows(handle: DatabaseHandle) {
  return handle.db.selectFrom("audit_log").selectAll().orderBy("seq").execute();
}

async function dropAppendOnlyTriggers(handle: DatabaseHandle, dialect: Dialect) {
  if (dialect === "sqlite") {
    await sql`drop trigger audit_log_no_update`.execute(handle.db);
    await sql`drop trigger audit_log_no_delete`.execute(handle.db);
  } else {
    await sql`drop trigger audit_log_no_change on audit_log`.execute(handle.db);
  }
}

describe.each(DIALECTS)("audit log (%s)", (dialect) => {
  let server: TestServer;
  let world: World;
  const clients = {} as Record<UserKey, ApiClient>;

  const login = async (key: UserKey) => {
    const client = new ApiClient(server.url);
    const r = await client.login(world.users[key].username, PASSWORD);
    expect(r.status).toBe(200);
    return client;
  };
  const rows = () => auditRows(server.context.database);

  beforeAll(async () => {
    server = await startTestServer(dialect);
    world = await buildWorld(server.context);
    for (const key of ["entA", "countyX", "city", "sysadmin", "auditor"] as const) {
      clients[key] = await login(key);
    }
  });
  afterAll(async () => {
    await server?.close();
  });

  it("records a successful login, a failed login and a logout", async () => {
    const user = world.users.entB;
    const from = (await rows()).length;
    const bad = await new ApiClient(server.url).login(user.username, "wrong-password-1");
    expect(bad.status).toBe(401);
    const unknown = await new ApiClient(server.url).login("nobody-here", "wrong-password-1");
    expect(unknown.status).toBe(401);
    const client = await login("entB");
    expect((await client.post("/api/v1/auth/logout")).status).toBe(200);

    const added = (await rows()).slice(from);
    expect(
      added.map((r) => ({
        action: r.action,
        actor: r.actor_id,
        target: r.target_id,
        outcome: r.outcome,
        reason: r.after ? JSON.parse(r.after).reason : undefined,
      })),
    ).toEqual([
      {
        action: "auth.login",
        actor: user.actor.userId,
        target: user.actor.userId,
        outcome: "failure",
        reason: "bad_password",
      },
      {
        action: "auth.login",
        actor: null,
        target: "nobody-here",
        outcome: "failure",
        reason: "unknown_user",
      },
      {
        action: "auth.login",
        actor: user.actor.userId,
        target: user.actor.userId,
        outcome: "success",
        reason: undefined,
      },
      {
        action: "auth.logout",
        actor: user.actor.userId,
        target: user.actor.userId,
        outcome: "success",
        reason: undefined,
      },
    ]);
    for (const r of added) expect(r.ip).toBe("127.0.0.1");

    // The auditor finds them through the API too.
    const api = await clients.auditor.get(
      `/api/v1/audit?action=auth.login&actorId=${user.actor.userId}&pageSize=200`,
    );
    expect(api.status).toBe(200);
    const outcomes = api.json.items.map((i: { outcome: string }) => i.outcome);
    expect(outcomes).toContain("success");
    expect(outcomes).toContain("failure");
  });

  it("records every state change with its before and after state", async () => {
    const db = server.context.database.db;
    const create = async (item: string, subject: string) => {
      const r = await clients.entA.post("/api/v1/applications", {
        item,
        subject,
        eventDate: "2024-03-01",
      });
      expect(r.status).toBe(201);
      const up = await clients.entA.upload(r.json.id, "材料.pdf", demoPdf(subject));
      expect(up.status).toBe(201);
      return r.json.id as string;
    };
    const step = async (who: UserKey, id: string, action: string, comment?: string) => {
      const r = await clients[who].post(
        `/api/v1/applications/${id}/${action}`,
        comment ? { comment } : {},
      );
      expect(r.status, JSON.stringify(r.json)).toBe(200);
    };
    const one = await create("2.1.a", "GB/T 99999-2024 审计");
    for (const [who, action, comment] of [
      ["entA", "submit"],
      ["countyX", "accept"],
      ["countyX", "return", "请补充材料"],
      ["entA", "submit"],
      ["countyX", "accept"],
      ["countyX", "approve"],
      ["city", "approve"],
    ] as [UserKey, string, string?][]) {
      await step(who, one, action, comment);
    }
    const two = await create("2.1.b", "行业标准 QB/T 9999-2024 审计");
    await step("entA", two, "submit");
    await step("countyX", two, "reject", "不在政策范围内");
    const three = await create("2.1.c", "省级地方标准 DB33/T 9999-2024 审计");
    await step("entA", three, "withdraw");

    const ids = [one, two, three];
    const events = await db
      .selectFrom("application_events")
      .selectAll()
      .where("application_id", "in", ids)
      .orderBy("created_at")
      .orderBy("seq")
      .execute();
    // Three drafts created, then ten steps.
    expect(events).toHaveLength(13);
    const audited = (await rows()).filter(
      (r) => r.target_id !== null && ids.includes(r.target_id) && r.outcome === "success",
    );
    // Every state change has its step, the draft's creation included; an upload has none.
    const transitions = audited.filter((r) => r.action !== "application.addEvidence");
    expect(transitions).toHaveLength(events.length);
    for (const id of ids) {
      const fromEvents = events
        .filter((e) => e.application_id === id)
        .map((e) => [`application.${e.action}`, e.actor_id, e.from_state, e.to_state, e.comment]);
      const fromAudit = transitions
        .filter((r) => r.target_id === id)
        .map((r) => {
          const after = JSON.parse(r.after ?? "null");
          return [
            r.action,
            r.actor_id,
            JSON.parse(r.before ?? "null")?.state ?? null,
            after?.state,
            after?.comment,
          ];
        });
      expect(fromAudit).toEqual(fromEvents);
    }
    // The drafts and uploads too.
    expect(audited.filter((r) => r.action === "application.create")).toHaveLength(3);
    expect(audited.filter((r) => r.action === "application.addEvidence")).toHaveLength(3);
  });

  it("records a change of settings with the old and new value", async () => {
    const from = (await rows()).length;
    const r = await patchRead(clients.sysadmin, "/api/v1/settings", {
      "general.evidenceMaxBytes": 5 * 1024 * 1024,
    });
    expect(r.status).toBe(200);
    const added = (await rows()).slice(from);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      action: "settings.update",
      actor_id: world.users.sysadmin.actor.userId,
      actor_role: "system_admin",
      target_id: "general.evidenceMaxBytes",
      outcome: "success",
    });
    expect(JSON.parse(added[0]?.before ?? "null")).toEqual({
      "general.evidenceMaxBytes": 20 * 1024 * 1024,
    });
    expect(JSON.parse(added[0]?.after ?? "null")).toEqual({
      "general.evidenceMaxBytes": 5 * 1024 * 1024,
    });
  });

  it("records a denied request with outcome “denied”", async () => {
    const from = (await rows()).length;
    const r = await clients.entA.get("/api/v1/audit");
    expect(r.status).toBe(403);
    const s = await patchRead(clients.city, "/api/v1/settings", {
      "general.evidenceMaxBytes": 2048,
    });
    expect(s.status).toBe(403);
    const csrf = await clients.entA.request("POST", "/api/v1/auth/logout", {}, { csrf: false });
    expect(csrf.status).toBe(403);
    expect(csrf.json.error.code).toBe("csrf_failed");

    const added = (await rows()).slice(from);
    expect(added.map((a) => [a.action, a.actor_id, a.outcome])).toEqual([
      ["audit.read", world.users.entA.actor.userId, "denied"],
      ["settings.general", world.users.city.actor.userId, "denied"],
      ["POST /api/v1/auth/logout", world.users.entA.actor.userId, "denied"],
    ]);
    expect(JSON.parse(added[0]?.after ?? "null")).toMatchObject({
      code: "forbidden",
      route: "GET /api/v1/audit",
    });
    // The settings were not changed by the denied request.
    const settings = await clients.sysadmin.get("/api/v1/settings");
    const max = settings.json.items.find(
      (i: { key: string }) => i.key === "general.evidenceMaxBytes",
    );
    expect(max.value).toBe(5 * 1024 * 1024);
  });

  it("serves the log and its verification to the auditor only", async () => {
    for (const key of ["entA", "countyX", "city", "sysadmin"] as const) {
      for (const path of ["/api/v1/audit", "/api/v1/audit/verify"]) {
        const r = await clients[key].get(path);
        expect(r.status, `${key} ${path}`).toBe(403);
        expect(r.json.error.code).toBe("forbidden");
      }
    }
    const secadmin = await login("secadmin");
    expect((await secadmin.get("/api/v1/audit")).status).toBe(403);
    expect((await secadmin.get("/api/v1/audit/verify")).status).toBe(403);
    const anonymous = new ApiClient(server.url);
    expect((await anonymous.get("/api/v1/audit")).status).toBe(401);
    expect((await anonymous.get("/api/v1/audit/verify")).status).toBe(401);

    const list = await clients.auditor.get("/api/v1/audit?pageSize=5&outcome=denied");
    expect(list.status).toBe(200);
    expect(list.json.total).toBeGreaterThan(0);
    expect(list.json.items.length).toBeLessThanOrEqual(5);
    for (const item of list.json.items) expect(item.outcome).toBe("denied");
    const verify = await clients.auditor.get("/api/v1/audit/verify");
    expect(verify.status).toBe(200);
    expect(verify.json).toEqual({ ok: true, entries: (await rows()).length });
  });

  it("finds an operator by a name with _ in it, and takes % and _ as typed", async () => {
    const clerk = await createUser(server.context, world.users.sysadmin.actor, {
      username: "city_clerk",
      displayName: "市局_经办",
      role: "city_official",
      password: PASSWORD,
    });
    const client = new ApiClient(server.url);
    expect((await client.login("city_clerk", PASSWORD)).status).toBe(200);
    for (const text of ["y_cl", "局_经"]) {
      const found = await clients.auditor.get(`/api/v1/audit?actor=${encodeURIComponent(text)}`);
      expect(found.status).toBe(200);
      expect(found.json.total, text).toBeGreaterThan(0);
      for (const item of found.json.items) expect(item.actorId).toBe(clerk.id);
    }
    // "_" and "%" are no wildcards: "y%c" and "city-clerk" name nobody.
    for (const text of ["y%c", "y_clerk_", "city-clerk"]) {
      const none = await clients.auditor.get(`/api/v1/audit?actor=${encodeURIComponent(text)}`);
      expect(none.json.total, text).toBe(0);
    }
  });

  it("the database refuses UPDATE and DELETE on the audit log", async () => {
    const db = server.context.database.db;
    const before = await rows();
    await expect(
      sql`update audit_log set after = ${"{}"} where seq = 1`.execute(db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`update audit_log set outcome = ${"success"}`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log where seq = 1`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
    if (dialect === "postgres") {
      await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
    }
    expect(await rows()).toEqual(before);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: before.length });
  });
});

describe.each(DIALECTS)("a tampered audit log (%s)", (dialect) => {
  let testDb: TestDatabase;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    testDb = await freshDatabase(dialect);
    handle = testDb.handle;
    for (let i = 1; i <= 6; i++) {
      await recordAudit(handle, new Date(Date.UTC(2025, 0, 1, 8, i)).toISOString(), {
        actorId: `user-${i}`,
        actorRole: "city_official",
        action: "application.approve",
        targetType: "application",
        targetId: `app-${i}`,
        before: { state: "city_review" },
        after: { state: "approved", amount: 100000 * i },
        ip: "10.0.0.1",
        outcome: "success",
      });
    }
  });
  afterAll(async () => {
    await testDb?.cleanup();
  });

  it("is clean before anyone touches it, and `qi verify` says so", async () => {
    expect(await verifyAuditChain(handle.db)).toEqual({ ok: true, entries: 6 });
    const cli = runQiOn(testDb, ["verify"]);
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toContain("6 条记录");
  });

  it("detects a changed, a removed middle and a removed last entry once the triggers are dropped", async () => {
    await dropAppendOnlyTriggers(handle, dialect);
    const original = await auditRows(handle);
    const row = (seq: number) => original.find((r) => r.seq === seq) as AuditTable;

    // A malicious DBA raises an amount in entry 3.
    await sql`update audit_log set after = ${JSON.stringify({ state: "approved", amount: 999999 })} where seq = 3`.execute(
      handle.db,
    );
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: false, brokenAt: 3 });
    let cli = runQiOn(testDb, ["verify"]);
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain("第 3 条");
    // Put back, the chain holds again.
    await sql`update audit_log set after = ${row(3).after} where seq = 3`.execute(handle.db);
    expect(await verifyAuditChain(handle.db)).toEqual({ ok: true, entries: 6 });

    // A middle entry removed.
    await sql`delete from audit_log where seq = 4`.execute(handle.db);
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: false, brokenAt: 4 });
    cli = runQiOn(testDb, ["verify"]);
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain("第 4 条");
    await handle.db.insertInto("audit_log").values(row(4)).execute();
    expect(await verifyAuditChain(handle.db)).toEqual({ ok: true, entries: 6 });

    // The last entry removed: only the kept head shows it.
    await sql`delete from audit_log where seq = 6`.execute(handle.db);
    const tail = await verifyAuditChain(handle.db);
    expect(tail).toMatchObject({ ok: false, brokenAt: 6, entries: 5 });
    cli = runQiOn(testDb, ["verify"]);
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain("第 6 条");
    await handle.db.insertInto("audit_log").values(row(6)).execute();

    // A rewritten entry whose own hash is recomputed still breaks the next entry's link.
    const forged = { ...row(2), after: JSON.stringify({ state: "approved", amount: 1 }) };
    const { hash: _old, ...fields } = forged;
    const rehashed = createHash("sha256")
      .update(
        JSON.stringify([
          fields.seq,
          fields.at,
          fields.actor_id,
          fields.actor_role,
          fields.action,
          fields.target_type,
          fields.target_id,
          fields.before,
          fields.after,
          fields.ip,
          fields.outcome,
          fields.prev_hash,
        ]),
      )
      .digest("hex");
    await sql`update audit_log set after = ${forged.after}, hash = ${rehashed} where seq = 2`.execute(
      handle.db,
    );
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: false, brokenAt: 3 });
    await sql`update audit_log set after = ${row(2).after}, hash = ${row(2).hash} where seq = 2`.execute(
      handle.db,
    );

    expect(await verifyAuditChain(handle.db)).toEqual({ ok: true, entries: 6 });
    cli = runQiOn(testDb, ["verify"]);
    expect(cli.status).toBe(0);
  });
});
