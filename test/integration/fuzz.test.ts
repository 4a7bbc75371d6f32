import { createHash } from "node:crypto";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { type Selectable, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { login } from "../../src/auth/login.ts";
import { ROLES, type Role } from "../../src/auth/roles.ts";
import type { Context } from "../../src/context.ts";
import type { Database } from "../../src/db/schema.ts";
import { DEMO_PASSWORD, fillDemo } from "../../src/demo/demo.ts";
import { buildApp } from "../../src/http/app.ts";
import { COUNTIES } from "../../src/organizations/counties.ts";
import { REPORTS } from "../../src/reports/report-kinds.ts";
import { SETTINGS } from "../../src/settings/settings.ts";
import { contextFor, DIALECTS, freshDatabase, type TestDatabase } from "../helpers/db.ts";
import {
  type Answer,
  collectRoutes,
  describeRequest,
  edgeRequest,
  type FuzzRequest,
  type FuzzRoute,
  type Hints,
  type OpenApiDocument,
  requestArb,
  routesOfTree,
  type Session,
  seedFor,
  send,
} from "../helpers/fuzz.ts";

/**
 * No 5xx from any input. Every route of the real app (read from its OpenAPI document, which is
 * built from the routes' Zod schemas) is driven by every role — a user of each role of a demo
 * world, county finance besides city finance, and an anonymous caller — with parameters, queries
 * and bodies generated from the route's schemas by fast-check: values the schema accepts (with
 * ids of real records, of the caller's own organization and of others) and hostile ones (wrong
 * types, missing and unknown keys, `{}`, huge strings, control/bidi/zero-width characters, nulls,
 * extreme numbers, impossible dates, path parameters that are not ids, broken JSON, odd content
 * types, multipart uploads). Then two of the roles that got through the route's access check send
 * its edge values: every field at the largest, then the smallest value its schema accepts.
 * Every answer must be below 500, no request may be dropped, and the server may raise no unhandled
 * error. Empty PATCH bodies answer 400.
 *
 * Bounded: QI_FUZZ_RUNS requests per route and role (default 4). The seed is fixed and printed
 * (QI_FUZZ_SEED): the same seed generates the same requests, up to which record of a kind an id
 * names (the demo world's ids are new each run), so
 * `QI_FUZZ_SEED=<seed> npx vitest run test/integration/fuzz.test.ts -t '<route>'` sends a failing
 * route's requests again. A failure prints each request in full and the server's stack.
 */

const SEED = envInt("QI_FUZZ_SEED", 20_251_201);
const RUNS = envInt("QI_FUZZ_RUNS", 4);
/** How many of the roles that got through a route's access check try its edge values. */
const EDGE_PRINCIPALS = 2;

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n))
    throw new Error(`${name} must be an integer, got ${JSON.stringify(raw)}`);
  return n;
}

/** Who calls: one user of every role of the demo world, and nobody. */
const PRINCIPALS: readonly { key: string; username: string | null; role: Role | null }[] = [
  { key: "anonymous", username: null, role: null },
  { key: "enterprise", username: "ent-wenling", role: "enterprise" },
  { key: "county_official", username: "county-wenling", role: "county_official" },
  { key: "city_official", username: "city", role: "city_official" },
  { key: "finance", username: "finance", role: "finance" },
  { key: "finance(county)", username: "finance-wenling", role: "finance" },
  { key: "system_admin", username: "sysadmin", role: "system_admin" },
  { key: "security_admin", username: "secadmin", role: "security_admin" },
  { key: "auditor", username: "auditor", role: "auditor" },
  { key: "expert", username: "expert-li", role: "expert" },
  { key: "leader", username: "leader", role: "leader" },
];

/**
 * Routes that end or change the callers' own sessions, accounts or the security settings go last,
 * in this order (the world is healed after each route anyway; logout is never healed).
 */
const LAST = [
  "PATCH /api/v1/users/{id}",
  "PUT /api/v1/users/{id}/role",
  "PATCH /api/v1/settings",
  "POST /api/v1/auth/password",
  "POST /api/v1/auth/login",
  "POST /api/v1/auth/logout",
];

