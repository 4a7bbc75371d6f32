import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../src/db/database.ts";
import type { County } from "../../src/organizations/counties.ts";
import { createOrganization } from "../../src/organizations/organizations.ts";
import { createUser } from "../../src/users/create-user.ts";
import { ApiClient } from "../helpers/api.ts";
import { DIALECTS } from "../helpers/db.ts";
import { startTestServer, type TestServer } from "../helpers/http.ts";
import { patchRead } from "../helpers/versioned.ts";
import { buildWorld, demoPdf, PASSWORD, uscc, type World } from "../helpers/world.ts";
import {
  auditHead,
  auditSince,
  type Clients,
  caseIn,
  createDraft,
  expectErrorShape,
  loginAll,
  loginAs,
  type Movers,
  ok,
  type Res,
  snapshot,
  USER_KEYS,
  type UserKey,
  unique,
} from "./support-access.ts";

/**
 * The access matrix: every endpoint × every role of the world × own/other scope, with the outcome
 * written out by hand from the rules (src/auth/access.ts and the issue):
 *
 * - enterprise user: bound to one organization (org A for entA, org B for entB);
 * - county official: one county (countyX 临海市 = org A's, countyY 椒江区 = org B's);
 * - city official: the whole city;
 * - finance: read-only, the city's (financeCity) or one county's (financeX, 临海市);
 * - system admin: users and general settings; no review, payment or audit log;
 * - security admin: roles (and administrator accounts), relations, security settings;
 * - auditor: reads the audit log, changes nothing.
 *
 * Scope "A" targets org A / county X (临海市), "B" org B / county Y (椒江区); "-" is unscoped.
 * The routes on one organization or case do not reveal a record to whom it is refused: they answer
 * 404 when the caller may not read the record, and 403 when the caller may read it but not take
 * this step. Routes on no particular record answer 403.
 * Every denial must leave the database as it was and write one audit entry with outcome "denied".
 *
 * Read scopes (the "an enterprise's unsubmitted draft is its own"): a case never submitted
 * — a draft, or a draft withdrawn before submission — is read, listed and counted by its own
 * enterprise only; to every official and finance it does not exist (404, audited). A case
 * submitted once stays readable to the officials and finance of its scope in every later state,
 * returned for correction (退回补正) and withdrawn included: it is an application they handled.
 * Public-project proposals have their own table below (PROJECT_EXPECTED).
 */

type Scope = "A" | "B";
type Target = Record<string, string>;

interface Env {
  server: TestServer;
  db: DB;
  world: World;
  c: Clients;
  movers: Record<Scope, Movers>;
  fx: Fixtures;
  /** The clients of every user of the project table (the matrix's and three more). */
  pc: Record<ProjectUser, ApiClient>;
  px: ProjectFixtures;
}

interface Fixtures {
  org: Record<Scope, { id: string; county: County; name: string; contact: string; phone: string }>;
  draft: Record<Scope, string>;
  evidence: Record<Scope, string>;
  /** A draft withdrawn before it was ever submitted: still the enterprise's own. */
  withdrawnDraft: Record<Scope, string>;
  /** A case submitted, then returned for correction: not a draft, the officials keep it. */
  returned: Record<Scope, string>;
  submitted: Record<Scope, string>;
  submittedEvidence: Record<Scope, string>;
  countyReview: Record<Scope, string>;
  cityReview: Record<Scope, string>;
  exclusion: Record<Scope, string>;
  /** A business account the admins manage (PATCH /users/:id, PUT /users/:id/role). */
  dummyUser: string;
  /** An official the security admin records relations for. */
  dummyOfficial: string;
}

const ACCOUNTS: Record<Scope, string> = { A: "6230000000000001", B: "6230000000000002" };
const MASKED: Record<Scope, string> = { A: "****0001", B: "****0002" };
const COUNTY: Record<Scope, County> = { A: "临海市", B: "椒江区" };

let usccSerial = 1000;
const nextUscc = () => uscc(usccSerial++);

interface Endpoint {
  readonly route: string;
  /** How an allowed call changes the target: it then gets a fresh one of its own. */
  readonly fresh?: boolean;
  /** Whether an allowed call writes (then a success audit entry by the caller is expected). */
  readonly writes: boolean;
  target(env: Env, scope: Scope, fresh: boolean): Promise<Target>;
  call(client: ApiClient, t: Target, self: string): Promise<Res>;
  verify?(res: Res, env: Env, user: UserKey, scope: Scope | "-", t: Target): void;
}

const noTarget = async (): Promise<Target> => ({});

/**
 * The version an edit names, read from the row: a GET by a caller out of scope would itself be a
 * denial, and each denied call must leave exactly one denied audit entry.
 */
const orgVersion = async (env: Env, id: string) =>
  String(
    (
      await env.db
        .selectFrom("organizations")
        .select("version")
        .where("id", "=", id)
        .executeTakeFirstOrThrow()
    ).version,
  );
const appVersion = async (env: Env, id: string) =>
  String(
    (
      await env.db
        .selectFrom("applications")
        .select("version")
        .where("id", "=", id)
        .executeTakeFirstOrThrow()
    ).version,
  );

/** A case of org `scope` in a state, shared by the denials or fresh for an allowed step. */
const caseTarget =
  (shared: "draft" | "submitted" | "countyReview" | "cityReview") =>
  async (env: Env, scope: Scope, fresh: boolean): Promise<Target> => {
    if (!fresh) return { id: env.fx[shared][scope] };
    const state = {
      draft: "draft",
      submitted: "submitted",
      countyReview: "county_review",
      cityReview: "city_review",
    } as const;
    return { id: await caseIn(env.movers[scope], state[shared]) };
  };

const action =
  (name: string, comment?: string) =>
  (client: ApiClient, t: Target): Promise<Res> =>
    client.post(`/api/v1/applications/${t.id}/${name}`, comment ? { comment } : {});

const stepEndpoint = (
  name: string,
  shared: "draft" | "submitted" | "countyReview" | "cityReview",
  comment?: string,
): Endpoint => ({
  route: `POST /api/v1/applications/:id/${name}`,
  fresh: true,
  writes: true,
  target: caseTarget(shared),
  call: action(name, comment),
});

