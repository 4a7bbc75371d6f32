import { type Dirent, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/schema.ts";
import { createOrganization } from "../../src/organizations/organizations.ts";
import { usccCheckCharacter } from "../../src/organizations/uscc.ts";
import { ApiClient } from "../helpers/api.ts";
import { DIALECTS } from "../helpers/db.ts";
import { startTestServer, type TestServer } from "../helpers/http.ts";
import { patchRead, withReadVersion } from "../helpers/versioned.ts";
import { buildWorld, DEMO_PNG, demoPdf, PASSWORD, uscc, type World } from "../helpers/world.ts";

/**
 * Bad input at every endpoint: each answers 4xx with `{ error: { code, message, field } }` naming
 * the field — never a 5xx — and writes nothing (no row, no evidence file).
 */

type Who = "anonymous" | "entA" | "countyX" | "sysadmin" | "secadmin" | "auditor";
type Response = { status: number; json: any; headers: Headers };

/** Tables whose row counts must not move on a refused request (sessions do, on login). */
const TABLES = [
  "organizations",
  "organization_exclusions",
  "users",
  "official_relations",
  "settings",
  "applications",
  "application_events",
  "evidence",
  "grants",
  "cap_usage",
  "counters",
  "audit_log",
] as const satisfies readonly (keyof Database)[];

const EXE = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(120)]);
const TEXT = Buffer.from("just some text pretending to be a PDF\n", "utf8");
/** A code of the right shape whose check character is wrong. */
const BAD_CHECK = (() => {
  const body = "91331082MA2H00001";
  const right = usccCheckCharacter(body);
  return body + (right === "0" ? "1" : "0");
})();

function evidenceFiles(dataDir: string): string[] {
  const root = join(dataDir, "evidence");
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries: Dirent[] = [];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else out.push(relative(root, path));
    }
  };
  walk(root);
  return out.sort();
}