/** The routes, read once from an app over a throwaway database (the test names need them). */
const ROUTES: readonly FuzzRoute[] = await (async () => {
  const db = await freshDatabase("sqlite");
  try {
    const app = await buildApp({ context: contextFor(db), strictResponses: true });
    await app.ready();
    const routes = collectRoutes(app.swagger() as OpenApiDocument);
    await app.close();
    const rank = (r: FuzzRoute) => {
      const i = LAST.indexOf(r.name);
      return i < 0 ? -1 : i;
    };
    return routes
      .map((r, i) => ({ r, i }))
      .sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i)
      .map(({ r }) => r);
  } finally {
    await db.cleanup();
  }
})();

/**
 * Where the ids for a path parameter or a body field come from. Every table with an `id` column
 * is read (found at run time, so new kinds of record are included); a parameter takes the table
 * its name or the path segment before it names — these maps hold the names that do not say it
 * plainly (`/project-calls/{id}` reads `project_calls` without help).
 */
const TABLE_BY_PARAM: Record<string, string> = {
  exclusionId: "organization_exclusions",
  evidenceId: "evidence",
  documentId: "documents",
};
const TABLE_BY_SEGMENT: Record<string, string> = {
  publicity: "publicity_batches",
  "project-publicity": "publicity_batches",
  records: "target_records",
  values: "target_values",
  runs: "assessment_runs",
  "bank-account-changes": "bank_accounts",
};
const TABLE_BY_FIELD: Record<string, string> = {
  batchId: "publicity_batches",
  proposalId: "project_proposals",
  proposalIds: "project_proposals",
  callId: "project_calls",
  recordId: "target_records",
  valueId: "target_values",
};
/** Ids that are no records a caller names (session ids are token hashes). */
const NOT_RECORDS = new Set(["sessions", "idempotency_keys", "kysely_migration"]);

/** `project-calls` → `project_calls`; `applicationIds` → `applications`. */
function tableNamed(name: string, tables: ReadonlySet<string>): string | undefined {
  const snake = name
    .replace(/Ids?$/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/-/g, "_")
    .toLowerCase();
  return [snake, `${snake}s`, `${snake}es`].find((t) => tables.has(t));
}

interface Principal {
  readonly key: string;
  readonly username: string | null;
  readonly role: Role | null;
  userId: string | null;
  session: (Session & { token: string }) | null;
  /** The account as seeded, restored when a fuzzed request changed it. */
  snapshot: Record<string, unknown> | null;
}

interface Finding {
  readonly route: string;
  readonly principal: string;
  readonly status: number;
  readonly request: string;
  readonly answer: string;
  readonly serverError: string | null;
}

interface Env {
  db: TestDatabase;
  ctx: Context;
  app: FastifyInstance;
  url: string;
  routes: readonly FuzzRoute[];
  principals: Principal[];
  settings: Selectable<Database["settings"]>[];
  /** Errors the server met, by the request's x-fuzz-id. */
  errors: Map<string, Error>;
  /** Errors that escaped every handler (unhandled rejections, uncaught exceptions). */
  escaped: string[];
  fixedStrings: string[];
  /** Tables with an `id` column: the records a request may name. */
  tables: string[];
}

const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

const USER_FIELDS = [
  "role",
  "organization_id",
  "county",
  "disabled",
  "password_hash",
  "password_changed_at",
  "locked_until",
  "failed_logins",
] as const;

