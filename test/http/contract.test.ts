import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEB_API_TYPES, webApiTypes } from "../../scripts/gen-api.ts";
import { DEMO_PASSWORD, fillDemo } from "../../src/demo/demo.ts";
import { buildApp } from "../../src/http/app.ts";
import { openApiDocument } from "../../src/http/openapi.ts";
import { ApiClient } from "../helpers/api.ts";
import { contextFor, freshDatabase, type TestDatabase } from "../helpers/db.ts";

/**
 * The API's contract: every route documents its answers (success and each error status), the
 * document's references all resolve, the web app's generated types are current, and on the demo
 * database every answer actually served fits its route's schema (the server checks each answer
 * strictly under test; one that does not fit is a 500).
 */

type Operation = { responses?: Record<string, { content?: unknown }>; operationId?: string };
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
};

let doc: Doc;
beforeAll(async () => {
  doc = (await openApiDocument()) as unknown as Doc;
});

const METHODS = ["get", "post", "put", "patch", "delete"];

function operations(): { method: string; path: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({ method, path, op })),
  );
}

describe("the OpenAPI document", () => {
  it("describes a success answer and the error answers of every API route", () => {
    const api = operations().filter((o) => o.path.startsWith("/api/"));
    expect(api.length).toBeGreaterThan(90);
    const missing = api
      .filter(({ op }) => {
        const statuses = Object.keys(op.responses ?? {});
        return !statuses.some((s) => /^2\d\d$/.test(s)) || !statuses.includes("500");
      })
      .map((o) => `${o.method.toUpperCase()} ${o.path}`);
    expect(missing).toEqual([]);
  });

  it("defines every schema it references", () => {
    const text = JSON.stringify(doc);
    const refs = new Set(text.match(/#\/components\/schemas\/[^"]+/g) ?? []);
    const defined = new Set(Object.keys(doc.components?.schemas ?? {}));
    const undefinedRefs = [...refs]
      .map((r) => decodeURIComponent(r.slice("#/components/schemas/".length)))
      .filter((name) => !defined.has(name));
    expect(undefinedRefs).toEqual([]);
  });

  it("has no generic action route: each step is its own operation", () => {
    const generic = operations().filter((o) => /\{action\}/.test(o.path));
    expect(generic).toEqual([]);
    const ids = operations()
      .map((o) => o.op.operationId)
      .filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("matches the web app's generated types (npm run gen:api)", async () => {
    const current = readFileSync(WEB_API_TYPES, "utf8");
    expect(
      current === (await webApiTypes()),
      "web/src/api/schema.d.ts is stale: npm run gen:api",
    ).toBe(true);
  });
});

/**
 * Every GET route, asked by each kind of user of the demo database, with the ids it needs taken
 * from the answers of the lists before it.
 */
describe("answers served on the demo database", () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let url: string;
  const served = new Map<string, Set<number>>();

  beforeAll(async () => {
    db = await freshDatabase("sqlite");
    const context = contextFor(db);
    await fillDemo(context);
    app = await buildApp({ context, strictResponses: true });
    url = await app.listen({ port: 0, host: "127.0.0.1" });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await db?.cleanup();
  });

  const USERS = [
    null,
    "sysadmin",
    "secadmin",
    "auditor",
    "city",
    "finance",
    "leader",
    "county-huangyan",
    "finance-huangyan",
    "ent-huangyan",
    "ent-wenling",
    "expert-zhang",
  ];

  it("fit their schemas for every user, and each status given is one the route declares", async () => {
    const getRoutes = operations()
      .filter((o) => o.method === "get" && o.path.startsWith("/api/"))
      .map((o) => o.path);
    const declared = new Map(
      operations()
        .filter((o) => o.method === "get")
        .map((o) => [o.path, new Set(Object.keys(o.op.responses ?? {}).map(Number))]),
    );
    const failures = new Set<string>();
    for (const username of USERS) {
      const client = new ApiClient(url);
      if (username) expect((await client.login(username, DEMO_PASSWORD)).status).toBe(200);
      const answers = new Map<string, unknown>();
      const ask = async (template: string, path: string) => {
        const res = await client.get(path);
        const seen = served.get(template) ?? new Set<number>();
        seen.add(res.status);
        served.set(template, seen);
        if (res.status >= 500)
          failures.add(`${username ?? "anonymous"} GET ${path}: ${res.status}`);
        if (!declared.get(template)?.has(res.status))
          failures.add(`${template} answered ${res.status}, which it does not declare`);
        if (res.status === 200) answers.set(path, res.json);
        return res;
      };
      // Lists first (no parameters), then the routes whose ids come from them.
      for (const template of getRoutes.filter((p) => !p.includes("{")))
        await ask(template, `${template}${QUERIES[template] ?? ""}`);
      const withParams = getRoutes
        .filter((p) => p.includes("{"))
        .sort((a, b) => a.split("{").length - b.split("{").length);
      for (const template of withParams) {
        for (const path of concretePaths(template, answers).slice(0, 12)) await ask(template, path);
      }
    }
    expect([...failures]).toEqual([]);
    const neverAnswered = getRoutes.filter((p) => !served.get(p)?.has(200));
    expect(neverAnswered).toEqual([]);
  }, 300_000);
});

/** The demo's year, and the queries a list must have. */
const YEAR = new Date().getFullYear();
const QUERIES: Record<string, string> = {
  "/api/v1/calendar": `?year=${YEAR}`,
  // A token nobody holds: the page says the link is not valid (200), and changes nothing.
  "/api/v1/public/unsubscribe": "?token=not-a-token-anyone-holds",
};

/** Ids of the records a list answered, found under `items` or at its top level. */
function idsIn(answer: unknown, field = "id"): string[] {
  const rows = Array.isArray(answer)
    ? answer
    : answer && typeof answer === "object"
      ? (Object.values(answer).find(Array.isArray) ?? [])
      : [];
  return (rows as Record<string, unknown>[])
    .map((r) => r?.[field])
    .filter((v): v is string | number => typeof v === "string" || typeof v === "number")
    .map(String);
}

/** Every object in an answer that has an id and sits in an array named like `key`. */
function nestedIds(answer: unknown, key: RegExp): string[] {
  const out: string[] = [];
  const walk = (value: unknown, name: string) => {
    if (Array.isArray(value)) {
      for (const v of value) {
        if (key.test(name) && v && typeof v === "object" && "id" in v) out.push(String(v.id));
        walk(v, name);
      }
    } else if (value && typeof value === "object")
      for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(answer, "");
  return out;
}

/** The concrete paths to ask for a route with parameters, from the answers so far. */
function concretePaths(template: string, answers: Map<string, unknown>): string[] {
  const answer = (path: string) => answers.get(path);
  const fill = (ids: string[], make: (id: string) => string) => [...new Set(ids)].map(make);
  switch (template) {
    case "/api/v1/applications/{id}":
      return fill(idsIn(answer("/api/v1/applications")), (id) => `/api/v1/applications/${id}`);
    case "/api/v1/applications/{id}/evidence/{evidenceId}":
      return [...answers.entries()]
        .filter(([p]) => /^\/api\/v1\/applications\/[0-9a-f-]{36}$/.test(p))
        .flatMap(([p, a]) => nestedIds(a, /^evidence$/).map((e) => `${p}/evidence/${e}`));
    case "/api/v1/organizations/{id}":
      return fill(idsIn(answer("/api/v1/organizations")), (id) => `/api/v1/organizations/${id}`);
    case "/api/v1/policies/{id}/items":
      return fill(idsIn(answer("/api/v1/policies")), (id) => `/api/v1/policies/${id}/items`);
    case "/api/v1/public/publicity/{id}":
      return fill(
        idsIn(answer("/api/v1/public/publicity")),
        (id) => `/api/v1/public/publicity/${id}`,
      );
    case "/api/v1/publicity/{id}/objections":
      return fill(
        idsIn(answer("/api/v1/public/publicity")),
        (id) => `/api/v1/publicity/${id}/objections`,
      );
    case "/api/v1/payment-batches/{id}":
      return fill(
        idsIn(answer("/api/v1/payment-batches")),
        (id) => `/api/v1/payment-batches/${id}`,
      );
    case "/api/v1/payment-batches/{id}/export":
      return fill(
        idsIn(answer("/api/v1/payment-batches")),
        (id) => `/api/v1/payment-batches/${id}/export`,
      );
    case "/api/v1/project-calls/{id}":
      return fill(idsIn(answer("/api/v1/project-calls")), (id) => `/api/v1/project-calls/${id}`);
    case "/api/v1/project-calls/{id}/ranking/verify":
      return fill(
        idsIn(answer("/api/v1/project-calls")),
        (id) => `/api/v1/project-calls/${id}/ranking/verify`,
      );
    case "/api/v1/project-proposals/{id}":
      return [...answers.entries()]
        .filter(([p]) => /^\/api\/v1\/(project-calls\/[0-9a-f-]{36}|expert\/queue)$/.test(p))
        .flatMap(([, a]) => nestedIds(a, /^(proposals|items)$/))
        .map((id) => `/api/v1/project-proposals/${id}`);
    case "/api/v1/project-proposals/{id}/documents/{documentId}":
      return [...answers.entries()]
        .filter(([p]) => /^\/api\/v1\/project-proposals\/[0-9a-f-]{36}$/.test(p))
        .flatMap(([p, a]) => nestedIds(a, /^documents$/).map((d) => `${p}/documents/${d}`));
    case "/api/v1/project-publicity/{id}/objections":
      return [...answers.entries()]
        .filter(([p]) => /^\/api\/v1\/project-calls\/[0-9a-f-]{36}$/.test(p))
        .map(([, a]) => (a as { publicityBatchId?: string | null }).publicityBatchId)
        .filter((id): id is string => typeof id === "string")
        .map((id) => `/api/v1/project-publicity/${id}/objections`);
    case "/api/v1/reports/{kind}":
      return fill(
        idsIn(answer("/api/v1/reports"), "kind"),
        (kind) => `/api/v1/reports/${kind}?year=${YEAR}`,
      );
    case "/api/v1/targets/{targetId}":
      return fill(idsIn(answer("/api/v1/targets")), (id) => `/api/v1/targets/${id}`);
    case "/api/v1/targets/{targetId}/contributions":
      return fill(idsIn(answer("/api/v1/targets")), (id) => `/api/v1/targets/${id}/contributions`);
    case "/api/v1/targets/values/{id}/evidence/{documentId}":
      return [...answers.entries()]
        .filter(([p]) => /^\/api\/v1\/targets\/[^/]+$/.test(p))
        .flatMap(([, a]) =>
          ((a as { values?: { id: string; evidence?: { id: string }[] }[] }).values ?? []).flatMap(
            (v) => (v.evidence ?? []).map((d) => `/api/v1/targets/values/${v.id}/evidence/${d.id}`),
          ),
        );
    case "/api/v1/assessment/schemes/{year}":
      return fill(
        idsIn(answer("/api/v1/assessment/schemes"), "year"),
        (y) => `/api/v1/assessment/schemes/${y}`,
      );
    case "/api/v1/assessment/runs/{id}":
      return fill(
        idsIn(answer("/api/v1/assessment/runs")),
        (id) => `/api/v1/assessment/runs/${id}`,
      );
    case "/api/v1/assessment/runs/{id}/verify":
      return fill(
        idsIn(answer("/api/v1/assessment/runs")),
        (id) => `/api/v1/assessment/runs/${id}/verify`,
      );
    case "/api/v1/policies/records/{id}":
      return fill(
        idsIn(answer("/api/v1/policies/records")),
        (id) => `/api/v1/policies/records/${id}`,
      );
    case "/api/v1/rosters/kinds/{kind}/template":
      return fill(
        idsIn(answer("/api/v1/rosters/kinds")),
        (kind) => `/api/v1/rosters/kinds/${kind}/template`,
      );
    default:
      throw new Error(`the contract test does not know where to find the ids of ${template}`);
  }
}