describe.each(DIALECTS)("bad input (%s)", (dialect) => {
  let server: TestServer;
  let world: World;
  const clients = {} as Record<Who, ApiClient>;
  /** A draft of organization A (1.1.g), one without evidence, and one submitted. */
  let draft: string;
  let patchable: string;
  let bare: string;
  let submitted: string;
  let pdfEvidence: string;
  /** An organization of county X for the exclusion cases (an accepted bad one would block A). */
  let orgC: string;

  const snapshot = async () => {
    const counts: Record<string, number> = {};
    for (const table of TABLES) {
      const r = await server.context.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      counts[table] = Number(r.n);
    }
    return { counts, files: evidenceFiles(server.context.dataDir) };
  };

  /** A request with any body and content type, with the client's cookie and CSRF token. */
  const raw = async (
    who: Who,
    method: string,
    path: string,
    body: string | Buffer,
    contentType: string,
  ): Promise<Response> => {
    const client = clients[who];
    const headers: Record<string, string> = { "content-type": contentType };
    const cookie = (client as unknown as { cookie: string | null }).cookie;
    if (cookie) headers.cookie = cookie;
    if (client.csrfToken) headers["x-csrf-token"] = client.csrfToken;
    const res = await fetch(`${server.url}${path}`, { method, headers, body });
    const text = await res.text();
    let json: any = text;
    try {
      json = JSON.parse(text);
    } catch {
      // left as text; the assertion below shows it
    }
    return { status: res.status, json, headers: res.headers };
  };

  /** Sends a bad request; expects the error shape, the field, and that nothing was written. */
  const refused = async (
    send: () => Promise<Response>,
    expected: { status: number; field: string | null; code?: string },
  ) => {
    const before = await snapshot();
    const r = await send();
    expect(r.status, JSON.stringify(r.json)).toBe(expected.status);
    expect(r.json).toEqual({
      error: { code: expect.any(String), message: expect.any(String), field: expected.field },
    });
    expect(r.json.error.message.length).toBeGreaterThan(0);
    if (expected.code) expect(r.json.error.code).toBe(expected.code);
    expect(await snapshot()).toEqual(before);
    return r;
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    world = await buildWorld(server.context);
    clients.anonymous = new ApiClient(server.url);
    for (const who of ["entA", "countyX", "sysadmin", "secadmin", "auditor"] as const) {
      const client = new ApiClient(server.url);
      const r = await client.login(world.users[who].username, PASSWORD);
      expect(r.status).toBe(200);
      clients[who] = client;
    }
    const create = async (subject: string) => {
      const r = await clients.entA.post("/api/v1/applications", {
        item: "1.1.g",
        subject,
        eventDate: "2024-04-01",
        facts: { municipalFiling: true, certificate: "first" },
      });
      expect(r.status).toBe(201);
      return r.json.id as string;
    };
    draft = await create("品字标认证证书 BAD-0001");
    patchable = await create("品字标认证证书 BAD-0004");
    bare = await create("品字标认证证书 BAD-0002");
    submitted = await create("品字标认证证书 BAD-0003");
    const up = await clients.entA.upload(draft, "证书.pdf", demoPdf("draft"));
    expect(up.status).toBe(201);
    pdfEvidence = up.json.id;
    expect((await clients.entA.upload(submitted, "证书.pdf", demoPdf("sub"))).status).toBe(201);
    expect((await clients.entA.post(`/api/v1/applications/${submitted}/submit`)).status).toBe(200);
    orgC = (
      await createOrganization(server.context, null, {
        uscc: uscc(3),
        name: "丙企业（临海）",
        county: "临海市",
        kind: "enterprise",
      })
    ).id;
  });
  afterAll(async () => {
    await server?.close();
  });

  // ── the table of bad requests ────────────────────────────────────────────────────────────

  interface Case {
    readonly name: string;
    readonly who: Who;
    readonly method: "GET" | "POST" | "PATCH" | "PUT";
    readonly path: () => string;
    readonly body?: () => unknown;
    readonly status?: number;
    readonly code?: string;
    readonly field: string | null;
  }

  const org = (patch: Record<string, unknown> = {}) => ({
    uscc: uscc(900),
    name: "戊企业（临海）",
    county: "临海市",
    kind: "enterprise",
    ...patch,
  });
  const app = (patch: Record<string, unknown> = {}) => ({
    item: "1.1.g",
    subject: "品字标认证证书 NEW-0001",
    eventDate: "2024-04-01",
    facts: { municipalFiling: true, certificate: "first" },
    ...patch,
  });
  const drafts = () => `/api/v1/applications/${draft}`;
  const patches = () => `/api/v1/applications/${patchable}`;
  const orgA = () => `/api/v1/organizations/${world.orgA.id}`;
  const orgCx = () => `/api/v1/organizations/${orgC}`;
  const long = (n: number) => "长".repeat(n);

  const CASES: Case[] = [
    // login and password
    {
      name: "login without username",
      who: "anonymous",
      method: "POST",
      path: () => "/api/v1/auth/login",
      body: () => ({ password: "x" }),
      code: "missing_field",
      field: "username",
    },
    {
      name: "login with a numeric password",
      who: "anonymous",
      method: "POST",
      path: () => "/api/v1/auth/login",
      body: () => ({ username: "ent-a", password: 12345678 }),
      code: "invalid_field",
      field: "password",
    },
    {
      name: "login with an oversize username",
      who: "anonymous",
      method: "POST",
      path: () => "/api/v1/auth/login",
      body: () => ({ username: "u".repeat(101), password: "x" }),
      field: "username",
    },
    {
      name: "password change without the new password",
      who: "entA",
      method: "POST",
      path: () => "/api/v1/auth/password",
      body: () => ({ currentPassword: PASSWORD }),
      code: "missing_field",
      field: "newPassword",
    },
    // A wrong current password is a failed sign-in, counted and audited: auth.test.ts.
    // organizations
    {
      name: "organization with a wrong USCC check character",
      who: "countyX",
      method: "POST",
      path: () => "/api/v1/organizations",
      body: () => org({ uscc: BAD_CHECK }),
      code: "invalid_uscc",
      field: "uscc",
    },
    {
      name: "organization with a 17-character USCC",
      who: "countyX",
      method: "POST",
      path: () => "/api/v1/organizations",
      body: () => org({ uscc: BAD_CHECK.slice(0, 17) }),
      field: "uscc",
    },
    {
      name: "organization with a USCC using the letter I",
      who: "countyX",
      method: "POST",
      path: () => "/api/v1/organizations",
      body: () => org({ uscc: "91331082MA2I00001X" }),
      code: "invalid_uscc",
      field: "uscc",
    },
    {
      name: "organization with a numeric USCC",
      who: "countyX",
      method: "POST",
      path: () => "/api/v1/organizations",
      body: () => org({ uscc: 913310823909960 }),
      code: "invalid_field",
      field: "uscc",
    },
    {
      name: "organization with an override reason for a valid USCC",
      who: "countyX",
      method: "POST",
      path: () => "/api/v1/organizations",
      body: () => org({ usccOverrideReason: "旧代码" }),
      code: "invalid_field",
      field: "usccOverrideReason",
    },
    {
      name: "organization with a blank override reason",
      who: "countyX",
      method: "POST",
      path: () => "/api/v1/organizations",
      body: () => org({ uscc: BAD_CHECK, usccOverrideReason: "   " }),
      field: "usccOverrideReason",
    },
    {
      name: "organization in an unknown county",
      who: "countyX",
      method: "POST",
      path: () => "/api/v1/organizations",
      body: () => org({ county: "台北市" }),
      code: "unknown_county",
      field: "county",
    },
    {
      name: "organization with a numeric county",
      who: "countyX",
      method: "POST",
      path: () => "/api/v1/organizations",
      body: () => org({ county: 3310 }),
      code: "invalid_field",
      field: "county",
    },
    {
      name: "organization without a name",
      who: "countyX",
      method: "POST",
      path: () => "/api/v1/organizations",
      body: () => org({ name: undefined }),
      code: "missing_field",
      field: "name",
    },
    {
      name: "organization with an oversize name",
      who: "countyX",
      method: "POST",
      path: () => "/api/v1/organizations",
      body: () => org({ name: long(201) }),
      field: "name",
    },
    {
      name: "organization of an unknown kind",
      who: "countyX",
      method: "POST",
      path: () => "/api/v1/organizations",
      body: () => org({ kind: "company" }),
      field: "kind",
    },
    {
      name: "organization with a bad phone",
      who: "countyX",
      method: "POST",
      path: () => "/api/v1/organizations",
      body: () => org({ contactPhone: "call me" }),
      field: "contactPhone",
    },
    {
      name: "organization with a bad bank account",
      who: "countyX",
      method: "POST",
      path: () => "/api/v1/organizations",
      body: () => org({ bankAccount: "IBAN-XYZ" }),
      field: "bankAccount",
    },
    {
      name: "organization as an array",
      who: "countyX",
      method: "POST",
      path: () => "/api/v1/organizations",
      body: () => [org()],
      field: "body",
    },
    {
      name: "organization already registered",
      who: "countyX",
      method: "POST",
      path: () => "/api/v1/organizations",
      body: () => org({ uscc: uscc(1) }),
      status: 409,
      code: "conflict",
      field: "uscc",
    },
    {
      name: "organization id not a UUID",
      who: "countyX",
      method: "GET",
      path: () => "/api/v1/organizations/42",
      field: "id",
    },
    {
      name: "organization patch with a bad UUID",
      who: "countyX",
      method: "PATCH",
      path: () => "/api/v1/organizations/..%2F..%2Fetc",
      body: () => ({ contactName: "王五" }),
      field: "id",
    },
    {
      name: "organization patch to an unknown county",
      who: "countyX",
      method: "PATCH",
      path: orgA,
      body: () => ({ county: "火星" }),
      code: "unknown_county",
      field: "county",
    },
    {
      name: "organization patch with a numeric phone",
      who: "countyX",
      method: "PATCH",
      path: orgA,
      body: () => ({ contactPhone: 57685550001 }),
      field: "contactPhone",
    },
    {
      name: "organization list with an oversize query",
      who: "countyX",
      method: "GET",
      path: () => `/api/v1/organizations?q=${"q".repeat(101)}`,
      field: "q",
    },
    {
      name: "organization list with page 0",
      who: "countyX",
      method: "GET",
      path: () => "/api/v1/organizations?page=0",
      field: "page",
    },
    {
      name: "exclusion of an unknown kind",
      who: "countyX",
      method: "POST",
      path: () => `${orgCx()}/exclusions`,
      body: () => ({ kind: "bad_mood", source: "通报", effectiveDate: "2024-01-01" }),
      field: "kind",
    },
    {
      name: "exclusion with an impossible date",
      who: "countyX",
      method: "POST",
      path: () => `${orgCx()}/exclusions`,
      body: () => ({ kind: "mujun_d", source: "亩均评价通报", effectiveDate: "2024-13-45" }),
      field: "effectiveDate",
    },
    {
      name: "exclusion with a date in words",
      who: "countyX",
      method: "POST",
      path: () => `${orgCx()}/exclusions`,
      body: () => ({ kind: "mujun_d", source: "亩均评价通报", effectiveDate: "yesterday" }),
      field: "effectiveDate",
    },
    {
      name: "exclusion without a source",
      who: "countyX",
      method: "POST",
      path: () => `${orgCx()}/exclusions`,
      body: () => ({ kind: "mujun_d", effectiveDate: "2024-01-01" }),
      code: "missing_field",
      field: "source",
    },
    {
      name: "exclusion lift with a bad UUID",
      who: "countyX",
      method: "POST",
      path: () => `${orgCx()}/exclusions/not-a-uuid/lift`,
      body: () => ({}),
      field: "exclusionId",
    },
    // applications
    {
      name: "application for an unknown item",
      who: "entA",
      method: "POST",
      path: () => "/api/v1/applications",
      body: () => app({ item: "9.9.9", facts: {} }),
      code: "invalid_field",
      field: "item",
    },
    {
      name: "application for the competitive item 3.4",
      who: "entA",
      method: "POST",
      path: () => "/api/v1/applications",
      body: () => app({ item: "3.4", facts: {} }),
      code: "invalid_field",
      field: "item",
    },
    {
      name: "application with a numeric item",
      who: "entA",
      method: "POST",
      path: () => "/api/v1/applications",
      body: () => app({ item: 1.1 }),
      code: "invalid_field",
      field: "item",
    },
    {
      name: "application without a subject",
      who: "entA",
      method: "POST",
      path: () => "/api/v1/applications",
      body: () => app({ subject: undefined }),
      code: "missing_field",
      field: "subject",
    },
    {
      name: "application with a blank subject",
      who: "entA",
      method: "POST",
      path: () => "/api/v1/applications",
      body: () => app({ subject: "  \t " }),
      field: "subject",
    },
    {
      name: "application with an oversize subject",
      who: "entA",
      method: "POST",
      path: () => "/api/v1/applications",
      body: () => app({ subject: long(501) }),
      field: "subject",
    },
    {
      name: "application with an oversize project",
      who: "entA",
      method: "POST",
      path: () => "/api/v1/applications",
      body: () => app({ project: long(201) }),
      field: "project",
    },
    {
      name: "application with a numeric project",
      who: "entA",
      method: "POST",
      path: () => "/api/v1/applications",
      body: () => app({ project: 7 }),
      field: "project",
    },
    {
      name: "application dated 30 February",
      who: "entA",
      method: "POST",
      path: () => "/api/v1/applications",
      body: () => app({ eventDate: "2024-02-30" }),
      code: "invalid_date",
      field: "eventDate",
    },
    {
      name: "application dated with slashes",
      who: "entA",
      method: "POST",
      path: () => "/api/v1/applications",
      body: () => app({ eventDate: "2024/04/01" }),
      code: "invalid_date",
      field: "eventDate",
    },
    {
      name: "application dated with a number",
      who: "entA",
      method: "POST",
      path: () => "/api/v1/applications",
      body: () => app({ eventDate: 20240401 }),
      field: "eventDate",
    },
    {
      name: "application without an event date",
      who: "entA",
      method: "POST",
      path: () => "/api/v1/applications",
      body: () => app({ eventDate: undefined }),
      code: "missing_field",
      field: "eventDate",
    },
    {
      name: "application with a fact of the wrong type",
      who: "entA",
      method: "POST",
      path: () => "/api/v1/applications",
      body: () => app({ facts: { municipalFiling: "yes", certificate: "first" } }),
      code: "invalid_field",
      field: "facts.municipalFiling",
    },
    {
      name: "application with a fact outside its values",
      who: "entA",
      method: "POST",
      path: () => "/api/v1/applications",
      body: () => app({ facts: { municipalFiling: true, certificate: "second" } }),
      code: "invalid_field",
      field: "facts.certificate",
    },
    {
      name: "application with an unknown fact",
      who: "entA",
      method: "POST",
      path: () => "/api/v1/applications",
      body: () => app({ facts: { municipalFiling: true, revenue: 100 } }),
      code: "invalid_field",
      field: "facts.revenue",
    },
    {
      name: "application with an object as a fact",
      who: "entA",
      method: "POST",
      path: () => "/api/v1/applications",
      body: () => app({ facts: { municipalFiling: { value: true } } }),
      field: "facts.municipalFiling",
    },
    {
      name: "application with a negative integer fact",
      who: "entA",
      method: "POST",
      path: () => "/api/v1/applications",
      body: () =>
        app({
          item: "3.3.c",
          facts: { route: "green-food", consecutiveAnnualInspectionsPassed: -2 },
        }),
      field: "facts.consecutiveAnnualInspectionsPassed",
    },
    {
      name: "application with facts as an array",
      who: "entA",
      method: "POST",
      path: () => "/api/v1/applications",
      body: () => app({ facts: [true] }),
      field: "facts",
    },
    {
      name: "application for an organization id that is not a UUID",
      who: "entA",
      method: "POST",
      path: () => "/api/v1/applications",
      body: () => app({ organizationId: "org-a" }),
      field: "organizationId",
    },
    {
      name: "application id not a UUID",
      who: "entA",
      method: "GET",
      path: () => "/api/v1/applications/QI-2024-000001",
      field: "id",
    },
    {
      name: "application patch with a bad UUID",
      who: "entA",
      method: "PATCH",
      path: () => "/api/v1/applications/1234",
      body: () => ({ subject: "x" }),
      field: "id",
    },
    {
      name: "application patch with a fact of the wrong type",
      who: "entA",
      method: "PATCH",
      path: patches,
      body: () => ({ facts: { municipalFiling: 1 } }),
      field: "facts.municipalFiling",
    },
    {
      name: "application patch to month 00",
      who: "entA",
      method: "PATCH",
      path: patches,
      body: () => ({ eventDate: "2024-00-10" }),
      code: "invalid_date",
      field: "eventDate",
    },
    {
      name: "application patch to the item 3.4",
      who: "entA",
      method: "PATCH",
      path: patches,
      body: () => ({ item: "3.4" }),
      field: "item",
    },
    {
      name: "application patch to an item whose facts do not fit",
      who: "entA",
      method: "PATCH",
      path: patches,
      body: () => ({ item: "1.2.a" }),
      field: "facts.municipalFiling",
    },
    {
      // Each step is its own operation: an unknown one is no route at all.
      name: "application action not known",
      who: "entA",
      method: "POST",
      path: () => `${drafts()}/approve-all`,
      body: () => ({}),
      status: 404,
      code: "not_found",
      field: null,
    },
    {
      name: "application action on a bad UUID",
      who: "entA",
      method: "POST",
      path: () => "/api/v1/applications/not-a-uuid/submit",
      body: () => ({}),
      field: "id",
    },
    {
      name: "application action with a numeric comment",
      who: "entA",
      method: "POST",
      path: () => `${drafts()}/submit`,
      body: () => ({ comment: 42 }),
      field: "comment",
    },
    {
      name: "application action with an oversize comment",
      who: "entA",
      method: "POST",
      path: () => `${drafts()}/submit`,
      body: () => ({ comment: long(2001) }),
      field: "comment",
    },
    {
      name: "submission without evidence",
      who: "entA",
      method: "POST",
      path: () => `/api/v1/applications/${bare}/submit`,
      body: () => ({}),
      code: "missing_field",
      field: "evidence",
    },
    {
      name: "rejection without a comment",
      who: "countyX",
      method: "POST",
      path: () => `/api/v1/applications/${submitted}/reject`,
      body: () => ({}),
      code: "missing_field",
      field: "comment",
    },
    {
      name: "rejection with a blank comment",
      who: "countyX",
      method: "POST",
      path: () => `/api/v1/applications/${submitted}/reject`,
      body: () => ({ comment: "   " }),
      code: "missing_field",
      field: "comment",
    },
    {
      name: "application list by an unknown state",
      who: "entA",
      method: "GET",
      path: () => "/api/v1/applications?state=paid",
      field: "state",
    },
    {
      name: "application list with page size 0",
      who: "entA",
      method: "GET",
      path: () => "/api/v1/applications?pageSize=0",
      field: "pageSize",
    },
    {
      name: "application list with page size 1000",
      who: "entA",
      method: "GET",
      path: () => "/api/v1/applications?pageSize=1000",
      field: "pageSize",
    },
    {
      name: "application list with a word for a page",
      who: "entA",
      method: "GET",
      path: () => "/api/v1/applications?page=two",
      field: "page",
    },
    {
      name: "application list for the year 1800",
      who: "entA",
      method: "GET",
      path: () => "/api/v1/applications?year=1800",
      field: "year",
    },
    {
      name: "application list with an oversize item",
      who: "entA",
      method: "GET",
      path: () => `/api/v1/applications?item=${"1".repeat(21)}`,
      field: "item",
    },
    {
      name: "evidence id not a UUID",
      who: "entA",
      method: "GET",
      path: () => `${drafts()}/evidence/..%2F..%2Fetc%2Fpasswd`,
      field: "evidenceId",
    },
    {
      name: "evidence that does not exist",
      who: "entA",
      method: "GET",
      path: () => `${drafts()}/evidence/00000000-0000-4000-8000-000000000000`,
      status: 404,
      code: "not_found",
      field: "evidenceId",
    },
    // users, roles, relations
    {
      name: "user of an unknown role",
      who: "sysadmin",
      method: "POST",
      path: () => "/api/v1/users",
      body: () => ({
        username: "new-user",
        displayName: "新用户",
        role: "king",
        password: "Strong-Pass-2025",
      }),
      field: "role",
    },
    {
      name: "user with a space in the username",
      who: "sysadmin",
      method: "POST",
      path: () => "/api/v1/users",
      body: () => ({
        username: "new user",
        displayName: "新用户",
        role: "city_official",
        password: "Strong-Pass-2025",
      }),
      field: "username",
    },
    {
      name: "user without a display name",
      who: "sysadmin",
      method: "POST",
      path: () => "/api/v1/users",
      body: () => ({ username: "new-user", role: "city_official", password: "Strong-Pass-2025" }),
      code: "missing_field",
      field: "displayName",
    },
    {
      name: "county official of an unknown county",
      who: "sysadmin",
      method: "POST",
      path: () => "/api/v1/users",
      body: () => ({
        username: "new-user",
        displayName: "新用户",
        role: "county_official",
        county: "火星",
        password: "Strong-Pass-2025",
      }),
      code: "unknown_county",
      field: "county",
    },
    {
      name: "county official without a county",
      who: "sysadmin",
      method: "POST",
      path: () => "/api/v1/users",
      body: () => ({
        username: "new-user",
        displayName: "新用户",
        role: "county_official",
        password: "Strong-Pass-2025",
      }),
      code: "missing_field",
      field: "county",
    },
    {
      name: "enterprise user bound to a bad UUID",
      who: "sysadmin",
      method: "POST",
      path: () => "/api/v1/users",
      body: () => ({
        username: "new-user",
        displayName: "新用户",
        role: "enterprise",
        organizationId: "org-a",
        password: "Strong-Pass-2025",
      }),
      field: "organizationId",
    },
    {
      name: "enterprise user bound to no organization",
      who: "sysadmin",
      method: "POST",
      path: () => "/api/v1/users",
      body: () => ({
        username: "new-user",
        displayName: "新用户",
        role: "enterprise",
        organizationId: "00000000-0000-4000-8000-000000000000",
        password: "Strong-Pass-2025",
      }),
      field: "organizationId",
    },
    {
      name: "user list by an unknown role",
      who: "sysadmin",
      method: "GET",
      path: () => "/api/v1/users?role=king",
      field: "role",
    },
    {
      name: "account patch with a string for a boolean",
      who: "sysadmin",
      method: "PATCH",
      path: () => `/api/v1/users/${world.users.entB.actor.userId}`,
      body: () => ({ disabled: "yes" }),
      field: "disabled",
    },
    {
      name: "account patch with a bad UUID",
      who: "sysadmin",
      method: "PATCH",
      path: () => "/api/v1/users/ent-b",
      body: () => ({ disabled: true }),
      field: "id",
    },
    {
      name: "role of an unknown name",
      who: "secadmin",
      method: "PUT",
      path: () => `/api/v1/users/${world.users.entB.actor.userId}/role`,
      body: () => ({ role: "king" }),
      field: "role",
    },
    {
      name: "relation for a bad user UUID",
      who: "secadmin",
      method: "POST",
      path: () => "/api/v1/relations",
      body: () => ({ userId: "county-x", organizationId: world.orgA.id, note: "亲属" }),
      field: "userId",
    },
    {
      name: "relation without a note",
      who: "secadmin",
      method: "POST",
      path: () => "/api/v1/relations",
      body: () => ({ userId: world.users.countyX.actor.userId, organizationId: world.orgA.id }),
      code: "missing_field",
      field: "note",
    },
    {
      name: "relation for a user who is no official",
      who: "secadmin",
      method: "POST",
      path: () => "/api/v1/relations",
      body: () => ({
        userId: world.users.entB.actor.userId,
        organizationId: world.orgA.id,
        note: "亲属",
      }),
      field: "userId",
    },
    // settings, audit, policies, calculation
    {
      name: "setting of the wrong type",
      who: "sysadmin",
      method: "PATCH",
      path: () => "/api/v1/settings",
      body: () => ({ "general.evidenceMaxBytes": "big" }),
      field: "general.evidenceMaxBytes",
    },
    {
      name: "setting below its minimum",
      who: "sysadmin",
      method: "PATCH",
      path: () => "/api/v1/settings",
      body: () => ({ "general.evidenceMaxBytes": 10 }),
      field: "general.evidenceMaxBytes",
    },
    {
      name: "setting that does not exist",
      who: "sysadmin",
      method: "PATCH",
      path: () => "/api/v1/settings",
      body: () => ({ "general.theme": "dark" }),
      field: "general.theme",
    },
    {
      name: "settings patch with nothing in it",
      who: "sysadmin",
      method: "PATCH",
      path: () => "/api/v1/settings",
      body: () => ({}),
      code: "missing_field",
      field: "body",
    },
    {
      name: "settings patch as an array",
      who: "sysadmin",
      method: "PATCH",
      path: () => "/api/v1/settings",
      body: () => [1],
      field: "body",
    },
    {
      name: "security setting out of range",
      who: "secadmin",
      method: "PATCH",
      path: () => "/api/v1/settings",
      body: () => ({ "security.lockoutThreshold": 0 }),
      field: "security.lockoutThreshold",
    },
    {
      name: "security setting with a number for a boolean",
      who: "secadmin",
      method: "PATCH",
      path: () => "/api/v1/settings",
      body: () => ({ "security.passwordComplexity": 1 }),
      field: "security.passwordComplexity",
    },
    {
      name: "audit list by an unknown outcome",
      who: "auditor",
      method: "GET",
      path: () => "/api/v1/audit?outcome=maybe",
      field: "outcome",
    },
    {
      name: "audit list with page size 500",
      who: "auditor",
      method: "GET",
      path: () => "/api/v1/audit?pageSize=500",
      field: "pageSize",
    },
    {
      name: "policy items as of 31 April",
      who: "anonymous",
      method: "GET",
      path: () => "/api/v1/policies/taizhou-quality-2023/items?asOf=2024-04-31",
      code: "invalid_date",
      field: "asOf",
    },
    {
      name: "policy that does not exist",
      who: "anonymous",
      method: "GET",
      path: () => "/api/v1/policies/nope/items",
      status: 404,
      code: "not_found",
      field: "id",
    },
    {
      name: "calculation without claims",
      who: "anonymous",
      method: "POST",
      path: () => "/api/v1/calculate",
      body: () => ({ organization: { uscc: uscc(1), name: "甲", county: "临海市" } }),
      code: "missing_field",
      field: "claims",
    },
    {
      name: "calculation in an unknown county",
      who: "anonymous",
      method: "POST",
      path: () => "/api/v1/calculate",
      body: () => ({ organization: { uscc: uscc(1), name: "甲", county: "火星" }, claims: [] }),
      code: "unknown_county",
      field: "organization.county",
    },
  ];

  for (const c of CASES) {
    it(`${c.name} → ${c.status ?? 400} naming “${c.field}”`, async () => {
      // An edit names the version it read (a version read, or 0 where the caller may not read).
      const body =
        c.method === "PATCH" && !c.path().startsWith("/api/v1/users/")
          ? await withReadVersion(clients[c.who], c.path(), c.body?.())
          : c.body?.();
      await refused(() => clients[c.who].request(c.method, c.path(), body), {
        status: c.status ?? 400,
        field: c.field,
        ...(c.code ? { code: c.code } : {}),
      });
    });
  }

  // ── bodies that are not what they say ────────────────────────────────────────────────────

  it("refuses bodies that are not JSON, of another type, or too large", async () => {
    await refused(
      () => raw("countyX", "POST", "/api/v1/organizations", "{uscc:", "application/json"),
      {
        status: 400,
        code: "invalid_json",
        field: "body",
      },
    );
    await refused(() => raw("entA", "POST", "/api/v1/applications", "", "application/json"), {
      status: 400,
      field: "body",
    });
    await refused(
      () => raw("entA", "POST", "/api/v1/applications", "<app item='1.1.g'/>", "application/xml"),
      { status: 400, field: "content-type" },
    );
    await refused(() => raw("entA", "POST", "/api/v1/applications", "item=1.1.g", "text/plain"), {
      status: 400,
      field: "body",
    });
    await refused(
      () =>
        raw(
          "entA",
          "POST",
          "/api/v1/applications",
          JSON.stringify(app({ subject: "x".repeat(2 * 1024 * 1024) })),
          "application/json",
        ),
      { status: 413, code: "payload_too_large", field: "body" },
    );
    await refused(() => raw("anonymous", "POST", "/api/v1/auth/login", "[", "application/json"), {
      status: 400,
      code: "invalid_json",
      field: "body",
    });
  });

  // ── the USCC override ────────────────────────────────────────────────────────────────────

  it("accepts a USCC failing the check only with a reason, and records the reason", async () => {
    const reason = "2015年前取得的旧代码，已核对营业执照原件";
    const r = await clients.countyX.post("/api/v1/organizations", {
      ...org({ uscc: BAD_CHECK, name: "丁企业（旧代码）" }),
      usccOverrideReason: reason,
    });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json.uscc).toBe(BAD_CHECK);
    expect(r.json.usccOverride).toEqual({ by: world.users.countyX.actor.userId, reason });
    const row = await server.context.database.db
      .selectFrom("organizations")
      .selectAll()
      .where("id", "=", r.json.id)
      .executeTakeFirstOrThrow();
    expect(row.uscc_override_reason).toBe(reason);
    expect(row.uscc_override_by).toBe(world.users.countyX.actor.userId);
    const audit = await server.context.database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "organization.create")
      .where("target_id", "=", r.json.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after ?? "{}").usccOverride).toBe(reason);
    expect(audit.actor_id).toBe(world.users.countyX.actor.userId);
    // The same code once more is a conflict, not a second organization.
    await refused(
      () =>
        clients.countyX.post("/api/v1/organizations", {
          ...org({ uscc: BAD_CHECK }),
          usccOverrideReason: reason,
        }),
      { status: 409, code: "conflict", field: "uscc" },
    );
  });

  // ── a PATCH changes what it names, nothing else ──────────────────────────────────────────

  it("a PATCH of a draft changes only the fields it names", async () => {
    const facts = { municipalFiling: true, certificate: "re-evaluation" };
    const created = await clients.entA.post("/api/v1/applications", {
      item: "1.1.g",
      subject: "品字标认证证书 PATCH-0001",
      project: "品字标项目 A",
      eventDate: "2024-04-02",
      facts,
    });
    expect(created.status).toBe(201);
    const r = await patchRead(clients.entA, `/api/v1/applications/${created.json.id}`, {
      subject: "品字标认证证书 PATCH-0001（更正）",
    });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      item: "1.1.g",
      subject: "品字标认证证书 PATCH-0001（更正）",
      project: "品字标项目 A",
      eventDate: "2024-04-02",
      facts,
    });
    const row = await server.context.database.db
      .selectFrom("applications")
      .select(["facts", "project"])
      .where("id", "=", created.json.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.facts)).toEqual(facts);
    expect(row.project).toBe("品字标项目 A");
  });

  // ── uploads ──────────────────────────────────────────────────────────────────────────────

  it("stores a file by what it is, not by what its name says", async () => {
    const r = await clients.entA.upload(draft, "营业执照.pdf", DEMO_PNG, "application/pdf");
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json.mime).toBe("image/png");
    expect(r.json.name).toBe("营业执照.png");
    expect(r.json.size).toBe(DEMO_PNG.length);

    const file = await clients.entA.get(`${drafts()}/evidence/${r.json.id}`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/png");
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(file.json as ArrayBuffer).equals(DEMO_PNG)).toBe(true);

    const pdf = await clients.entA.get(`${drafts()}/evidence/${pdfEvidence}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(pdf.json as ArrayBuffer).equals(demoPdf("draft"))).toBe(true);
  });

  it("refuses executables and text dressed up as PDF with 415, writing nothing", async () => {
    for (const [name, data] of [
      ["证明.pdf", EXE],
      ["setup.exe", EXE],
      ["证明.pdf", TEXT],
      ["image.png", Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>")],
    ] as const) {
      await refused(() => clients.entA.upload(draft, name, data, "application/pdf"), {
        status: 415,
        code: "unsupported_file_type",
        field: "file",
      });
    }
  });

  it("keeps no folders in a stored file name", async () => {
    for (const [name, stored] of [
      ["../../etc/passwd", "passwd.pdf"],
      ["..\\..\\windows\\system32\\evil.pdf", "evil.pdf"],
      ["/etc/shadow.pdf", "shadow.pdf"],
      ["....pdf", "pdf.pdf"],
      ["<script>.pdf", "script.pdf"],
    ] as const) {
      const data = demoPdf(`name ${name}`);
      const r = await clients.entA.upload(draft, name, data);
      expect(r.status, name).toBe(201);
      expect(r.json.name).toBe(stored);
      expect(r.json.name).not.toMatch(/[/\\]|\.\./);
      const file = await clients.entA.get(`${drafts()}/evidence/${r.json.id}`);
      expect(file.headers.get("content-disposition")).toBe(
        `inline; filename*=UTF-8''${encodeURIComponent(stored)}`,
      );
      expect(Buffer.from(file.json as ArrayBuffer).equals(data)).toBe(true);
    }
    // Everything stored lives under evidence/<2 hex>/<sha256>, nowhere else.
    for (const f of evidenceFiles(server.context.dataDir)) {
      expect(f).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{64}$/);
    }
  });

  it("refuses an empty file, a missing file and a body that is not multipart", async () => {
    await refused(() => clients.entA.upload(draft, "空.pdf", new Uint8Array(0)), {
      status: 400,
      field: "file",
    });
    const noFile = new FormData();
    noFile.append("comment", "没有文件");
    await refused(() => clients.entA.request("POST", `${drafts()}/evidence`, noFile), {
      status: 400,
      code: "missing_field",
      field: "file",
    });
    await refused(() => clients.entA.post(`${drafts()}/evidence`, { file: "JVBERi0=" }), {
      status: 400,
      field: "file",
    });
    await refused(() => clients.entA.upload("not-a-uuid", "a.pdf", demoPdf("x")), {
      status: 400,
      field: "id",
    });
    await refused(() => clients.entA.upload(submitted, "late.pdf", demoPdf("late")), {
      status: 409,
      code: "invalid_state",
      field: "state",
    });
  });

  it("refuses a file over the size setting with 413, writing nothing", async () => {
    const set = await patchRead(clients.sysadmin, "/api/v1/settings", {
      "general.evidenceMaxBytes": 1024,
    });
    expect(set.status).toBe(200);
    try {
      const big = Buffer.concat([demoPdf("big"), Buffer.alloc(4096, 0x20)]);
      await refused(() => clients.entA.upload(draft, "大文件.pdf", big), {
        status: 413,
        code: "payload_too_large",
        field: "file",
      });
      const huge = Buffer.concat([demoPdf("huge"), Buffer.alloc(3 * 1024 * 1024, 0x20)]);
      await refused(() => clients.entA.upload(draft, "超大文件.pdf", huge), {
        status: 413,
        code: "payload_too_large",
        field: "file",
      });
      const small = demoPdf("s");
      expect(small.length).toBeLessThanOrEqual(1024);
      expect((await clients.entA.upload(draft, "小文件.pdf", small)).status).toBe(201);
    } finally {
      const back = await patchRead(clients.sysadmin, "/api/v1/settings", {
        "general.evidenceMaxBytes": 20 * 1024 * 1024,
      });
      expect(back.status).toBe(200);
    }
  });
});
