import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applicationInputSchema,
  applicationPatchSchema,
} from "../../src/applications/application-input.ts";
import {
  createApplication,
  getApplication,
  updateApplication,
} from "../../src/applications/applications.ts";
import { addEvidence } from "../../src/applications/evidence.ts";
import type { Action } from "../../src/applications/states.ts";
import { transitionApplication } from "../../src/applications/transition-application.ts";
import { verifyAuditChain } from "../../src/audit/audit-log.ts";
import type { Context } from "../../src/context.ts";
import type { DB, Dialect } from "../../src/db/database.ts";
import { ApiClient } from "../helpers/api.ts";
import { contextFor, DIALECTS, freshDatabase } from "../helpers/db.ts";
import { startTestServer, type TestServer } from "../helpers/http.ts";
import { patchRead } from "../helpers/versioned.ts";
import { buildWorld, demoPdf, PASSWORD, type World } from "../helpers/world.ts";
import { type ServerProcess, startServerProcess } from "./support-crash.ts";

/**
 * Races over the real HTTP API: the first-come rule for one project, the “品字标” cap and pay
 * once across organizations must hold when approvals arrive at the same time — in one server
 * process and across two processes sharing one database.
 */

type UserKey = keyof World["users"];
const EVENT_DATE = "2024-05-01";
const CAP = 500_000;
const GOOD_FACTS = { municipalFiling: true, certificate: "first" };
const FAILING_FACTS = { municipalFiling: false, certificate: "first" };

/** The steps of a case, by HTTP or by the domain directly; each step must succeed. */
interface Driver {
  create(who: UserKey, body: Record<string, unknown>): Promise<string>;
  evidence(who: UserKey, id: string): Promise<void>;
  act(who: UserKey, id: string, action: Action, comment?: string): Promise<void>;
  patch(who: UserKey, id: string, body: Record<string, unknown>): Promise<void>;
}