const ENDPOINTS = {
  "org.list": {
    route: "GET /api/v1/organizations",
    writes: false,
    target: noTarget,
    call: (cl) => cl.get("/api/v1/organizations?pageSize=200"),
    verify: (res, env, user) => {
      const items = res.json.items as any[];
      const counties = new Set(items.map((o) => o.county));
      const ids = items.map((o) => o.id);
      if (user === "countyX" || user === "financeX") expect([...counties]).toEqual(["临海市"]);
      else if (user === "countyY") expect([...counties]).toEqual(["椒江区"]);
      else expect(ids).toEqual(expect.arrayContaining([env.fx.org.A.id, env.fx.org.B.id]));
      for (const scope of ["A", "B"] as const) {
        const org = items.find((o) => o.id === env.fx.org[scope].id);
        if (!org) continue;
        const finance = user === "financeCity" || user === "financeX";
        expect(org.bank.account).toBe(finance ? ACCOUNTS[scope] : MASKED[scope]);
        expect(org.contact?.name).toBe(env.fx.org[scope].contact);
      }
    },
  },
  "org.create": {
    route: "POST /api/v1/organizations",
    writes: true,
    target: async (_env, scope) => ({ uscc: nextUscc(), county: COUNTY[scope] }),
    call: (cl, t) =>
      cl.post("/api/v1/organizations", {
        uscc: t.uscc,
        name: `新登记组织${t.uscc}`,
        county: t.county,
        kind: "enterprise",
      }),
    verify: (res, _env, _user, _scope, t) => {
      expect(res.json).toMatchObject({ uscc: t.uscc, county: t.county });
    },
  },
  "org.get": {
    route: "GET /api/v1/organizations/:id",
    writes: false,
    target: async (env, scope) => ({ id: env.fx.org[scope].id }),
    call: (cl, t) => cl.get(`/api/v1/organizations/${t.id}`),
    verify: (res, env, user, scope) => {
      if (scope === "-") throw new Error("scoped");
      const org = env.fx.org[scope];
      expect(res.json).toMatchObject({ id: org.id, name: org.name, county: org.county });
      // Contact data: the organization itself, officials in scope, finance.
      expect(res.json.contact).toEqual({ name: org.contact, phone: org.phone });
      // The account: in full for finance only; others see its last four digits.
      const finance = user === "financeCity" || user === "financeX";
      expect(res.json.bank.account).toBe(finance ? ACCOUNTS[scope] : MASKED[scope]);
    },
  },
  "org.patch": {
    route: "PATCH /api/v1/organizations/:id",
    writes: true,
    target: async (env, scope) => ({
      id: env.fx.org[scope].id,
      phone: env.fx.org[scope].phone,
      version: await orgVersion(env, env.fx.org[scope].id),
    }),
    call: (cl, t) =>
      cl.patch(`/api/v1/organizations/${t.id}`, {
        contactPhone: t.phone,
        version: Number(t.version),
      }),
    verify: (res, _env, _user, _scope, t) => {
      expect(res.json.contact.phone).toBe(t.phone);
    },
  },
  "org.patch.registration": {
    route: "PATCH /api/v1/organizations/:id (name)",
    writes: true,
    target: async (env, scope) => ({
      id: env.fx.org[scope].id,
      name: env.fx.org[scope].name,
      version: await orgVersion(env, env.fx.org[scope].id),
    }),
    call: (cl, t) =>
      cl.patch(`/api/v1/organizations/${t.id}`, { name: t.name, version: Number(t.version) }),
  },
  "org.exclusions.add": {
    route: "POST /api/v1/organizations/:id/exclusions",
    writes: true,
    target: async (env, scope) => ({ id: env.fx.org[scope].id }),
    call: (cl, t) =>
      cl.post(`/api/v1/organizations/${t.id}/exclusions`, {
        kind: "other",
        source: "矩阵测试",
        // In the future: not in force, so it blocks nothing the other cells do.
        effectiveDate: "2099-12-31",
      }),
  },
  "org.exclusions.lift": {
    route: "POST /api/v1/organizations/:id/exclusions/:exclusionId/lift",
    fresh: true,
    writes: true,
    target: async (env, scope, fresh) => {
      const id = env.fx.org[scope].id;
      if (!fresh) return { id, exclusionId: env.fx.exclusion[scope] };
      return { id, exclusionId: await addExclusion(env, scope) };
    },
    call: (cl, t) =>
      cl.post(`/api/v1/organizations/${t.id}/exclusions/${t.exclusionId}/lift`, undefined),
    verify: (res, _env, _user, _scope, t) => {
      const ex = (res.json.exclusions as any[]).find((e) => e.id === t.exclusionId);
      expect(ex.liftedAt).not.toBeNull();
    },
  },
  "app.list": {
    route: "GET /api/v1/applications",
    writes: false,
    target: noTarget,
    call: (cl) => cl.get("/api/v1/applications?pageSize=200"),
    verify: (res, env, user) => {
      const items = res.json.items as any[];
      expect(items.length).toBeGreaterThan(0);
      const orgs = new Set(items.map((a) => a.organization.id));
      const counties = new Set(items.map((a) => a.organization.county));
      if (user === "entA") expect([...orgs]).toEqual([env.fx.org.A.id]);
      else if (user === "entB") expect([...orgs]).toEqual([env.fx.org.B.id]);
      else if (user === "countyX" || user === "financeX") expect([...counties]).toEqual(["临海市"]);
      else if (user === "countyY") expect([...counties]).toEqual(["椒江区"]);
      else expect([...counties].sort()).toEqual(["临海市", "椒江区"].sort());
      // Cases never submitted: listed and counted for their enterprise only.
      const ids = items.map((a) => a.id);
      const own = user === "entA" ? "A" : user === "entB" ? "B" : null;
      for (const scope of ["A", "B"] as const)
        for (const id of [env.fx.draft[scope], env.fx.withdrawnDraft[scope]])
          if (scope === own) expect(ids).toContain(id);
          else expect(ids).not.toContain(id);
      if (own) expect(res.json.countsByState.draft).toBeGreaterThan(0);
      else {
        expect(items.filter((a) => a.submittedAt === null)).toEqual([]);
        expect(res.json.countsByState.draft).toBeUndefined();
        const scopes =
          user === "countyY"
            ? ["B"]
            : user === "countyX" || user === "financeX"
              ? ["A"]
              : ["A", "B"];
        expect(ids).toEqual(expect.arrayContaining(scopes.map((x) => env.fx.returned[x as Scope])));
      }
    },
  },
  "app.list.drafts": {
    route: "GET /api/v1/applications?state=draft",
    writes: false,
    target: noTarget,
    call: (cl) => cl.get("/api/v1/applications?state=draft&pageSize=200"),
    verify: (res, env, user) => {
      const ids = (res.json.items as any[]).map((a) => a.id);
      // The filter finds the caller's own drafts, and for an official or finance nothing at all.
      if (user === "entA") expect(ids).toContain(env.fx.draft.A);
      else if (user === "entB") expect(ids).toContain(env.fx.draft.B);
      else expect([res.json.total, ids]).toEqual([0, []]);
    },
  },
  "app.create": {
    route: "POST /api/v1/applications",
    writes: true,
    target: async (env, scope) => ({ organizationId: env.fx.org[scope].id }),
    call: (cl, t) =>
      cl.post("/api/v1/applications", {
        organizationId: t.organizationId,
        item: "1.2.a",
        subject: unique("矩阵对象"),
        eventDate: "2024-05-01",
      }),
    verify: (res, _env, _user, _scope, t) => {
      expect(res.json).toMatchObject({ state: "draft", organization: { id: t.organizationId } });
    },
  },
  "app.get": {
    route: "GET /api/v1/applications/:id",
    writes: false,
    target: caseTarget("submitted"),
    call: (cl, t) => cl.get(`/api/v1/applications/${t.id}`),
    verify: (res, _env, _user, _scope, t) => {
      expect(res.json.application.id).toBe(t.id);
      expect(res.json.events.length).toBeGreaterThan(0);
    },
  },
  "app.get.draft": {
    route: "GET /api/v1/applications/:id (a draft)",
    writes: false,
    target: caseTarget("draft"),
    call: (cl, t) => cl.get(`/api/v1/applications/${t.id}`),
    verify: (res, _env, _user, _scope, t) => {
      expect(res.json.application).toMatchObject({ id: t.id, state: "draft", submittedAt: null });
    },
  },
  "app.get.withdrawnDraft": {
    route: "GET /api/v1/applications/:id (a draft withdrawn before submission)",
    writes: false,
    target: async (env, scope) => ({ id: env.fx.withdrawnDraft[scope] }),
    call: (cl, t) => cl.get(`/api/v1/applications/${t.id}`),
    verify: (res, _env, _user, _scope, t) => {
      expect(res.json.application).toMatchObject({
        id: t.id,
        state: "withdrawn",
        submittedAt: null,
      });
    },
  },
  "app.get.returned": {
    route: "GET /api/v1/applications/:id (returned for correction)",
    writes: false,
    target: async (env, scope) => ({ id: env.fx.returned[scope] }),
    call: (cl, t) => cl.get(`/api/v1/applications/${t.id}`),
    verify: (res, _env, _user, _scope, t) => {
      expect(res.json.application).toMatchObject({ id: t.id, state: "returned" });
      expect(res.json.application.submittedAt).not.toBeNull();
    },
  },
  "app.patch": {
    route: "PATCH /api/v1/applications/:id",
    writes: true,
    target: async (env, scope, fresh) => {
      const t = await caseTarget("draft")(env, scope, fresh);
      return { ...t, version: await appVersion(env, t.id as string) };
    },
    call: (cl, t) =>
      cl.patch(`/api/v1/applications/${t.id}`, {
        eventDate: "2024-05-01",
        version: Number(t.version),
      }),
  },
  "app.preview": {
    route: "POST /api/v1/applications/:id/preview",
    writes: false,
    target: caseTarget("submitted"),
    call: (cl, t) => cl.post(`/api/v1/applications/${t.id}/preview`),
    verify: (res) => {
      expect(res.json).toMatchObject({ item: "1.2.a", amountYuan: 100_000 });
    },
  },
  "app.preview.draft": {
    route: "POST /api/v1/applications/:id/preview (a draft)",
    writes: false,
    target: caseTarget("draft"),
    call: (cl, t) => cl.post(`/api/v1/applications/${t.id}/preview`),
    verify: (res) => {
      expect(res.json).toMatchObject({ item: "1.2.a", amountYuan: 100_000 });
    },
  },
  "app.submit": stepEndpoint("submit", "draft"),
  // No one may accept a draft; the question is what an official is told: that it does not exist.
  "app.accept.draft": stepEndpoint("accept", "draft"),
  "app.withdraw": stepEndpoint("withdraw", "submitted"),
  "app.accept": stepEndpoint("accept", "submitted"),
  "app.approve.county": stepEndpoint("approve", "countyReview"),
  "app.approve.city": stepEndpoint("approve", "cityReview"),
  "app.return.county": stepEndpoint("return", "submitted", "请补正"),
  "app.return.city": stepEndpoint("return", "cityReview", "请补正"),
  "app.reject.county": stepEndpoint("reject", "countyReview", "不予通过"),
  "app.reject.city": stepEndpoint("reject", "cityReview", "不予通过"),
  "app.evidence.upload": {
    route: "POST /api/v1/applications/:id/evidence",
    writes: true,
    target: caseTarget("draft"),
    call: (cl, t) => cl.upload(t.id as string, "证明.pdf", demoPdf("matrix")),
    verify: (res) => {
      expect(res.json).toMatchObject({ mime: "application/pdf", name: "证明.pdf" });
    },
  },
  "app.evidence.download": {
    route: "GET /api/v1/applications/:id/evidence/:evidenceId",
    writes: false,
    target: async (env, scope) => ({
      id: env.fx.submitted[scope],
      evidenceId: env.fx.submittedEvidence[scope],
    }),
    call: (cl, t) => cl.get(`/api/v1/applications/${t.id}/evidence/${t.evidenceId}`),
    verify: (res) => {
      expect(res.headers.get("content-type")).toContain("application/pdf");
      expect(Buffer.from(res.json as ArrayBuffer).equals(demoPdf("x"))).toBe(true);
    },
  },
  "app.evidence.download.draft": {
    route: "GET /api/v1/applications/:id/evidence/:evidenceId (of a draft)",
    writes: false,
    target: async (env, scope) => ({ id: env.fx.draft[scope], evidenceId: env.fx.evidence[scope] }),
    call: (cl, t) => cl.get(`/api/v1/applications/${t.id}/evidence/${t.evidenceId}`),
    verify: (res) => {
      expect(res.headers.get("content-type")).toContain("application/pdf");
      expect(Buffer.from(res.json as ArrayBuffer).equals(demoPdf("x"))).toBe(true);
    },
  },
  "users.list": {
    route: "GET /api/v1/users",
    writes: false,
    target: noTarget,
    call: (cl) => cl.get("/api/v1/users"),
    verify: (res, env) => {
      const names = (res.json.items as any[]).map((u) => u.username);
      for (const key of USER_KEYS) expect(names).toContain(env.world.users[key].username);
      const text = JSON.stringify(res.json);
      expect(text).not.toContain("password_hash");
      expect(text).not.toContain("$argon2");
    },
  },
  "users.create.business": {
    route: "POST /api/v1/users (county official)",
    writes: true,
    target: async () => ({ username: unique("matrix-biz") }),
    call: (cl, t) =>
      cl.post("/api/v1/users", {
        username: t.username,
        displayName: "矩阵县级",
        role: "county_official",
        county: "临海市",
        password: PASSWORD,
      }),
    verify: (res, _env, _user, _scope, t) => {
      expect(res.json).toMatchObject({ username: t.username, role: "county_official" });
    },
  },
  "users.create.admin": {
    route: "POST /api/v1/users (auditor)",
    writes: true,
    target: async () => ({ username: unique("matrix-adm") }),
    call: (cl, t) =>
      cl.post("/api/v1/users", {
        username: t.username,
        displayName: "矩阵审计",
        role: "auditor",
        password: PASSWORD,
      }),
    verify: (res, _env, _user, _scope, t) => {
      expect(res.json).toMatchObject({ username: t.username, role: "auditor" });
    },
  },
  "users.patch": {
    route: "PATCH /api/v1/users/:id",
    writes: true,
    target: async (env) => ({ id: env.fx.dummyUser }),
    call: (cl, t) => cl.patch(`/api/v1/users/${t.id}`, { unlock: true }),
  },
  "users.role": {
    route: "PUT /api/v1/users/:id/role",
    writes: true,
    target: async (env) => ({ id: env.fx.dummyUser }),
    call: (cl, t) =>
      cl.put(`/api/v1/users/${t.id}/role`, { role: "county_official", county: "椒江区" }),
    verify: (res) => {
      expect(res.json).toMatchObject({ role: "county_official", county: "椒江区" });
    },
  },
  "relations.self": {
    route: "POST /api/v1/relations (for oneself)",
    writes: true,
    // A new organization each time: the relation never touches org A or B's reviews.
    target: async (env) => ({ organizationId: await throwawayOrganization(env) }),
    call: (cl, t, self) =>
      cl.post("/api/v1/relations", {
        userId: self,
        organizationId: t.organizationId,
        note: "亲属任职",
      }),
  },
  "relations.other": {
    route: "POST /api/v1/relations (for another official)",
    writes: true,
    target: async (env) => ({
      organizationId: await throwawayOrganization(env),
      userId: env.fx.dummyOfficial,
    }),
    call: (cl, t) =>
      cl.post("/api/v1/relations", {
        userId: t.userId,
        organizationId: t.organizationId,
        note: "曾任职",
      }),
  },
  "settings.get": {
    route: "GET /api/v1/settings",
    writes: false,
    target: noTarget,
    call: (cl) => cl.get("/api/v1/settings"),
    verify: (res, _env, user) => {
      const owners = new Set((res.json.items as any[]).map((s) => s.owner));
      // The settings a role may manage, and no others.
      if (user === "sysadmin") expect([...owners]).toEqual(["general"]);
      else if (user === "secadmin") expect([...owners]).toEqual(["security"]);
      else expect(res.json.items).toEqual([]);
    },
  },
  "settings.patch.general": {
    route: "PATCH /api/v1/settings (general)",
    writes: true,
    target: noTarget,
    call: (cl) =>
      patchRead(cl, "/api/v1/settings", { "general.evidenceMaxBytes": 20 * 1024 * 1024 }),
  },
  "settings.patch.security": {
    route: "PATCH /api/v1/settings (security)",
    writes: true,
    target: noTarget,
    call: (cl) => patchRead(cl, "/api/v1/settings", { "security.sessionIdleMinutes": 30 }),
  },
  "audit.list": {
    route: "GET /api/v1/audit",
    writes: false,
    target: noTarget,
    call: (cl) => cl.get("/api/v1/audit?outcome=denied&pageSize=5"),
    verify: (res) => {
      expect(res.json.total).toBeGreaterThan(0);
      expect((res.json.items as any[]).every((a) => a.outcome === "denied")).toBe(true);
    },
  },
  "audit.verify": {
    route: "GET /api/v1/audit/verify",
    writes: false,
    target: noTarget,
    call: (cl) => cl.get("/api/v1/audit/verify"),
    verify: (res) => {
      expect(res.json.ok).toBe(true);
    },
  },
  "auth.me": {
    route: "GET /api/v1/auth/me",
    writes: false,
    target: noTarget,
    call: (cl) => cl.get("/api/v1/auth/me"),
    verify: (res, env, user) => {
      expect(res.json.user).toMatchObject({
        username: env.world.users[user].username,
        role: env.world.users[user].actor.role,
      });
    },
  },
} satisfies Record<string, Endpoint>;

