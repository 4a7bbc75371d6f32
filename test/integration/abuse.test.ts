import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { beijingToday } from "../../src/clock.ts";
import type { Context } from "../../src/context.ts";
import type { DB, Dialect } from "../../src/db/database.ts";
import { buildApp } from "../../src/http/app.ts";
import { addDays } from "../../src/policy/dates.ts";
import type { ApiClient } from "../helpers/api.ts";
import { contextFor, DIALECTS, freshDatabase, type TestDatabase } from "../helpers/db.ts";
import { patchRead } from "../helpers/versioned.ts";
import { buildWorld, PASSWORD, type World } from "../helpers/world.ts";
import { auditHead, auditSince, expectErrorShape, loginAs, ok } from "./support-access.ts";
import { seedAwardableCases } from "./support-crash.ts";
import { addEnterprise, addExpert, selectedCall } from "./support-projects.ts";

/**
 * Abuse of the administration and of the public objection form, over the real HTTP API:
 * - the last enabled holder of an administrative role cannot be disabled or demoted, and no one
 *   disables (or demotes) themselves — also when two requests race for the last two;
 * - an account patch with nothing to change is a 400, not a 500;
 * - objections are de-duplicated (an identical one gets the first one's answer) and limited per
 *   source address and publicity batch (429 beyond the limit) — also under concurrency.
 *
 * The server trusts X-Forwarded-For, so each test sends from addresses of its own (the route's own
 * rate limit, 10 a minute per address, then never interferes). Publicity batches are seeded
 * directly (cases) or through the domain (public projects), their period moved to cover today.
 */

interface Res {
  status: number;
  json: any;
}

interface Server {
  readonly db: TestDatabase;
  readonly context: Context;
  readonly world: World;
  readonly app: FastifyInstance;
  readonly url: string;
  close(): Promise<void>;
}

async function startServer(dialect: Dialect): Promise<Server> {
  const db = await freshDatabase(dialect);
  const context = contextFor(db);
  const world = await buildWorld(context);
  const app = await buildApp({
    context,
    trustProxy: true,
    strictResponses: true,
  });
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    db,
    context,
    world,
    app,
    url,
    close: async () => {
      await app.close();
      await db.cleanup();
    },
  };
}

const HEX64 = /^[0-9a-f]{64}$/;
/** Rounds of each race of administrators (each round a new pair of last two). */
const ROUNDS = 8;

async function enabledWithRole(db: DB, role: string): Promise<string[]> {
  const rows = await db
    .selectFrom("users")
    .select("id")
    .where("role", "=", role)
    .where("disabled", "=", 0)
    .execute();
  return rows.map((r) => r.id);
}

/** The period of a publicity batch moved to cover today (Beijing), so it takes objections. */
async function openToday(db: DB, batchId: string): Promise<void> {
  const today = beijingToday({ now: () => new Date() });
  await db
    .updateTable("publicity_batches")
    .set({ start_date: addDays(today, -1), end_date: addDays(today, 10) })
    .where("id", "=", batchId)
    .execute();
}