function httpDriver(clients: Record<UserKey, ApiClient>): Driver {
  const ok = (r: { status: number; json: any }, expected: number, what: string) => {
    if (r.status !== expected) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.json)}`);
    return r.json;
  };
  return {
    async create(who, body) {
      return ok(await clients[who].post("/api/v1/applications", body), 201, "create").id;
    },
    async evidence(who, id) {
      ok(await clients[who].upload(id, "证明材料.pdf", demoPdf(`evidence ${id}`)), 201, "upload");
    },
    async act(who, id, action, comment) {
      const body = comment ? { comment } : {};
      ok(await clients[who].post(`/api/v1/applications/${id}/${action}`, body), 200, action);
    },
    async patch(who, id, body) {
      ok(await patchRead(clients[who], `/api/v1/applications/${id}`, body), 200, "patch");
    },
  };
}

function domainDriver(ctx: Context, world: World): Driver {
  const actor = (who: UserKey) => world.users[who].actor;
  return {
    async create(who, body) {
      return (await createApplication(ctx, actor(who), applicationInputSchema.parse(body))).id;
    },
    async evidence(who, id) {
      await addEvidence(ctx, actor(who), id, { filename: "证明材料.pdf", data: demoPdf(id) });
    },
    async act(who, id, action, comment) {
      await transitionApplication(ctx, actor(who), id, action, comment ?? null);
    },
    async patch(who, id, body) {
      // The version the enterprise read the case at, as the page sends it.
      const { application } = await getApplication(ctx, actor(who), id);
      await updateApplication(
        ctx,
        actor(who),
        id,
        applicationPatchSchema.parse(body),
        application.version,
      );
    },
  };
}

/**
 * Puts `n` “品字标” cases of organization A at city review. The engine decides each step against
 * all the organization's live cases in first-applied order, so once three cases hold the 50万
 * cap a later one cannot pass county review while the earlier ones count. The cases are
 * therefore first submitted in order with a failing fact (fixing their submission times), and
 * then, latest first, returned, corrected, resubmitted (keeping the first submission time),
 * accepted and approved by the county — each while every earlier case still fails its condition.
 * Returns the ids in first-applied order.
 */
async function casesAtCityReview(driver: Driver, n: number, tag: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 1; i <= n; i++) {
    const id = await driver.create("entA", {
      item: "1.1.g",
      subject: `品字标认证证书 ZJM-${tag}-${String(i).padStart(4, "0")}`,
      eventDate: EVENT_DATE,
      facts: FAILING_FACTS,
    });
    await driver.evidence("entA", id);
    await driver.act("entA", id, "submit");
    ids.push(id);
  }
  for (const id of [...ids].reverse()) {
    await driver.act("countyX", id, "return", "请补充市级备案材料");
    await driver.patch("entA", id, { facts: GOOD_FACTS });
    await driver.act("entA", id, "submit");
    await driver.act("countyX", id, "accept");
    await driver.act("countyX", id, "approve");
  }
  return ids;
}

async function applicationRows(db: DB, ids: readonly string[]) {
  return db.selectFrom("applications").selectAll().where("id", "in", ids).execute();
}

async function eventCount(db: DB, ids: readonly string[]): Promise<number> {
  const r = await db
    .selectFrom("application_events")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("application_id", "in", ids)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Checks the outcome of the 20 racing city approvals against the database. */
async function expectCapHeld(
  db: DB,
  organizationId: string,
  ids: readonly string[],
  results: readonly { status: number; json: any }[],
  before: { versions: Map<string, number>; events: number },
) {
  const approved = results.filter((r) => r.status === 200);
  const refused = results.filter((r) => r.status !== 200);
  expect(approved).toHaveLength(3);
  for (const r of refused) {
    expect(r.status).toBe(409);
    expect(["engine_refuses", "conflict"]).toContain(r.json.error.code);
  }
  // The three earliest applied get 200000, 200000 and the remaining 100000.
  const expectedAmounts = [200_000, 200_000, 100_000];
  const rows = await applicationRows(db, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  ids.forEach((id, i) => {
    const row = byId.get(id);
    if (i < 3) {
      expect(row?.state).toBe("approved");
      expect(row?.expected_amount).toBe(expectedAmounts[i]);
    } else {
      // Nothing changed for a refused case.
      expect(row?.state).toBe("city_review");
      expect(row?.version).toBe(before.versions.get(id));
    }
  });
  expect(await eventCount(db, ids)).toBe(before.events + 3);

  const grants = await db
    .selectFrom("grants")
    .selectAll()
    .where("organization_id", "=", organizationId)
    .where("item", "=", "1.1.g")
    .execute();
  expect(grants).toHaveLength(3);
  expect(grants.reduce((s, g) => s + g.amount, 0)).toBe(CAP);
  expect(new Set(grants.map((g) => g.application_id))).toEqual(new Set(ids.slice(0, 3)));
  const usage = await db
    .selectFrom("cap_usage")
    .selectAll()
    .where("organization_id", "=", organizationId)
    .execute();
  expect(usage).toHaveLength(1);
  expect(usage[0]).toMatchObject({ cap_id: "pinzibiao", used: CAP, limit_yuan: CAP });
  // The racing writers kept the audit chain whole, with one entry per approval.
  expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  const audited = await db
    .selectFrom("audit_log")
    .select("target_id")
    .where("action", "=", "application.approve")
    .where("actor_role", "=", "city_official")
    .where("target_id", "in", ids)
    .execute();
  expect(audited.map((a) => a.target_id).sort()).toEqual(ids.slice(0, 3).sort());
}

async function snapshot(db: DB, ids: readonly string[]) {
  const rows = await applicationRows(db, ids);
  expect(rows.every((r) => r.state === "city_review")).toBe(true);
  return {
    versions: new Map(rows.map((r) => [r.id, r.version])),
    events: await eventCount(db, ids),
  };
}

describe.each(DIALECTS)("concurrent approvals over HTTP (%s)", (dialect) => {
  let server: TestServer;
  let world: World;
  let clients: Record<UserKey, ApiClient>;
  let driver: Driver;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    world = await buildWorld(server.context);
    const keys: UserKey[] = ["entA", "entB", "countyX", "countyY", "city"];
    const entries = await Promise.all(
      keys.map(async (key) => {
        const client = new ApiClient(server.url);
        const r = await client.login(world.users[key].username, PASSWORD);
        expect(r.status).toBe(200);
        return [key, client] as const;
      }),
    );
    clients = Object.fromEntries(entries) as Record<UserKey, ApiClient>;
    driver = httpDriver(clients);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("two cases of one project: both submitted at once, only the first applied is approved", async () => {
    const db = server.context.database.db;
    const project = "数字化质量管理项目 P-2024-01";
    const first = await driver.create("entA", {
      item: "1.2.a",
      subject: "省先进质量管理孵化基地 2024-同项目",
      project,
      eventDate: EVENT_DATE,
    });
    const second = await driver.create("entA", {
      item: "1.3.b",
      subject: "产业链数字化质量管理创新示范单位 2024-同项目",
      project,
      eventDate: EVENT_DATE,
    });
    await driver.evidence("entA", first);
    await driver.evidence("entA", second);

    const submits = await Promise.all(
      [first, second].map((id) => clients.entA.post(`/api/v1/applications/${id}/submit`, {})),
    );
    expect(submits.map((r) => r.status)).toEqual([200, 200]);
    expect(submits.map((r) => r.json.state)).toEqual(["submitted", "submitted"]);
    const rows = await applicationRows(db, [first, second]);
    const times = rows.map((r) => r.submitted_at);
    expect(times.every((t) => t !== null)).toBe(true);
    expect(new Set(times).size).toBe(2);
    const [earlier, later] = [...rows]
      .sort((a, b) => ((a.submitted_at as string) < (b.submitted_at as string) ? -1 : 1))
      .map((r) => r.id) as [string, string];

    // While the earlier case counts, the engine refuses the later one at county review already.
    await driver.act("countyX", later, "accept");
    const early = await clients.countyX.post(`/api/v1/applications/${later}/approve`, {});
    expect(early.status).toBe(409);
    expect(early.json.error.code).toBe("engine_refuses");
    expect(early.json.error.message).toContain("五、附则");

    // To bring both to city review, the earlier case is returned and moved to another project
    // meanwhile, then put back; it keeps its first submission time.
    await driver.act("countyX", earlier, "return", "请核对项目名称");
    await driver.patch("entA", earlier, { project: "临时项目" });
    await driver.act("countyX", later, "approve");
    await driver.patch("entA", earlier, { project });
    await driver.act("entA", earlier, "submit");
    await driver.act("countyX", earlier, "accept");
    await driver.act("countyX", earlier, "approve");
    const before = await snapshot(db, [earlier, later]);
    const afterResubmit = await applicationRows(db, [earlier]);
    expect(afterResubmit[0]?.submitted_at).toBe(rows.find((r) => r.id === earlier)?.submitted_at);

    const approvals = await Promise.all(
      [earlier, later].map((id) => clients.city.post(`/api/v1/applications/${id}/approve`, {})),
    );
    const byId = new Map([
      [earlier, approvals[0]],
      [later, approvals[1]],
    ]);
    expect(byId.get(earlier)?.status).toBe(200);
    expect(byId.get(earlier)?.json.state).toBe("approved");
    const refusal = byId.get(later);
    expect(refusal?.status).toBe(409);
    expect(["engine_refuses", "conflict"]).toContain(refusal?.json.error.code);
    if (refusal?.json.error.code === "engine_refuses") {
      expect(refusal.json.error.message).toContain("五、附则");
    }

    const grants = await db
      .selectFrom("grants")
      .selectAll()
      .where("organization_id", "=", world.orgA.id)
      .where("project", "=", project)
      .execute();
    expect(grants).toHaveLength(1);
    expect(grants[0]?.application_id).toBe(earlier);
    const laterRow = (await applicationRows(db, [later]))[0];
    expect(laterRow?.state).toBe("city_review");
    expect(laterRow?.version).toBe(before.versions.get(later));
  });

  it("the “品字标” cap holds under 20 concurrent city approvals", async () => {
    const db = server.context.database.db;
    const ids = await casesAtCityReview(driver, 20, `${dialect}-HTTP`);
    const before = await snapshot(db, ids);

    const results = await Promise.all(
      ids.map((id) => clients.city.post(`/api/v1/applications/${id}/approve`, {})),
    );
    await expectCapHeld(db, world.orgA.id, ids, results, before);
  });

  it("pays once across organizations when both are approved at the same time", async () => {
    const db = server.context.database.db;
    const subject = "省先进质量管理孵化基地 2024-共同对象";
    const caseOf = async (ent: UserKey, county: UserKey) => {
      const id = await driver.create(ent, { item: "1.2.a", subject, eventDate: EVENT_DATE });
      await driver.evidence(ent, id);
      await driver.act(ent, id, "submit");
      await driver.act(county, id, "accept");
      await driver.act(county, id, "approve");
      return id;
    };
    const a = await caseOf("entA", "countyX");
    const b = await caseOf("entB", "countyY");

    const results = await Promise.all(
      [a, b].map((id) => clients.city.post(`/api/v1/applications/${id}/approve`, {})),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    const refusal = results.find((r) => r.status === 409);
    expect(["engine_refuses", "conflict"]).toContain(refusal?.json.error.code);

    const grants = await db
      .selectFrom("grants")
      .selectAll()
      .where("item", "=", "1.2.a")
      .where("subject", "=", subject)
      .execute();
    expect(grants).toHaveLength(1);
    const states = (await applicationRows(db, [a, b])).map((r) => r.state).sort();
    expect(states).toEqual(["approved", "city_review"]);
  });
});

// ── two server processes over one database ──────────────────────────────────────────────────

async function stopServerProcess(p: ServerProcess | undefined): Promise<void> {
  if (!p || p.child.exitCode !== null || p.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => p.child.once("exit", () => resolve()));
  p.child.kill("SIGTERM");
  const timer = setTimeout(() => p.child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

describe.each(DIALECTS)("two server processes sharing one %s database", (dialect: Dialect) => {
  it("the cap still holds when 20 approvals race across both processes", async () => {
    const testDb = await freshDatabase(dialect);
    const processes: ServerProcess[] = [];
    try {
      const ctx = contextFor(testDb);
      const world = await buildWorld(ctx);
      const ids = await casesAtCityReview(domainDriver(ctx, world), 20, `${dialect}-PROC`);
      const db = testDb.handle.db;
      const before = await snapshot(db, ids);

      const env: Record<string, string> = { QI_DATA_DIR: testDb.dataDir };
      if (dialect === "postgres") env.DATABASE_URL = testDb.url as string;
      processes.push(await startServerProcess(env));
      processes.push(await startServerProcess(env));
      const [one, two] = processes as [ServerProcess, ServerProcess];

      // Sessions live in the database: one login serves both processes.
      const city = new ApiClient(one.url);
      expect((await city.login(world.users.city.username, PASSWORD)).status).toBe(200);
      const cityTwo = new ApiClient(two.url);
      Object.assign(cityTwo, { cookie: (city as unknown as { cookie: string }).cookie });
      cityTwo.csrfToken = city.csrfToken;
      expect((await cityTwo.get("/api/v1/auth/me")).status).toBe(200);

      const results = await Promise.all(
        ids.map((id, i) =>
          (i % 2 === 0 ? city : cityTwo).post(`/api/v1/applications/${id}/approve`, {}),
        ),
      );
      expect(results.every((r) => r.status < 500)).toBe(true);
      await expectCapHeld(db, world.orgA.id, ids, results, before);
    } finally {
      for (const p of processes) await stopServerProcess(p);
      await testDb.cleanup();
    }
  }, 90_000);
});