type EndpointKey = keyof typeof ENDPOINTS;

async function addExclusion(env: Env, scope: Scope): Promise<string> {
  const source = unique("矩阵来源");
  const res = ok(
    await env.c.city.post(`/api/v1/organizations/${env.fx.org[scope].id}/exclusions`, {
      kind: "other",
      source,
      effectiveDate: "2099-12-31",
    }),
    201,
    "add exclusion",
  );
  return (res.json.exclusions as any[]).find((e) => e.source === source).id;
}

async function throwawayOrganization(env: Env): Promise<string> {
  const org = await createOrganization(env.server.context, null, {
    uscc: nextUscc(),
    name: unique("关联组织"),
    county: "临海市",
    kind: "enterprise",
  });
  return org.id;
}

// ── The expected outcomes, written out ───────────────────────────────────────
//
// Columns: entA entB countyX countyY city financeCity financeX sysadmin secadmin auditor
type Row = readonly [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];
type Expected = { A: Row; B: Row } | { "-": Row };

const READ_CASE: Expected = {
  A: [200, 404, 200, 404, 200, 200, 200, 404, 404, 404],
  B: [404, 200, 404, 200, 200, 200, 404, 404, 404, 404],
};
/** A case never submitted: its enterprise only; to everyone else it does not exist. */
const READ_DRAFT: Expected = {
  A: [200, 404, 404, 404, 404, 404, 404, 404, 404, 404],
  B: [404, 200, 404, 404, 404, 404, 404, 404, 404, 404],
};
/** The enterprise's steps on its own draft: the officials and finance do not see the draft. */
const DRAFT_STEP: Expected = READ_DRAFT;
const ENTERPRISE_STEP: Expected = {
  A: [200, 404, 403, 404, 403, 403, 403, 404, 404, 404],
  B: [404, 200, 404, 403, 403, 403, 404, 404, 404, 404],
};
const COUNTY_STEP: Expected = {
  A: [403, 404, 200, 404, 403, 403, 403, 404, 404, 404],
  B: [404, 403, 404, 200, 403, 403, 404, 404, 404, 404],
};
const CITY_STEP: Expected = {
  A: [403, 404, 403, 404, 200, 403, 403, 404, 404, 404],
  B: [404, 403, 404, 403, 200, 403, 404, 404, 404, 404],
};