describe.each(DIALECTS)("administrators are never all locked out (%s)", (dialect) => {
  let server: Server;
  let db: DB;
  let world: World;
  let sysadmin: ApiClient;
  let secadmin: ApiClient;

  beforeAll(async () => {
    server = await startServer(dialect);
    db = server.context.database.db;
    world = server.world;
    sysadmin = await loginAs(server.url, world.users.sysadmin.username);
    secadmin = await loginAs(server.url, world.users.secadmin.username);
  });
  afterAll(async () => {
    await server?.close();
  });

  const userRow = (id: string) =>
    db
      .selectFrom("users")
      .select(["role", "disabled"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();

  it("no one disables their own account (403, field disabled), nor changes their own role", async () => {
    const self = world.users.sysadmin.actor.userId;
    const head = await auditHead(db);
    const r = await sysadmin.patch(`/api/v1/users/${self}`, { disabled: true });
    expect(r.status, JSON.stringify(r.json)).toBe(403);
    expectErrorShape(r.json, "forbidden");
    expect(r.json.error.field).toBe("disabled");
    expect(r.json.error.message).toContain("自己");
    expect(await userRow(self)).toEqual({ role: "system_admin", disabled: 0 });
    // The refusal is a denial of access: it is in the audit log, and the session still works.
    const audit = await auditSince(db, head);
    expect(audit.map((a) => [a.action, a.outcome, a.actor_id])).toEqual([
      ["user.update", "denied", self],
    ]);
    expect((await sysadmin.get("/api/v1/users")).status).toBe(200);

    const ownRole = await secadmin.put(`/api/v1/users/${world.users.secadmin.actor.userId}/role`, {
      role: "auditor",
    });
    expect(ownRole.status).toBe(403);
    expect(ownRole.json.error).toMatchObject({ code: "forbidden", field: "role" });
  });

  it("keeps the last enabled holder of each administrative role: not disabled, not demoted (409)", async () => {
    const { sysadmin: sys, secadmin: sec, auditor } = world.users;
    const head = await auditHead(db);
    for (const [target, name] of [
      [auditor, "审计管理员"],
      [sec, "安全管理员"],
    ] as const) {
      const r = await sysadmin.patch(`/api/v1/users/${target.actor.userId}`, { disabled: true });
      expect(r.status, JSON.stringify(r.json)).toBe(409);
      expectErrorShape(r.json, "conflict");
      expect(r.json.error.field).toBe("disabled");
      expect(r.json.error.message).toContain(name);
      expect(r.json.error.message).toContain("唯一");
    }
    for (const [target, name] of [
      [sys, "系统管理员"],
      [auditor, "审计管理员"],
    ] as const) {
      const r = await secadmin.put(`/api/v1/users/${target.actor.userId}/role`, {
        role: "city_official",
      });
      expect(r.status, JSON.stringify(r.json)).toBe(409);
      expectErrorShape(r.json, "conflict");
      expect(r.json.error.field).toBe("role");
      expect(r.json.error.message).toContain(name);
    }
    expect(await auditSince(db, head)).toEqual([]);
    expect(await userRow(auditor.actor.userId)).toEqual({ role: "auditor", disabled: 0 });
    expect(await userRow(sec.actor.userId)).toEqual({ role: "security_admin", disabled: 0 });
    expect(await userRow(sys.actor.userId)).toEqual({ role: "system_admin", disabled: 0 });

    // With a second auditor, either may go — but a disabled one does not count as a holder.
    const second = ok(
      await secadmin.post("/api/v1/users", {
        username: "auditor-two",
        displayName: "第二审计管理员",
        role: "auditor",
        password: PASSWORD,
      }),
      201,
      "second auditor",
    ).json.id as string;
    ok(
      await sysadmin.patch(`/api/v1/users/${auditor.actor.userId}`, { disabled: true }),
      200,
      "disable the first auditor",
    );
    const lastOne = await sysadmin.patch(`/api/v1/users/${second}`, { disabled: true });
    expect(lastOne.status).toBe(409);
    expect(lastOne.json.error.field).toBe("disabled");
    const demoteLast = await secadmin.put(`/api/v1/users/${second}/role`, { role: "leader" });
    expect(demoteLast.status).toBe(409);
    ok(
      await sysadmin.patch(`/api/v1/users/${auditor.actor.userId}`, { disabled: false }),
      200,
      "enable the first auditor again",
    );
    ok(
      await secadmin.put(`/api/v1/users/${second}/role`, { role: "leader" }),
      200,
      "demote the second auditor",
    );
    expect(await enabledWithRole(db, "auditor")).toEqual([auditor.actor.userId]);
    // Accounts of other roles are not concerned.
    const entB = world.users.entB.actor.userId;
    ok(await sysadmin.patch(`/api/v1/users/${entB}`, { disabled: true }), 200, "disable entB");
    ok(await sysadmin.patch(`/api/v1/users/${entB}`, { disabled: false }), 200, "enable entB");
  });

  it("an account patch with nothing to change is a 400 naming the body, and writes nothing", async () => {
    const target = world.users.entA.actor.userId;
    for (const body of [{}, { enabled: true }, { disable: true, role: "auditor" }]) {
      const head = await auditHead(db);
      const before = await db
        .selectFrom("users")
        .selectAll()
        .where("id", "=", target)
        .executeTakeFirstOrThrow();
      const r = await sysadmin.patch(`/api/v1/users/${target}`, body);
      expect(r.status, `${JSON.stringify(body)} → ${JSON.stringify(r.json)}`).toBe(400);
      expectErrorShape(r.json, "missing_field");
      expect(r.json.error.field).toBe("body");
      expect(r.json.error.message).toMatch(/disabled.*unlock.*password/);
      expect(await auditSince(db, head)).toEqual([]);
      expect(
        await db.selectFrom("users").selectAll().where("id", "=", target).executeTakeFirstOrThrow(),
      ).toEqual(before);
    }
  });
});

describe.each(DIALECTS)("the last administrators under contention (%s)", (dialect) => {
  let server: Server;
  let db: DB;
  let secadmin: ApiClient;
  let serial = 0;

  beforeAll(async () => {
    server = await startServer(dialect);
    db = server.context.database.db;
    secadmin = await loginAs(server.url, server.world.users.secadmin.username);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** A new administrator of `role`, created by the security admin; its id and username. */
  const newAdmin = async (role: string) => {
    const username = `${role.replace("_", "-")}-${++serial}`;
    const r = ok(
      await secadmin.post("/api/v1/users", {
        username,
        displayName: username,
        role,
        password: PASSWORD,
      }),
      201,
      `create ${username}`,
    );
    return { id: r.json.id as string, username };
  };
  const usernameOf = async (id: string) =>
    (await db.selectFrom("users").select("username").where("id", "=", id).executeTakeFirstOrThrow())
      .username;

  it("the security admin demotes the last two system admins at once: exactly one succeeds", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      await newAdmin("system_admin");
      const pair = await enabledWithRole(db, "system_admin");
      expect(pair).toHaveLength(2);
      const results = await Promise.all(
        pair.map((id) => secadmin.put(`/api/v1/users/${id}/role`, { role: "city_official" })),
      );
      expect(
        results.map((r) => r.status).sort(),
        JSON.stringify(results.map((r) => r.json)),
      ).toEqual([200, 409]);
      const refused = results.find((r) => r.status === 409) as Res;
      expect(refused.json.error).toMatchObject({ code: "conflict", field: "role" });
      expect(await enabledWithRole(db, "system_admin")).toHaveLength(1);
    }
  });

  it("the last two system admins disable each other at once: exactly one succeeds", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const [survivor] = await enabledWithRole(db, "system_admin");
      const other = await newAdmin("system_admin");
      const pair = [
        {
          id: survivor as string,
          client: await loginAs(server.url, await usernameOf(survivor as string)),
        },
        { id: other.id, client: await loginAs(server.url, other.username) },
      ];
      const results = await Promise.all([
        pair[0]?.client.patch(`/api/v1/users/${pair[1]?.id}`, { disabled: true }) as Promise<Res>,
        pair[1]?.client.patch(`/api/v1/users/${pair[0]?.id}`, { disabled: true }) as Promise<Res>,
      ]);
      const statuses = results.map((r) => r.status);
      expect(
        statuses.filter((s) => s === 200),
        JSON.stringify(results.map((r) => r.json)),
      ).toHaveLength(1);
      // The other is refused as the last one (409), or — when the winner committed first — its
      // session was ended with its account (401).
      const loser = results.find((r) => r.status !== 200) as Res;
      expect([401, 409]).toContain(loser.status);
      if (loser.status === 409) expect(loser.json.error.field).toBe("disabled");
      expect(await enabledWithRole(db, "system_admin")).toHaveLength(1);
    }
  });

  it("the system admin disables the last two auditors at once: exactly one succeeds", async () => {
    const [sys] = await enabledWithRole(db, "system_admin");
    const sysadmin = await loginAs(server.url, await usernameOf(sys as string));
    for (let round = 0; round < ROUNDS; round++) {
      await newAdmin("auditor");
      const pair = await enabledWithRole(db, "auditor");
      expect(pair).toHaveLength(2);
      const results = await Promise.all(
        pair.map((id) => sysadmin.patch(`/api/v1/users/${id}`, { disabled: true })),
      );
      expect(
        results.map((r) => r.status).sort(),
        JSON.stringify(results.map((r) => r.json)),
      ).toEqual([200, 409]);
      expect(await enabledWithRole(db, "auditor")).toHaveLength(1);
    }
  });
});