describe.each(DIALECTS)("fuzz: every route × every role (%s)", (dialect) => {
  let env: Env;
  let requests = 0;
  let fixedCases = 0;
  let edgeCases = 0;
  /** How often a fuzzed request changed the callers themselves, and was undone. */
  const healed = { settings: 0, accounts: 0, sessions: 0 };
  const findings: Finding[] = [];
  let started = 0;
  const onRejection = (reason: unknown) => {
    env?.escaped.push(`unhandledRejection: ${stack(reason)}`);
  };
  const onException = (error: unknown) => {
    env?.escaped.push(`uncaughtException: ${stack(error)}`);
  };

  beforeAll(async () => {
    started = Date.now();
    const db = await freshDatabase(dialect);
    const ctx = contextFor(db);
    await fillDemo(ctx);
    const app = await buildApp({
      context: ctx,
      strictResponses: true,
    });
    const errors = new Map<string, Error>();
    // Added before the app is ready, so it applies to every route (hooks are bound at ready).
    app.addHook("onError", async (request, _reply, error) => {
      const id = request.headers["x-fuzz-id"];
      if (typeof id === "string") errors.set(id, error);
    });
    const url = await app.listen({ port: 0, host: "127.0.0.1" });
    process.on("unhandledRejection", onRejection);
    process.on("uncaughtException", onException);

    const principals: Principal[] = [];
    for (const p of PRINCIPALS) {
      if (p.username === null) {
        principals.push({ ...p, userId: null, session: null, snapshot: null });
        continue;
      }
      const row = await db.handle.db
        .selectFrom("users")
        .selectAll()
        .where("username", "=", p.username)
        .executeTakeFirstOrThrow();
      expect(row.role).toBe(p.role);
      principals.push({
        ...p,
        userId: row.id,
        session: await httpLogin(url, p.username),
        snapshot: pick(row, USER_FIELDS),
      });
    }
    const settings = await db.handle.db.selectFrom("settings").selectAll().orderBy("key").execute();
    const orgs = await db.handle.db.selectFrom("organizations").select(["uscc", "name"]).execute();
    const fixedStrings = [
      ...COUNTIES,
      "city",
      "全市",
      ...ctx.registry.packs.map((p) => p.id),
      ...ctx.registry.packs.flatMap((p) => [...p.items.keys()]),
      ...ctx.registry.packs.flatMap((p) => p.targets.map((t) => t.id)),
      ...Object.keys(REPORTS),
      ...ROLES,
      ...Object.keys(SETTINGS),
      ...PRINCIPALS.flatMap((p) => (p.username ? [p.username] : [])),
      DEMO_PASSWORD,
      ...orgs.flatMap((o) => [o.uscc, o.name]),
    ];
    const tables = (await db.handle.db.introspection.getTables())
      .filter((t) => !NOT_RECORDS.has(t.name) && t.columns.some((c) => c.name === "id"))
      .map((t) => t.name)
      .sort();
    env = {
      tables,
      db,
      ctx,
      app,
      url,
      routes: collectRoutes(app.swagger() as OpenApiDocument),
      principals,
      settings,
      errors,
      escaped: [],
      fixedStrings,
    };
  });

  afterAll(async () => {
    process.off("unhandledRejection", onRejection);
    process.off("uncaughtException", onException);
    await env?.app.close();
    await env?.db.cleanup();
  });

  /** Ids of every kind of record, read afresh (the fuzzing creates records as it goes). */
  let cachedHints: Hints | null = null;
  const hints = async (): Promise<Hints> => {
    cachedHints ??= await readHints();
    return cachedHints;
  };
  const readHints = async (): Promise<Hints> => {
    const pools = new Map<string, string[]>();
    for (const table of env.tables) {
      const rows = await sql<{ id: unknown }>`select id from ${sql.table(table)} order by id`
        .execute(env.db.handle.db)
        .catch(() => ({ rows: [] }));
      pools.set(
        table,
        rows.rows.map((r) => String(r.id)),
      );
    }
    const tableNames = new Set(pools.keys());
    const pool = (table: string | undefined) => (table ? (pools.get(table) ?? []) : []);
    const allIds = [...pools.values()].flat();
    const thisYear = String(new Date().getUTCFullYear());
    const domain: Record<string, string[]> = {
      year: ["2024", "2025", thisYear, String(Number(thisYear) + 1)],
      source: ["city", ...COUNTIES],
      kind: Object.keys(REPORTS),
      targetId: env.ctx.registry.packs.flatMap((p) => p.targets.map((t) => t.id)),
    };
    return {
      strings: env.fixedStrings,
      allIds: allIds.length > 0 ? allIds : ["00000000-0000-4000-8000-000000000000"],
      idsForParam: (route, name) => {
        const table = TABLE_BY_PARAM[name] ?? tableBefore(route.url, name, tableNames);
        if (table) return pool(table);
        if (route.url.startsWith("/api/v1/policies/"))
          return env.ctx.registry.packs.map((p) => p.id);
        return domain[name] ?? [];
      },
      idsForField: (name) =>
        name === undefined ? [] : pool(TABLE_BY_FIELD[name] ?? tableNamed(name, tableNames)),
    };
  };

  /**
   * Puts back what a fuzzed request may have changed of the callers themselves: the settings, the
   * principals' accounts, and their sessions (a new one, through the domain's login, when a
   * request ended it: the login route allows 20 a minute).
   */
  const heal = async () => {
    const db = env.db.handle.db;
    const settings = await db.selectFrom("settings").selectAll().orderBy("key").execute();
    if (JSON.stringify(settings) !== JSON.stringify(env.settings)) {
      healed.settings++;
      await db.deleteFrom("settings").execute();
      if (env.settings.length > 0) await db.insertInto("settings").values(env.settings).execute();
    }
    for (const p of env.principals) {
      if (!p.userId || !p.snapshot || !p.username || !p.session) continue;
      const row = await db
        .selectFrom("users")
        .selectAll()
        .where("id", "=", p.userId)
        .executeTakeFirstOrThrow();
      if (JSON.stringify(pick(row, USER_FIELDS)) !== JSON.stringify(p.snapshot)) {
        healed.accounts++;
        await db.updateTable("users").set(p.snapshot).where("id", "=", p.userId).execute();
      }
      const session = await db
        .selectFrom("sessions")
        .select("revoked_at")
        .where("id", "=", tokenHash(p.session.token))
        .executeTakeFirst();
      if (!session || session.revoked_at !== null) {
        healed.sessions++;
        const input = {
          username: p.username,
          password: DEMO_PASSWORD,
          ip: "127.0.0.1",
          userAgent: "fuzz heal",
        };
        // Fuzzed logins with wrong passwords may hold the name back for a while: lift that first.
        const s = await login(env.ctx, input).catch(async () => {
          await sql`delete from login_throttle`.execute(db).catch(() => undefined);
          return login(env.ctx, input);
        });
        p.session = { token: s.token, cookie: `qi_session=${s.token}`, csrfToken: s.csrfToken };
      }
    }
  };

  const finding = (
    route: string,
    principal: string,
    request: string,
    answer: Answer,
    fuzzId: string,
  ): Finding => {
    const error = env.errors.get(fuzzId);
    return {
      route,
      principal,
      status: answer.status,
      request,
      answer: answer.transportError ?? answer.body.slice(0, 300),
      serverError: error ? stack(error) : null,
    };
  };

  it("collects the routes of the real app, and a user of every role", () => {
    expect(env.routes.map((r) => r.name)).toEqual(
      expect.arrayContaining(ROUTES.map((r) => r.name)),
    );
    expect(env.routes.length).toBe(ROUTES.length);
    // Every API route of the app, not only those its OpenAPI document shows.
    expect(routesOfTree(env.app.printRoutes({ commonPrefix: false }))).toEqual(
      env.routes.map((r) => r.name).sort(),
    );
    expect(new Set(env.principals.flatMap((p) => (p.role ? [p.role] : [])))).toEqual(
      new Set(ROLES),
    );
  });

  it("an empty PATCH body, or one of unknown keys only, answers 400 — never 2xx or 5xx", async () => {
    const db = env.db.handle.db;
    const byKey = (key: string) => env.principals.find((p) => p.key === key) as Principal;
    const ent = byKey("enterprise");
    const entUser = await db
      .selectFrom("users")
      .select("organization_id")
      .where("id", "=", ent.userId as string)
      .executeTakeFirstOrThrow();
    const draft = await db
      .selectFrom("applications")
      .select("id")
      .where("organization_id", "=", entUser.organization_id as string)
      .where("state", "=", "draft")
      .executeTakeFirstOrThrow();
    const other = await db
      .selectFrom("users")
      .select("id")
      .where("username", "=", "expert-wang")
      .executeTakeFirstOrThrow();
    /** The record each PATCH route is tried on, and who may patch it (so must get exactly 400). */
    const OWNERS: Record<string, { ids: Record<string, string>; owners: string[] }> = {
      "PATCH /api/v1/organizations/{id}": {
        ids: { id: entUser.organization_id as string },
        owners: ["enterprise", "county_official", "city_official"],
      },
      "PATCH /api/v1/applications/{id}": { ids: { id: draft.id }, owners: ["enterprise"] },
      "PATCH /api/v1/users/{id}": { ids: { id: other.id }, owners: ["system_admin"] },
      "PATCH /api/v1/settings": { ids: {}, owners: ["system_admin", "security_admin"] },
    };
    const patches = env.routes.filter((r) => r.method === "PATCH");
    expect(patches.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const route of patches) {
      const spec = OWNERS[route.name] ?? { ids: {}, owners: [] };
      const path = route.url.replace(/\{([^}]+)\}/g, (_m, name: string) => {
        return spec.ids[name] ?? "00000000-0000-4000-8000-000000000000";
      });
      for (const p of env.principals)
        for (const value of [{}, { zzUnknownKey: 1 }]) {
          fixedCases++;
          const fuzzId = `empty-${fixedCases}`;
          const req = { path, query: [], body: { kind: "json", value }, csrf: true } as const;
          const answer = await send(
            env.url,
            "PATCH",
            p.session,
            { ...req, idempotencyKey: `fuzz-empty-${fixedCases}` },
            fuzzId,
          );
          const owner = spec.owners.includes(p.key);
          const ok = owner
            ? answer.status === 400
            : answer.status >= 400 && answer.status < 500 && answer.status !== 0;
          if (answer.status >= 500 || answer.status === 0)
            findings.push(
              finding(
                route.name,
                p.key,
                `PATCH ${path} — JSON ${JSON.stringify(value)}`,
                answer,
                fuzzId,
              ),
            );
          if (!ok)
            problems.push(
              `${route.name} as ${p.key} with ${JSON.stringify(value)}: ${answer.status} ${answer.transportError ?? answer.body.slice(0, 200)}${owner ? " (expected 400)" : " (expected 4xx)"}`,
            );
          env.errors.delete(fuzzId);
        }
    }
    await heal();
    expect(problems, problems.join("\n")).toEqual([]);
  });

  for (const route of ROUTES)
    it(route.name, async () => {
      const live = env.routes.find((r) => r.name === route.name) as FuzzRoute;
      expect(live, "the route exists in this app").toBeDefined();
      const h = await hints();
      const arb = requestArb(live, h);
      const found: Finding[] = [];
      /** Who got past the access check, and on which path: they try the edges afterwards. */
      const through: { p: Principal; path: string; score: number }[] = [];
      const attempt = async (p: Principal, req: FuzzRequest, fuzzId: string) => {
        const answer = await send(env.url, route.method, p.session, req, fuzzId);
        if (answer.status >= 500 || answer.status === 0)
          found.push(
            finding(route.name, p.key, describeRequest(route.method, req), answer, fuzzId),
          );
        env.errors.delete(fuzzId);
        return answer.status;
      };
      for (const p of env.principals) {
        const samples = fc.sample(arb, { seed: seedFor(SEED, route.name, p.key), numRuns: RUNS });
        // 3: answered 2xx; 2: a conflict (the handler ran); 1: never refused as this role, on a
        // route without path parameters (or with an answer that was no refusal of any kind).
        let best: { path: string; score: number } | null = null;
        let denied = false;
        for (const [n, req] of samples.entries()) {
          requests++;
          const status = await attempt(p, req, `${route.name}#${p.key}#${n}`);
          if (status === 401 || status === 403) denied = true;
          const score =
            status >= 200 && status < 300
              ? 3
              : status === 409
                ? 2
                : live.params.length === 0 || ![0, 400, 404, 429].includes(status)
                  ? 1
                  : 0;
          if (score > 0 && (best === null || score > best.score)) best = { path: req.path, score };
        }
        if (best && (best.score > 1 || !denied)) through.push({ p, ...best });
      }
      // The anonymous caller last among equals: it is seldom through, only not yet refused.
      const anonymousLast = (x: { p: Principal }) => (x.p.session === null ? 1 : 0);
      through.sort((a, b) => b.score - a.score || anonymousLast(a) - anonymousLast(b));
      for (const { p, path } of through.slice(0, EDGE_PRINCIPALS))
        for (const edge of ["max", "min"] as const) {
          edgeCases++;
          const req = {
            ...edgeRequest(live, h, edge, path),
            idempotencyKey: route.method === "GET" ? null : `fuzz-edge-${edgeCases}`,
          };
          await attempt(p, req, `${route.name}#${p.key}#${edge}`);
        }
      // Reading changes nothing of the callers or the records: heal and read the ids afresh only
      // after a route that writes.
      if (route.method !== "GET" && route.name !== "POST /api/v1/auth/logout") {
        await heal();
        cachedHints = null;
      }
      const escaped = env.escaped.splice(0);
      findings.push(...found);
      expect(
        found.map((f) => `${f.status} as ${f.principal}: ${f.request}`),
        [
          `${found.length} answers ≥ 500 or dropped (seed ${SEED}):`,
          ...found.map(
            (f) =>
              `— ${f.status} as ${f.principal}: ${f.request}\n  answer: ${f.answer}\n  server: ${f.serverError ?? "(no error raised)"}`,
          ),
        ].join("\n"),
      ).toEqual([]);
      expect(escaped, escaped.join("\n")).toEqual([]);
    }, 300_000);

  it("drove every route as every role (the figure to quote)", () => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const routes = new Set(findings.map((f) => f.route)).size;
    console.info(
      `[${dialect}] fuzz: ${ROUTES.length} routes × ${PRINCIPALS.length} roles × ${RUNS} runs = ${requests} requests (+ ${edgeCases} edge and ${fixedCases} empty-PATCH cases); 5xx found: ${findings.length} in ${routes} routes; seed ${SEED} (QI_FUZZ_SEED), runs ${RUNS} (QI_FUZZ_RUNS); ${seconds} s; undone: settings ${healed.settings}×, accounts ${healed.accounts}×, sessions ${healed.sessions}×`,
    );
    for (const f of findings)
      console.info(
        `[${dialect}] 5xx ${f.status} ${f.route} as ${f.principal}: ${f.request}\n    ${f.serverError?.split("\n").slice(0, 4).join("\n    ") ?? f.answer}`,
      );
    expect(requests).toBe(ROUTES.length * PRINCIPALS.length * RUNS);
    expect(env.escaped).toEqual([]);
  });
});

function tableBefore(url: string, name: string, tables: ReadonlySet<string>): string | undefined {
  const segments = url.split("/");
  const i = segments.indexOf(`{${name}}`);
  const before = i > 0 ? segments[i - 1] : undefined;
  if (!before) return undefined;
  return TABLE_BY_SEGMENT[before] ?? tableNamed(before, tables);
}

function pick<T extends object, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = row[k];
  return out;
}

function stack(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return `${error.stack ?? String(error)}${cause ? `\ncaused by: ${stack(cause)}` : ""}`;
  }
  return String(error);
}

async function httpLogin(url: string, username: string): Promise<Session & { token: string }> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const json = (await res.json()) as { csrfToken?: string };
  const cookie = res.headers.get("set-cookie")?.split(";")[0] ?? "";
  if (res.status !== 200 || !json.csrfToken || !cookie.startsWith("qi_session="))
    throw new Error(`login ${username}: ${res.status} ${JSON.stringify(json)}`);
  return { cookie, csrfToken: json.csrfToken, token: cookie.slice("qi_session=".length) };
}