const EXPECTED: Record<EndpointKey, Expected> = {
  // Columns: entA entB countyX countyY city financeCity financeX sysadmin secadmin auditor
  "org.list": { "-": [403, 403, 200, 200, 200, 200, 200, 403, 403, 403] },
  "org.create": {
    A: [403, 403, 201, 403, 201, 403, 403, 403, 403, 403],
    B: [403, 403, 403, 201, 201, 403, 403, 403, 403, 403],
  },
  "org.get": READ_CASE,
  "org.patch": {
    A: [200, 404, 200, 404, 200, 403, 403, 404, 404, 404],
    B: [404, 200, 404, 200, 200, 403, 404, 404, 404, 404],
  },
  // Name, kind and county are kept by officials: the organization's own user is refused.
  "org.patch.registration": {
    A: [403, 404, 200, 404, 200, 403, 403, 404, 404, 404],
    B: [404, 403, 404, 200, 200, 403, 404, 404, 404, 404],
  },
  "org.exclusions.add": {
    A: [403, 404, 201, 404, 201, 403, 403, 404, 404, 404],
    B: [404, 403, 404, 201, 201, 403, 404, 404, 404, 404],
  },
  "org.exclusions.lift": {
    A: [403, 404, 200, 404, 200, 403, 403, 404, 404, 404],
    B: [404, 403, 404, 200, 200, 403, 404, 404, 404, 404],
  },
  "app.list": { "-": [200, 200, 200, 200, 200, 200, 200, 403, 403, 403] },
  "app.list.drafts": { "-": [200, 200, 200, 200, 200, 200, 200, 403, 403, 403] },
  "app.create": {
    A: [201, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    B: [403, 201, 403, 403, 403, 403, 403, 403, 403, 403],
  },
  "app.get": READ_CASE,
  // Drafts (and drafts withdrawn unsubmitted) are the enterprise's own: 404 to officials and
  // finance, in their own county too. Before the read scopes they read them (READ_CASE).
  "app.get.draft": READ_DRAFT,
  "app.get.withdrawnDraft": READ_DRAFT,
  // Returned for correction after a submission: not a draft, the officials keep reading it.
  "app.get.returned": READ_CASE,
  "app.patch": DRAFT_STEP,
  "app.preview": READ_CASE,
  "app.preview.draft": READ_DRAFT,
  "app.submit": DRAFT_STEP,
  "app.accept.draft": {
    A: [403, 404, 404, 404, 404, 404, 404, 404, 404, 404],
    B: [404, 403, 404, 404, 404, 404, 404, 404, 404, 404],
  },
  "app.withdraw": ENTERPRISE_STEP,
  "app.accept": COUNTY_STEP,
  "app.approve.county": COUNTY_STEP,
  "app.approve.city": CITY_STEP,
  "app.return.county": COUNTY_STEP,
  "app.return.city": CITY_STEP,
  "app.reject.county": COUNTY_STEP,
  "app.reject.city": CITY_STEP,
  "app.evidence.upload": {
    A: [201, 404, 404, 404, 404, 404, 404, 404, 404, 404],
    B: [404, 201, 404, 404, 404, 404, 404, 404, 404, 404],
  },
  "app.evidence.download": READ_CASE,
  "app.evidence.download.draft": READ_DRAFT,
  "users.list": { "-": [403, 403, 403, 403, 403, 403, 403, 200, 200, 403] },
  "users.create.business": { "-": [403, 403, 403, 403, 403, 403, 403, 201, 403, 403] },
  "users.create.admin": { "-": [403, 403, 403, 403, 403, 403, 403, 403, 201, 403] },
  "users.patch": { "-": [403, 403, 403, 403, 403, 403, 403, 200, 403, 403] },
  "users.role": { "-": [403, 403, 403, 403, 403, 403, 403, 403, 200, 403] },
  // Officials declare their own relations; the security admin records anyone's (but a relation
  // is only for an official: for himself he is told so, 400).
  "relations.self": { "-": [403, 403, 201, 201, 201, 403, 403, 403, 400, 403] },
  "relations.other": { "-": [403, 403, 403, 403, 403, 403, 403, 403, 201, 403] },
  // Each role reads the settings it manages: an empty list for the others.
  "settings.get": { "-": [200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
  "settings.patch.general": { "-": [403, 403, 403, 403, 403, 403, 403, 200, 403, 403] },
  "settings.patch.security": { "-": [403, 403, 403, 403, 403, 403, 403, 403, 200, 403] },
  "audit.list": { "-": [403, 403, 403, 403, 403, 403, 403, 403, 403, 200] },
  "audit.verify": { "-": [403, 403, 403, 403, 403, 403, 403, 403, 403, 200] },
  "auth.me": { "-": [200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
};

interface Cell {
  endpoint: EndpointKey;
  user: UserKey;
  scope: Scope | "-";
  expected: number;
  name: string;
}

const CELLS: Cell[] = (Object.keys(EXPECTED) as EndpointKey[]).flatMap((endpoint) =>
  Object.entries(EXPECTED[endpoint]).flatMap(([scope, row]) =>
    USER_KEYS.map((user, i) => {
      const expected = (row as Row)[i] as number;
      const where = scope === "-" ? "" : ` · org ${scope}`;
      return {
        endpoint,
        user,
        scope: scope as Scope | "-",
        expected,
        name: `${ENDPOINTS[endpoint].route} · ${user}${where} → ${expected}`,
      };
    }),
  ),
);

// ── Public-project proposals (三（三）4) ─────────────────────────────────────
//
// A proposal is read by the city that runs the call (project.manage), by the experts of the
// call's panel who are not in conflict with it, and by the proposing organization; a panel member
// in conflict sees that it exists (number, title, organization, the reason) so as to step aside,
// never its plan or documents. County officials do not read proposals, of their own county
// either: the call is the city's and they take no part in it. Finance does not: paying a tranche
// needs only GET /project-tranches (project.pay), which names the proposal, its organization and
// state. Leaders have the ranking report (an aggregate) and read no proposal. Everyone who may
// not even see that a proposal exists is told 404 (audited). The call itself is public.

/** The matrix's users, a leader, and two experts: one on the call's panel, one not. */
const PROJECT_USER_KEYS = [...USER_KEYS, "leader", "expertPanel", "expertOff"] as const;
type ProjectUser = (typeof PROJECT_USER_KEYS)[number];

interface ProjectFixtures {
  callId: string;
  /** Org A's and org B's proposal, each with one document. */
  proposal: Record<Scope, string>;
  document: Record<Scope, string>;
  userIds: Record<"leader" | "expertPanel" | "expertOff", string>;
}

const PLAN = "项目目标、实施内容与经费预算（矩阵）";
const PROPOSAL_TITLE: Record<Scope, string> = { A: "甲方质量诊断项目", B: "乙方标准对标项目" };

interface ProjectEndpoint {
  readonly route: string;
  /** An allowed call changes the target: it then gets a fresh one of its own. */
  readonly fresh?: boolean;
  readonly writes: boolean;
  target(env: Env, scope: Scope, fresh: boolean): Promise<Target>;
  call(client: ApiClient, t: Target): Promise<Res>;
  verify?(res: Res, env: Env, user: ProjectUser, scope: Scope | "-", t: Target): void;
}

async function proposeIn(env: Env, scope: Scope, title: string): Promise<string> {
  const client = env.pc[scope === "A" ? "entA" : "entB"];
  const res = ok(
    await client.post(`/api/v1/project-calls/${env.px.callId}/proposals`, {
      category: "其他",
      title,
      requested: 100_000,
      plan: PLAN,
    }),
    201,
    `proposal of org ${scope}`,
  );
  return res.json.id as string;
}

const PROJECT_ENDPOINTS = {
  "proposal.get": {
    route: "GET /api/v1/project-proposals/:id",
    writes: false,
    target: async (env, scope) => ({ id: env.px.proposal[scope] }),
    call: (cl, t) => cl.get(`/api/v1/project-proposals/${t.id}`),
    verify: (res, env, user, scope, t) => {
      if (scope === "-") throw new Error("scoped");
      expect(res.json.id).toBe(t.id);
      if (user === "expertPanel" && scope === "A") {
        // In conflict: the proposal's header and the reason, nothing of its content.
        expect(res.json).toMatchObject({ conflict: "申报单位为专家所在单位", plan: null });
        expect(res.json.documents).toEqual([]);
        return;
      }
      expect(res.json.plan).toBe(PLAN);
      expect(res.json.documents.map((d: any) => d.id)).toEqual([env.px.document[scope]]);
    },
  },
  "proposal.document": {
    route: "GET /api/v1/project-proposals/:id/documents/:documentId",
    writes: false,
    target: async (env, scope) => ({
      id: env.px.proposal[scope],
      documentId: env.px.document[scope],
    }),
    call: (cl, t) => cl.get(`/api/v1/project-proposals/${t.id}/documents/${t.documentId}`),
    verify: (res) => {
      expect(res.headers.get("content-type")).toContain("application/pdf");
      expect(Buffer.from(res.json as ArrayBuffer).equals(demoPdf(PLAN))).toBe(true);
    },
  },
  "proposal.withdraw": {
    route: "POST /api/v1/project-proposals/:id/withdraw",
    fresh: true,
    writes: true,
    target: async (env, scope, fresh) => ({
      id: fresh ? await proposeIn(env, scope, unique("撤回的项目")) : env.px.proposal[scope],
    }),
    call: (cl, t) => cl.post(`/api/v1/project-proposals/${t.id}/withdraw`),
    verify: (res, _env, _user, _scope, t) => {
      expect(res.json).toEqual({ id: t.id, state: "withdrawn" });
    },
  },
  "call.get": {
    route: "GET /api/v1/project-calls/:id",
    writes: false,
    target: async (env) => ({ id: env.px.callId }),
    call: (cl, t) => cl.get(`/api/v1/project-calls/${t.id}`),
    verify: (res, env, user) => {
      const listed = res.json.proposals as any[];
      const ids = listed.map((x) => x.id);
      const { A, B } = env.px.proposal;
      const orgs = new Set(listed.map((x) => x.organizationId));
      if (user === "entA") expect([ids.includes(A), [...orgs]]).toEqual([true, [env.fx.org.A.id]]);
      else if (user === "entB")
        expect([ids.includes(B), [...orgs]]).toEqual([true, [env.fx.org.B.id]]);
      else if (user === "city" || user === "expertPanel") {
        expect(ids).toEqual(expect.arrayContaining([A, B]));
        expect(res.json.panel.map((m: any) => m.id)).toEqual([env.px.userIds.expertPanel]);
        // The listing never carries a plan; the panel member in conflict gets A's header only.
        expect(listed.every((x) => x.plan === undefined)).toBe(true);
        if (user === "expertPanel")
          expect(listed.find((x) => x.id === A)).toMatchObject({ documents: [] });
      } else {
        // County officials (org A is in countyX's county), finance and leaders: the call only.
        expect([ids, res.json.panel]).toEqual([[], []]);
      }
    },
  },
  "call.verify": {
    route: "GET /api/v1/project-calls/:id/ranking/verify",
    writes: false,
    target: async (env) => ({ id: env.px.callId }),
    call: (cl, t) => cl.get(`/api/v1/project-calls/${t.id}/ranking/verify`),
    verify: (res, env) => {
      expect(res.json).toMatchObject({ callId: env.px.callId, ok: true });
    },
  },
} satisfies Record<string, ProjectEndpoint>;

type ProjectEndpointKey = keyof typeof PROJECT_ENDPOINTS;
type ProjectRow = readonly [...Row, number, number, number];

const PROJECT_EXPECTED: Record<
  ProjectEndpointKey,
  { A: ProjectRow; B: ProjectRow } | { "-": ProjectRow }
> = {
  // Columns: entA entB countyX countyY city financeCity financeX sysadmin secadmin auditor
  //          leader expertPanel (works at org A: in conflict with A's proposal) expertOff
  "proposal.get": {
    A: [200, 404, 404, 404, 200, 404, 404, 404, 404, 404, 404, 200, 404],
    B: [404, 200, 404, 404, 200, 404, 404, 404, 404, 404, 404, 200, 404],
  },
  // The content: never to a panel member in conflict (403: it knows the proposal exists).
  "proposal.document": {
    A: [200, 404, 404, 404, 200, 404, 404, 404, 404, 404, 404, 403, 404],
    B: [404, 200, 404, 404, 200, 404, 404, 404, 404, 404, 404, 200, 404],
  },
  // The proposer's step: who sees the proposal is told 403, anyone else 404.
  "proposal.withdraw": {
    A: [200, 404, 404, 404, 403, 404, 404, 404, 404, 404, 404, 403, 404],
    B: [404, 200, 404, 404, 403, 404, 404, 404, 404, 404, 404, 403, 404],
  },
  // The call is public to all who deal with projects; its proposals are listed as they are read.
  // An expert off the panel is not told the call is being reviewed (404).
  "call.get": { "-": [200, 200, 200, 200, 200, 200, 200, 403, 403, 403, 200, 200, 404] },
  // The check of the ranking lists every ranked proposal with its scores: the city and the panel.
  "call.verify": { "-": [403, 403, 403, 403, 200, 403, 403, 403, 403, 403, 403, 200, 404] },
};

const PROJECT_CELLS = (Object.keys(PROJECT_EXPECTED) as ProjectEndpointKey[]).flatMap((endpoint) =>
  Object.entries(PROJECT_EXPECTED[endpoint]).flatMap(([scope, row]) =>
    PROJECT_USER_KEYS.map((user, i) => {
      const expected = (row as ProjectRow)[i] as number;
      const where = scope === "-" ? "" : ` · proposal of org ${scope}`;
      return {
        endpoint,
        user,
        scope: scope as Scope | "-",
        expected,
        name: `${PROJECT_ENDPOINTS[endpoint].route} · ${user}${where} → ${expected}`,
      };
    }),
  ),
);

/** The project rows a refusal must leave as they were. */
async function projectSnapshot(db: DB) {
  return {
    proposals: await db.selectFrom("project_proposals").selectAll().orderBy("id").execute(),
    panel: await db.selectFrom("project_panel").selectAll().orderBy("user_id").execute(),
    documents: await db.selectFrom("documents").selectAll().orderBy("id").execute(),
  };
}

/** A call open until 2099 with org A's and org B's proposals, a panel of one, three more users. */
async function setUpProjects(env: Env): Promise<void> {
  const ctx = env.server.context;
  const make = async (username: string, role: "leader" | "expert", organizationId?: string) =>
    (
      await createUser(ctx, env.world.users.sysadmin.actor, {
        username,
        displayName: username,
        role,
        password: PASSWORD,
        organizationId: organizationId ?? null,
      })
    ).id;
  env.px = {
    callId: "",
    proposal: { A: "", B: "" },
    document: { A: "", B: "" },
    userIds: {
      leader: await make("matrix-leader", "leader"),
      expertPanel: await make("matrix-expert-panel", "expert", env.fx.org.A.id),
      expertOff: await make("matrix-expert-off", "expert"),
    },
  };
  env.pc = {
    ...env.c,
    leader: await loginAs(env.server.url, "matrix-leader"),
    expertPanel: await loginAs(env.server.url, "matrix-expert-panel"),
    expertOff: await loginAs(env.server.url, "matrix-expert-off"),
  };
  const call = ok(
    await env.c.city.post("/api/v1/project-calls", {
      year: 2025,
      title: "矩阵公共项目征集",
      budget: 1_000_000,
      criteria: [{ id: "need", name: "必要性", weight: 100 }],
      opensOn: "2024-01-01",
      closesOn: "2099-12-31",
    }),
    201,
    "call",
  );
  env.px.callId = call.json.id;
  ok(
    await env.c.city.post(`/api/v1/project-calls/${env.px.callId}/panel`, {
      userId: env.px.userIds.expertPanel,
    }),
    201,
    "panel",
  );
  for (const scope of ["A", "B"] as const) {
    env.px.proposal[scope] = await proposeIn(env, scope, PROPOSAL_TITLE[scope]);
    const form = new FormData();
    form.append("file", new Blob([demoPdf(PLAN)], { type: "application/pdf" }), "方案.pdf");
    const doc = ok(
      await env.pc[scope === "A" ? "entA" : "entB"].request(
        "POST",
        `/api/v1/project-proposals/${env.px.proposal[scope]}/documents`,
        form,
      ),
      201,
      `document of org ${scope}`,
    );
    env.px.document[scope] = doc.json.id;
  }
}

// ── Unauthenticated and CSRF cases ───────────────────────────────────────────

interface Probe {
  name: string;
  user: UserKey;
  prepare(env: Env): Promise<Target>;
  send(cl: ApiClient, t: Target, env: Env, csrf?: boolean): Promise<Res>;
}

/** The request of an endpoint's cell (scope A), as `user` would send it if allowed. */
const probe = (key: EndpointKey, user: UserKey): Probe => ({
  name: `${ENDPOINTS[key].route} by ${user}`,
  user,
  prepare: (e) => (ENDPOINTS[key] as Endpoint).target(e, "A", false),
  send: async (cl, t, e, csrf = true) => {
    const endpoint: Endpoint = ENDPOINTS[key];
    const self = e.world.users[user].actor.userId;
    if (csrf) return endpoint.call(cl, t, self);
    // The same request with the header left out.
    const saved = cl.csrfToken;
    cl.csrfToken = null;
    try {
      return await endpoint.call(cl, t, self);
    } finally {
      cl.csrfToken = saved;
    }
  },
});

const none = async (): Promise<Target> => ({});

const LOGOUT: Probe = {
  name: "POST /api/v1/auth/logout by entA",
  user: "entA",
  prepare: none,
  send: (cl, _t, _e, csrf = true) => cl.request("POST", "/api/v1/auth/logout", {}, { csrf }),
};
const PASSWORD_CHANGE: Probe = {
  name: "POST /api/v1/auth/password by entA",
  user: "entA",
  prepare: none,
  send: (cl, _t, _e, csrf = true) =>
    cl.request(
      "POST",
      "/api/v1/auth/password",
      { currentPassword: PASSWORD, newPassword: "Another-Password-2025" },
      { csrf },
    ),
};

/** Every non-public endpoint, without a session (the user only picks the ids in the body). */
const UNAUTHENTICATED: Probe[] = [
  ...(Object.keys(ENDPOINTS) as EndpointKey[]).map((key) => ({
    ...probe(key, "countyX"),
    name: ENDPOINTS[key].route,
  })),
  { ...LOGOUT, name: "POST /api/v1/auth/logout" },
  { ...PASSWORD_CHANGE, name: "POST /api/v1/auth/password" },
];

/** Every state-changing request, by a user who may make it, without the token. */
const CSRF: Probe[] = [
  probe("org.create", "countyX"),
  probe("org.patch", "entA"),
  probe("org.exclusions.add", "countyX"),
  probe("org.exclusions.lift", "countyX"),
  probe("app.create", "entA"),
  probe("app.patch", "entA"),
  probe("app.preview", "entA"),
  probe("app.submit", "entA"),
  probe("app.withdraw", "entA"),
  probe("app.accept", "countyX"),
  probe("app.approve.county", "countyX"),
  probe("app.approve.city", "city"),
  probe("app.return.county", "countyX"),
  probe("app.reject.city", "city"),
  probe("app.evidence.upload", "entA"),
  probe("users.create.business", "sysadmin"),
  probe("users.create.admin", "secadmin"),
  probe("users.patch", "sysadmin"),
  probe("users.role", "secadmin"),
  probe("relations.self", "countyX"),
  probe("relations.other", "secadmin"),
  probe("settings.patch.general", "sysadmin"),
  probe("settings.patch.security", "secadmin"),
  LOGOUT,
  PASSWORD_CHANGE,
];

const WRONG_TOKEN: Probe[] = [
  probe("org.patch", "entA"),
  probe("app.accept", "countyX"),
  probe("settings.patch.general", "sysadmin"),
];

/**
 * The checks outside the role cells: five refusals decided inside handlers, the forged cookie, the
 * foreign token and the two contact-data checks.
 */
const OTHER_CHECKS = 5 + 4;

/** Strings that must never appear in a refusal: names, contacts, accounts. */
const SECRETS = [
  "张三",
  "李四",
  "0576-85550001",
  "0576-85550002",
  ACCOUNTS.A,
  ACCOUNTS.B,
  "甲企业",
  "乙企业",
];

describe.each(DIALECTS)("access matrix over the real API (%s)", (dialect) => {
  let env: Env;
  let checked = 0;

  beforeAll(async () => {
    const server = await startTestServer(dialect);
    const world = await buildWorld(server.context);
    const c = await loginAll(server.url, world);
    const movers: Record<Scope, Movers> = {
      A: { ent: c.entA, county: c.countyX, city: c.city },
      B: { ent: c.entB, county: c.countyY, city: c.city },
    };
    const partial = { server, db: server.context.database.db, world, c, movers } as Env;
    const per = async <T>(f: (scope: Scope) => Promise<T>): Promise<Record<Scope, T>> => ({
      A: await f("A"),
      B: await f("B"),
    });
    const draft = await per((s) => createDraft(movers[s].ent));
    const evidence = await per(async (s) => {
      const res = ok(await movers[s].ent.get(`/api/v1/applications/${draft[s]}`), 200, "detail");
      return res.json.evidence[0].id as string;
    });
    const submitted = await per((s) => caseIn(movers[s], "submitted"));
    const dummy = await createUser(server.context, null, {
      username: "dummy-target",
      displayName: "被管理账号",
      role: "county_official",
      county: "临海市",
      password: PASSWORD,
    });
    const official = await createUser(server.context, null, {
      username: "dummy-official",
      displayName: "被登记关联的审核人员",
      role: "county_official",
      county: "临海市",
      password: PASSWORD,
    });
    partial.fx = {
      org: {
        A: {
          id: world.orgA.id,
          county: "临海市",
          name: "甲企业（临海）",
          contact: "张三",
          phone: "0576-85550001",
        },
        B: {
          id: world.orgB.id,
          county: "椒江区",
          name: "乙企业（椒江）",
          contact: "李四",
          phone: "0576-85550002",
        },
      },
      draft,
      evidence,
      withdrawnDraft: await per((s) => caseIn(movers[s], "withdrawn")),
      returned: await per((s) => caseIn(movers[s], "returned")),
      submitted,
      submittedEvidence: await per(async (s) => {
        const res = ok(await movers[s].ent.get(`/api/v1/applications/${submitted[s]}`), 200, "");
        return res.json.evidence[0].id as string;
      }),
      countyReview: await per((s) => caseIn(movers[s], "county_review")),
      cityReview: await per((s) => caseIn(movers[s], "city_review")),
      exclusion: { A: "", B: "" },
      dummyUser: dummy.id,
      dummyOfficial: official.id,
    };
    partial.fx.exclusion = await per((s) => addExclusion(partial, s));
    await setUpProjects(partial);
    env = partial;
  });

  afterAll(async () => {
    await env?.server.close();
  });

  describe("every endpoint × every role × own/other scope", () => {
    for (const cell of CELLS)
      it(cell.name, async () => {
        checked++;
        const { db, world, c } = env;
        const endpoint: Endpoint = ENDPOINTS[cell.endpoint];
        const allowed = cell.expected >= 200 && cell.expected < 300;
        const scope: Scope = cell.scope === "-" ? "A" : cell.scope;
        const target = await endpoint.target(env, scope, allowed && endpoint.fresh === true);
        const before = allowed ? null : await snapshot(db);
        const head = await auditHead(db);
        const self = world.users[cell.user].actor.userId;

        const res = await endpoint.call(c[cell.user], target, self);
        const body = res.json instanceof ArrayBuffer ? "<file>" : JSON.stringify(res.json);
        expect(res.status, body).toBe(cell.expected);
        const audit = await auditSince(db, head);

        if (allowed) {
          endpoint.verify?.(res, env, cell.user, cell.scope, target);
          if (endpoint.writes) {
            expect(audit.filter((a) => a.outcome === "success" && a.actor_id === self)).not.toEqual(
              [],
            );
          }
          return;
        }
        expectErrorShape(res.json);
        for (const secret of SECRETS) expect(body).not.toContain(secret);
        expect(await snapshot(db)).toEqual(before);
        if (cell.expected === 403 || cell.expected === 404) {
          expect(res.json.error.code).toBe(cell.expected === 403 ? "forbidden" : "not_found");
          expect(
            audit.map((a) => ({
              outcome: a.outcome,
              actor: a.actor_id,
              role: a.actor_role,
              code: JSON.parse(a.after ?? "{}").code,
            })),
          ).toEqual([
            {
              outcome: "denied",
              actor: self,
              role: world.users[cell.user].actor.role,
              code: res.json.error.code,
            },
          ]);
        } else {
          expect(audit).toEqual([]);
        }
      });
  });

  describe("refusals decided inside a handler are audited like the others", () => {
    const INSIDE: {
      name: string;
      user: UserKey;
      send: (cl: ApiClient, e: Env) => Promise<Res>;
    }[] = [
      {
        name: "entA renames its own organization (name is kept by officials)",
        user: "entA",
        send: (cl, e) =>
          patchRead(cl, `/api/v1/organizations/${e.fx.org.A.id}`, { name: "改名企业" }),
      },
      {
        name: "entA changes its own organization's kind",
        user: "entA",
        send: (cl, e) =>
          patchRead(cl, `/api/v1/organizations/${e.fx.org.A.id}`, { kind: "institution" }),
      },
      {
        name: "countyX moves org A to another county (the city's to do)",
        user: "countyX",
        send: (cl, e) =>
          patchRead(cl, `/api/v1/organizations/${e.fx.org.A.id}`, { county: "椒江区" }),
      },
      {
        name: "sysadmin sets the security admin's password (only its owner may)",
        user: "sysadmin",
        send: (cl, e) =>
          cl.patch(`/api/v1/users/${e.world.users.secadmin.actor.userId}`, {
            password: "Reset-By-Sysadmin-2025",
          }),
      },
      {
        name: "secadmin changes its own role",
        user: "secadmin",
        send: (cl, e) =>
          cl.put(`/api/v1/users/${e.world.users.secadmin.actor.userId}/role`, {
            role: "auditor",
          }),
      },
    ];
    for (const { name, user, send } of INSIDE) {
      it(`${name} → 403 with a denied audit entry`, async () => {
        checked++;
        const { db, c, world } = env;
        const before = await snapshot(db);
        const head = await auditHead(db);
        const res = await send(c[user], env);
        expect(res.status, JSON.stringify(res.json)).toBe(403);
        expectErrorShape(res.json, "forbidden");
        expect(await snapshot(db)).toEqual(before);
        const audit = await auditSince(db, head);
        expect(audit.map((a) => [a.outcome, a.actor_id])).toEqual([
          ["denied", world.users[user].actor.userId],
        ]);
      });
    }
  });

  describe("without a session every non-public endpoint answers 401", () => {
    for (const { name, prepare, send } of UNAUTHENTICATED)
      it(`${name} → 401`, async () => {
        checked++;
        const anonymous = new ApiClient(env.server.url);
        const target = await prepare(env);
        const before = await snapshot(env.db);
        const head = await auditHead(env.db);
        const res = await send(anonymous, target, env);
        expect(res.status, JSON.stringify(res.json)).toBe(401);
        expectErrorShape(res.json, "unauthenticated");
        expect(await snapshot(env.db)).toEqual(before);
        expect((await auditSince(env.db, head)).filter((a) => a.outcome === "success")).toEqual([]);
      });

    it("a forged session cookie is no session", async () => {
      checked++;
      const res = await fetch(`${env.server.url}/api/v1/auth/me`, {
        headers: { cookie: "qi_session=forged-token" },
      });
      expect(res.status).toBe(401);
      expectErrorShape(await res.json(), "unauthenticated");
    });
  });

  describe("a state-changing request without the CSRF token → 403 csrf_failed", () => {
    for (const { name, user, prepare, send } of CSRF)
      it(name, async () => {
        checked++;
        const { db, c, world } = env;
        const target = await prepare(env);
        const before = await snapshot(db);
        const head = await auditHead(db);
        const res = await send(c[user], target, env, false);
        expect(res.status, JSON.stringify(res.json)).toBe(403);
        expectErrorShape(res.json, "csrf_failed");
        expect(res.json.error.field).toBe("x-csrf-token");
        expect(await snapshot(db)).toEqual(before);
        const audit = await auditSince(db, head);
        expect(audit.map((a) => [a.outcome, a.actor_id])).toEqual([
          ["denied", world.users[user].actor.userId],
        ]);
        // The session itself still works.
        ok(await c[user].get("/api/v1/auth/me"), 200, "me after a refused request");
      });

    for (const { name, user, prepare, send } of WRONG_TOKEN)
      it(`${name} with a wrong token`, async () => {
        checked++;
        const { db, c } = env;
        const client = c[user];
        const target = await prepare(env);
        const before = await snapshot(db);
        const saved = client.csrfToken;
        client.csrfToken = "not-the-token";
        let res: Res;
        try {
          res = await send(client, target, env, true);
        } finally {
          client.csrfToken = saved;
        }
        expect(res.status).toBe(403);
        expectErrorShape(res.json, "csrf_failed");
        expect(await snapshot(db)).toEqual(before);
      });

    it("another user's token does not do either", async () => {
      checked++;
      const { db, c } = env;
      const before = await snapshot(db);
      const saved = c.entA.csrfToken;
      c.entA.csrfToken = c.entB.csrfToken;
      let res: Res;
      try {
        res = await patchRead(c.entA, `/api/v1/organizations/${env.fx.org.A.id}`, {
          contactPhone: "0576-85559999",
        });
      } finally {
        c.entA.csrfToken = saved;
      }
      expect(res.status).toBe(403);
      expectErrorShape(res.json, "csrf_failed");
      expect(await snapshot(db)).toEqual(before);
    });
  });

  describe("public-project proposals: every endpoint × every role × own/other proposal", () => {
    for (const cell of PROJECT_CELLS)
      it(cell.name, async () => {
        checked++;
        const { db, pc } = env;
        const endpoint: ProjectEndpoint = PROJECT_ENDPOINTS[cell.endpoint];
        const allowed = cell.expected >= 200 && cell.expected < 300;
        const scope: Scope = cell.scope === "-" ? "A" : cell.scope;
        const target = await endpoint.target(env, scope, allowed && endpoint.fresh === true);
        const before = allowed ? null : [await snapshot(db), await projectSnapshot(db)];
        const head = await auditHead(db);
        const self =
          cell.user === "leader" || cell.user === "expertPanel" || cell.user === "expertOff"
            ? env.px.userIds[cell.user]
            : env.world.users[cell.user].actor.userId;

        const res = await endpoint.call(pc[cell.user], target);
        const body = res.json instanceof ArrayBuffer ? "<file>" : JSON.stringify(res.json);
        expect(res.status, body).toBe(cell.expected);
        const audit = await auditSince(db, head);
        if (allowed) {
          endpoint.verify?.(res, env, cell.user, cell.scope, target);
          if (endpoint.writes)
            expect(audit.filter((a) => a.outcome === "success" && a.actor_id === self)).not.toEqual(
              [],
            );
          return;
        }
        expectErrorShape(res.json, cell.expected === 403 ? "forbidden" : "not_found");
        for (const secret of [...SECRETS, PLAN, ...Object.values(PROPOSAL_TITLE)])
          expect(body).not.toContain(secret);
        expect([await snapshot(db), await projectSnapshot(db)]).toEqual(before);
        expect(audit.map((a) => [a.outcome, a.actor_id])).toEqual([["denied", self]]);
      });

    it("without a session every one of them answers 401", async () => {
      checked++;
      const anonymous = new ApiClient(env.server.url);
      for (const [key, endpoint] of Object.entries(PROJECT_ENDPOINTS) as [
        ProjectEndpointKey,
        ProjectEndpoint,
      ][]) {
        const res = await endpoint.call(anonymous, await endpoint.target(env, "A", false));
        expect(res.status, key).toBe(401);
        expectErrorShape(res.json, "unauthenticated");
      }
    });
  });

  describe("contact data", () => {
    it("org A read by entB or countyY is not visible at all; its data never leaks", async () => {
      checked++;
      for (const user of ["entB", "countyY"] as const) {
        const res = await env.c[user].get(`/api/v1/organizations/${env.fx.org.A.id}`);
        expect(res.status).toBe(404);
        expectErrorShape(res.json, "not_found");
        // The same answer as for an organization that does not exist.
        const none = await env.c[user].get(
          "/api/v1/organizations/00000000-0000-4000-8000-000000000000",
        );
        expect(none.status).toBe(404);
        expect(none.json.error.code).toBe(res.json.error.code);
        expect(none.json.error.message).toBe(res.json.error.message);
      }
    });

    it("the bank account in full only for finance; everyone else sees its last four digits", async () => {
      checked++;
      const seen: Record<string, string> = {};
      for (const user of ["entA", "countyX", "city", "financeCity", "financeX"] as const) {
        const res = ok(
          await env.c[user].get(`/api/v1/organizations/${env.fx.org.A.id}`),
          200,
          `read by ${user}`,
        );
        seen[user] = res.json.bank.account;
      }
      expect(seen).toEqual({
        entA: "****0001",
        countyX: "****0001",
        city: "****0001",
        financeCity: ACCOUNTS.A,
        financeX: ACCOUNTS.A,
      });
    });
  });

  it("checked the whole matrix (the number to quote)", () => {
    const roleCells = CELLS.length;
    const denials = CELLS.filter((cell) => cell.expected >= 400).length;
    const endpoints = Object.keys(ENDPOINTS).length;
    const projectCells = PROJECT_CELLS.length;
    const extra =
      UNAUTHENTICATED.length + CSRF.length + WRONG_TOKEN.length + OTHER_CHECKS + projectCells + 1;
    console.info(
      `[${dialect}] access matrix: ${endpoints} endpoint variants × ${USER_KEYS.length} roles × scope = ${roleCells} role cells (${roleCells - denials} allowed, ${denials} refused); ${projectCells} public-project cells (${PROJECT_USER_KEYS.length} roles); ${roleCells + extra} cases in all`,
    );
    // 570 before the read scopes; +130 for never-submitted and returned cases.
    expect(roleCells).toBe(700);
    expect(projectCells).toBe(13 * (2 * 3 + 2));
    expect(checked).toBe(roleCells + extra);
  });
});