describe.each(DIALECTS)("objections cannot be flooded (%s)", (dialect) => {
  let server: Server;
  let db: DB;
  let world: World;
  let city: ApiClient;
  let sysadmin: ApiClient;
  let serial = 0;

  beforeAll(async () => {
    server = await startServer(dialect);
    db = server.context.database.db;
    world = server.world;
    city = await loginAs(server.url, world.users.city.username);
    sysadmin = await loginAs(server.url, world.users.sysadmin.username);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** A POST without a session, as sent from `source` (X-Forwarded-For). */
  const from = async (source: string, path: string, body: unknown): Promise<Res> => {
    const res = await fetch(`${server.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": source },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: await res.json() };
  };

  /** A publicity batch of `n` cases of organization A, open today. */
  const caseBatch = async (n = 2) => {
    const seeded = await seedAwardableCases(
      db,
      Array.from({ length: n }, () => ({ organization: world.orgA, amount: 10_000 })),
      "city",
    );
    await openToday(db, seeded.batchId);
    return seeded;
  };
  const objectTo = (source: string, batchId: string, applicationId: string, over = {}) =>
    from(source, `/api/v1/public/publicity/${batchId}/objections`, {
      applicationId,
      name: "王五",
      contact: "13900001111",
      reason: "该申报材料 与实际情况不符",
      ...over,
    });
  const rowsOf = (batchId: string) =>
    db
      .selectFrom("objections")
      .selectAll()
      .where("batch_id", "=", batchId)
      .orderBy("created_at")
      .execute();
  const expectLimited = (r: Res, limit: number) => {
    expect(r.status, JSON.stringify(r.json)).toBe(429);
    expectErrorShape(r.json, "rate_limited");
    expect(r.json.error.message).toContain(`${limit} 条`);
    expect(r.json.error.message).toContain("异议");
  };

  it("an identical objection (whitespace aside) gets the first one's answer, not a second record", async () => {
    const { batchId, ids } = await caseBatch();
    const app = ids[0] as string;
    const first = await objectTo("10.1.0.1", batchId, app);
    expect(first.status, JSON.stringify(first.json)).toBe(201);
    expect(first.json).toEqual({ id: expect.any(String), state: "open" });
    for (const [source, over] of [
      ["10.1.0.1", {}],
      ["10.1.0.1", { name: " 王五 ", reason: "  该申报材料\n\t与实际情况不符  " }],
      ["10.1.0.2", { contact: "13900001111\u3000", reason: "该申报材料\u3000 与实际情况不符" }],
    ] as const) {
      const again = await objectTo(source, batchId, app, over);
      expect(again.status, JSON.stringify(again.json)).toBe(201);
      expect(again.json).toEqual(first.json);
    }
    expect(await rowsOf(batchId)).toHaveLength(1);

    // Another reason, another case or another objector is another objection.
    const other = [
      await objectTo("10.1.0.1", batchId, app, { reason: "获奖项目并非本企业完成" }),
      await objectTo("10.1.0.1", batchId, ids[1] as string),
      await objectTo("10.1.0.1", batchId, app, { contact: "13900002222" }),
    ];
    for (const r of other) expect(r.status).toBe(201);
    expect(new Set([first.json.id, ...other.map((r) => r.json.id)]).size).toBe(4);
    expect(await rowsOf(batchId)).toHaveLength(4);

    // Once resolved, the same objection is answered with its present state.
    ok(
      await city.post(`/api/v1/objections/${first.json.id}/resolve`, {
        outcome: "dismissed",
        resolution: "经核实，材料属实",
      }),
      200,
      "dismiss",
    );
    const later = await objectTo("10.1.0.3", batchId, app);
    expect(later.status).toBe(201);
    expect(later.json).toEqual({ id: first.json.id, state: "dismissed" });
    expect(await rowsOf(batchId)).toHaveLength(4);
  });

  it("takes at most 5 open objections per source address and batch; the sixth is a 429", async () => {
    const { batchId, ids } = await caseBatch();
    const source = "10.2.0.1";
    const accepted: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await objectTo(source, batchId, ids[i % 2] as string, { reason: `异议理由 ${i}` });
      expect(r.status, JSON.stringify(r.json)).toBe(201);
      accepted.push(r.json.id);
    }
    const sixth = await objectTo(source, batchId, ids[0] as string, { reason: "异议理由 5" });
    expectLimited(sixth, 5);
    expect(await rowsOf(batchId)).toHaveLength(5);
    // An identical one is still answered (it adds nothing); another source is not limited.
    const same = await objectTo(source, batchId, ids[0] as string, { reason: "异议理由 0" });
    expect(same.status).toBe(201);
    expect(same.json).toEqual({ id: accepted[0], state: "open" });
    expect((await objectTo("10.2.0.2", batchId, ids[0] as string)).status).toBe(201);
    // The limit counts open objections: one resolved frees a place.
    ok(
      await city.post(`/api/v1/objections/${accepted[1]}/resolve`, {
        outcome: "dismissed",
        resolution: "不成立",
      }),
      200,
      "dismiss",
    );
    expect(
      (await objectTo(source, batchId, ids[1] as string, { reason: "异议理由 6" })).status,
    ).toBe(201);
    expectLimited(await objectTo(source, batchId, ids[1] as string, { reason: "异议理由 7" }), 5);

    // The address is stored only as a hash; the audit trail names no objector.
    const rows = await rowsOf(batchId);
    expect(rows).toHaveLength(7);
    const fromSource = rows.filter(
      (r) => r.contact === "13900001111" && r.reason.startsWith("异议"),
    );
    expect(new Set(fromSource.map((r) => r.source)).size).toBe(1);
    for (const r of rows) {
      expect(r.source).toMatch(HEX64);
      expect(r.fingerprint).toMatch(HEX64);
      expect(JSON.stringify(r)).not.toContain("10.2.0.");
    }
    expect(new Set(rows.map((r) => r.fingerprint)).size).toBe(rows.length);
    const audit = await db
      .selectFrom("audit_log")
      .select(["after", "before"])
      .where("action", "=", "objection.file")
      .execute();
    expect(audit.length).toBeGreaterThan(0);
    const text = JSON.stringify(audit);
    for (const secret of ["王五", "13900001111", "异议理由", ...rows.map((r) => r.source)])
      expect(text).not.toContain(secret);
  });

  it("counts an IPv6 /64 as one source, and an IPv4-mapped address as its IPv4 address", async () => {
    const { batchId, ids } = await caseBatch(1);
    const app = ids[0] as string;
    for (let i = 1; i <= 5; i++)
      expect(
        (await objectTo(`2001:db8:5:1::${i}`, batchId, app, { reason: `理由 v6-${i}` })).status,
      ).toBe(201);
    expectLimited(await objectTo("2001:db8:5:1:ffff::9", batchId, app, { reason: "理由 v6-6" }), 5);
    expect((await objectTo("2001:db8:5:2::1", batchId, app, { reason: "理由 v6-7" })).status).toBe(
      201,
    );

    for (let i = 1; i <= 3; i++)
      expect((await objectTo("10.3.0.1", batchId, app, { reason: `理由 v4-${i}` })).status).toBe(
        201,
      );
    for (let i = 4; i <= 5; i++)
      expect(
        (await objectTo("::ffff:10.3.0.1", batchId, app, { reason: `理由 v4-${i}` })).status,
      ).toBe(201);
    expectLimited(await objectTo("10.3.0.1", batchId, app, { reason: "理由 v4-6" }), 5);
  });

  it("the limit is a general setting of the system admin, checked like the others", async () => {
    const key = "general.objectionsPerSource";
    const listed = ok(await sysadmin.get("/api/v1/settings"), 200, "settings").json.items.find(
      (i: { key: string }) => i.key === key,
    );
    expect(listed).toMatchObject({ key, owner: "general", value: 5, default: 5 });
    for (const bad of [0, 101, 2.5, "5", null]) {
      const r = await patchRead(sysadmin, "/api/v1/settings", { [key]: bad });
      expect(r.status, `${JSON.stringify(bad)} → ${JSON.stringify(r.json)}`).toBe(400);
      expect(r.json.error).toMatchObject({ code: "invalid_field", field: key });
    }
    const secadmin = await loginAs(server.url, world.users.secadmin.username);
    expect((await patchRead(secadmin, "/api/v1/settings", { [key]: 2 })).status).toBe(403);

    ok(await patchRead(sysadmin, "/api/v1/settings", { [key]: 2 }), 200, "set the limit to 2");
    try {
      const { batchId, ids } = await caseBatch(1);
      const app = ids[0] as string;
      for (const reason of ["理由甲", "理由乙"])
        expect((await objectTo("10.4.0.1", batchId, app, { reason })).status).toBe(201);
      expectLimited(await objectTo("10.4.0.1", batchId, app, { reason: "理由丙" }), 2);
    } finally {
      ok(await patchRead(sysadmin, "/api/v1/settings", { [key]: 5 }), 200, "limit back to 5");
    }
  });

  it("eight identical objections at once make one record, and all eight get its id", async () => {
    const { batchId, ids } = await caseBatch(1);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        objectTo(`10.5.0.${i + 1}`, batchId, ids[0] as string, { reason: "同时提交的同一异议" }),
      ),
    );
    for (const r of results) expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(new Set(results.map((r) => r.json.id)).size).toBe(1);
    const rows = await rowsOf(batchId);
    expect(rows.map((r) => r.id)).toEqual([results[0]?.json.id]);
  });

  it("nine different objections at once from one source: exactly five are taken", async () => {
    const { batchId, ids } = await caseBatch(1);
    const results = await Promise.all(
      Array.from({ length: 9 }, (_, i) =>
        objectTo("10.6.0.1", batchId, ids[0] as string, { reason: `并发异议 ${++serial}-${i}` }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses, JSON.stringify(results.map((r) => r.json))).toEqual([
      201, 201, 201, 201, 201, 429, 429, 429, 429,
    ]);
    for (const r of results.filter((x) => x.status === 429)) expectLimited(r, 5);
    expect(await rowsOf(batchId)).toHaveLength(5);
  });

  describe("objections to public projects", () => {
    let batchId: string;
    let proposals: string[];

    beforeAll(async () => {
      const ctx = server.context;
      const enterprises = [await addEnterprise(ctx, 71), await addEnterprise(ctx, 72)];
      const experts = [await addExpert(ctx, world, "expert-abuse-1")];
      const call = await selectedCall(ctx, world, {
        year: 2025,
        budget: 1_000_000,
        requested: [100_000, 200_000],
        enterprises,
        experts,
      });
      batchId = call.batchId;
      proposals = call.proposals.map((p) => p.id);
      await openToday(db, batchId);
    });

    const objectToProject = (source: string, proposalId: string, over = {}) =>
      from(source, `/api/v1/public/publicity/${batchId}/project-objections`, {
        proposalId,
        name: "钱八",
        contact: "qian8@example.com",
        reason: "项目申报单位 不具备实施条件",
        ...over,
      });
    const projectRows = () =>
      db
        .selectFrom("project_objections")
        .selectAll()
        .where("batch_id", "=", batchId)
        .orderBy("created_at")
        .execute();

    it("an identical objection gets the first one's answer, also when sent at once", async () => {
      const p1 = proposals[0] as string;
      const first = await objectToProject("10.7.0.1", p1);
      expect(first.status, JSON.stringify(first.json)).toBe(201);
      expect(first.json).toEqual({ id: expect.any(String), state: "open" });
      const again = await objectToProject("10.7.0.2", p1, {
        name: "钱八 ",
        reason: "项目申报单位\n不具备实施条件",
      });
      expect(again.status).toBe(201);
      expect(again.json).toEqual(first.json);

      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          objectToProject(`10.7.1.${i + 1}`, proposals[1] as string, { reason: "同时提交" }),
        ),
      );
      for (const r of results) expect(r.status, JSON.stringify(r.json)).toBe(201);
      expect(new Set(results.map((r) => r.json.id)).size).toBe(1);
      const rows = await projectRows();
      expect(rows.map((r) => r.id).sort()).toEqual([first.json.id, results[0]?.json.id].sort());
      for (const r of rows) {
        expect(r.source).toMatch(HEX64);
        expect(r.fingerprint).toMatch(HEX64);
      }
    });

    it("takes at most 5 open objections per source; the sixth is a 429, another source goes on", async () => {
      const head = await auditHead(db);
      for (let i = 0; i < 5; i++) {
        const r = await objectToProject("10.8.0.1", proposals[i % 2] as string, {
          reason: `项目异议 ${i}`,
        });
        expect(r.status, JSON.stringify(r.json)).toBe(201);
      }
      expectLimited(
        await objectToProject("10.8.0.1", proposals[0] as string, { reason: "项目异议 5" }),
        5,
      );
      expect(
        (await objectToProject("10.8.0.2", proposals[0] as string, { reason: "项目异议 5" }))
          .status,
      ).toBe(201);
      expect(await projectRows()).toHaveLength(2 + 6);
      const audit = await auditSince(db, head);
      expect(audit.map((a) => a.action)).toEqual(Array(6).fill("project_objection.file"));
      const text = JSON.stringify(audit.map((a) => [a.before, a.after]));
      for (const secret of ["钱八", "qian8@example.com", "项目异议"])
        expect(text).not.toContain(secret);
    });
  });
});
