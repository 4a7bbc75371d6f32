import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../src/db/database.ts";
import { createUser } from "../../src/users/create-user.ts";
import type { ApiClient } from "../helpers/api.ts";
import { DIALECTS } from "../helpers/db.ts";
import { startTestServer, type TestServer } from "../helpers/http.ts";
import { buildWorld, demoPdf, PASSWORD, type World } from "../helpers/world.ts";
import {
  act,
  auditHead,
  auditSince,
  type Clients,
  caseIn,
  createDraft,
  detail,
  expectErrorShape,
  loginAll,
  loginAs,
  type Movers,
  ok,
} from "./support-access.ts";

/**
 * Read scopes (src/auth/access.ts, application.read and project.readProposal): an enterprise's
 * case is its own until it is first submitted, and a public-project proposal is read by the city,
 * the call's panel and its organization. The cell-by-cell table is in access-matrix.test.ts; this
 * file follows one draft from invisible to visible, and checks what the officials keep: the cases
 * submitted once, the aggregates, the ranking report.
 */

const NONE = "00000000-0000-4000-8000-000000000000";

describe.each(DIALECTS)("read scopes (%s)", (dialect) => {
  let server: TestServer;
  let db: DB;
  let world: World;
  let c: Clients;
  let movers: Movers;
  let leader: ApiClient;
  /** Org A (临海市): a draft, a draft withdrawn, a case returned, a case withdrawn after submission. */
  const cases = { draft: "", withdrawnDraft: "", returned: "", withdrawnLater: "" };
  /** The officials and finance who read org A's submitted cases. */
  const readers = ["countyX", "city", "financeCity", "financeX"] as const;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    db = server.context.database.db;
    world = await buildWorld(server.context);
    c = await loginAll(server.url, world);
    movers = { ent: c.entA, county: c.countyX, city: c.city };
    cases.draft = await createDraft(c.entA);
    cases.withdrawnDraft = await caseIn(movers, "withdrawn");
    cases.returned = await caseIn(movers, "returned");
    cases.withdrawnLater = await caseIn(movers, "submitted");
    ok(await act(c.entA, cases.withdrawnLater, "withdraw"), 200, "withdraw after submission");
    await createUser(server.context, null, {
      username: "scope-leader",
      displayName: "领导",
      role: "leader",
      password: PASSWORD,
    });
    leader = await loginAs(server.url, "scope-leader");
  });

  afterAll(async () => {
    await server?.close();
  });

  const listed = async (client: ApiClient, query = "") => {
    const res = ok(await client.get(`/api/v1/applications?pageSize=200${query}`), 200, "list");
    return res.json as { total: number; items: any[]; countsByState: Record<string, number> };
  };

  it("a case never submitted is left out of every official's and finance's list, count and search", async () => {
    const own = await listed(c.entA);
    expect(own.items.map((a) => a.id)).toEqual(
      expect.arrayContaining([cases.draft, cases.withdrawnDraft]),
    );
    expect(own.countsByState.draft).toBe(1);
    const number = (await detail(c.entA, cases.draft)).application.number as string;
    for (const user of readers) {
      const all = await listed(c[user]);
      const ids = all.items.map((a) => a.id);
      expect(ids, user).not.toContain(cases.draft);
      expect(ids, user).not.toContain(cases.withdrawnDraft);
      // Submitted once: returned for correction, or withdrawn later, the officials keep it.
      expect(ids, user).toEqual(expect.arrayContaining([cases.returned, cases.withdrawnLater]));
      expect(all.countsByState.draft, user).toBeUndefined();
      expect(all.countsByState.withdrawn, user).toBe(1);
      expect(all.total, user).toBe(all.items.length);
      // Neither its number nor the draft filter finds it.
      expect((await listed(c[user], `&q=${number}`)).total, user).toBe(0);
      expect((await listed(c[user], "&state=draft")).total, user).toBe(0);
      expect(
        (await listed(c[user], "&state=withdrawn")).items.map((a) => a.id),
        user,
      ).toEqual([cases.withdrawnLater]);
    }
    // The dashboard's cases by state leave it out too.
    const board = ok(await c.countyX.get("/api/v1/dashboard"), 200, "dashboard").json;
    const counted = Object.fromEntries(board.cases.map((s: any) => [s.state, s.count]));
    expect(counted.draft).toBeUndefined();
    expect(counted.withdrawn).toBe(1);
  });

  it("opening it answers as for a case that does not exist, and the attempt is audited", async () => {
    const evidence = (await detail(c.entA, cases.draft)).evidence[0].id as string;
    for (const user of readers) {
      const missing = await c[user].get(`/api/v1/applications/${NONE}`);
      for (const id of [cases.draft, cases.withdrawnDraft]) {
        const head = await auditHead(db);
        const res = await c[user].get(`/api/v1/applications/${id}`);
        expect(res.status, `${user} opens ${id}`).toBe(404);
        expectErrorShape(res.json, "not_found");
        expect(res.json).toEqual(missing.json);
        const audit = await auditSince(db, head);
        expect(audit.map((a) => [a.outcome, a.actor_id, a.action, a.target_id])).toEqual([
          ["denied", world.users[user].actor.userId, "application.read", id],
        ]);
      }
      const file = await c[user].get(`/api/v1/applications/${cases.draft}/evidence/${evidence}`);
      expect(file.status, `${user} downloads the draft's evidence`).toBe(404);
      expect((await c[user].post(`/api/v1/applications/${cases.draft}/preview`)).status).toBe(404);
    }
  });

  it("once submitted it is the county's to handle: listed, readable, with its evidence", async () => {
    const id = await createDraft(c.entA);
    expect((await c.countyX.get(`/api/v1/applications/${id}`)).status).toBe(404);
    ok(await act(c.entA, id, "submit"), 200, "submit");
    const view = ok(await c.countyX.get(`/api/v1/applications/${id}`), 200, "read").json;
    expect(view.application.state).toBe("submitted");
    const file = await c.countyX.get(`/api/v1/applications/${id}/evidence/${view.evidence[0].id}`);
    expect(file.status).toBe(200);
    expect((await listed(c.countyX)).items.map((a) => a.id)).toContain(id);
    ok(await act(c.countyX, id, "accept"), 200, "accept");
  });

  it("a proposal: county officials, finance and leaders read none; the ranking report stays theirs", async () => {
    const call = ok(
      await c.city.post("/api/v1/project-calls", {
        year: 2025,
        title: "访问范围测试征集",
        budget: 500_000,
        criteria: [{ id: "need", name: "必要性", weight: 100 }],
        opensOn: "2024-01-01",
        closesOn: "2099-12-31",
      }),
      201,
      "call",
    ).json;
    const proposal = ok(
      await c.entA.post(`/api/v1/project-calls/${call.id}/proposals`, {
        category: "其他",
        title: "临海市汽配质量诊断",
        requested: 100_000,
        plan: "实施方案（访问范围）",
      }),
      201,
      "proposal",
    ).json;
    const form = new FormData();
    form.append("file", new Blob([demoPdf("方案")], { type: "application/pdf" }), "方案.pdf");
    const doc = ok(
      await c.entA.request("POST", `/api/v1/project-proposals/${proposal.id}/documents`, form),
      201,
      "document",
    ).json;

    expect((await c.city.get(`/api/v1/project-proposals/${proposal.id}`)).status).toBe(200);
    for (const [who, client] of [
      ["countyX (org A's own county)", c.countyX],
      ["financeCity", c.financeCity],
      ["leader", leader],
    ] as const) {
      const head = await auditHead(db);
      const res = await client.get(`/api/v1/project-proposals/${proposal.id}`);
      expect(res.status, who).toBe(404);
      expect(JSON.stringify(res.json)).not.toContain("实施方案");
      const file = await client.get(`/api/v1/project-proposals/${proposal.id}/documents/${doc.id}`);
      expect(file.status, who).toBe(404);
      const audit = await auditSince(db, head);
      expect(audit.map((a) => [a.outcome, a.action, a.target_id])).toEqual([
        ["denied", "project.listProposal", proposal.id],
        ["denied", "project.listProposal", proposal.id],
      ]);
      // The call stays public to them, without its proposals or panel.
      const seen = ok(await client.get(`/api/v1/project-calls/${call.id}`), 200, who).json;
      expect([seen.proposals, seen.panel]).toEqual([[], []]);
    }
    // The ranking report (an aggregate: no plan, document or single score) is kept.
    for (const [who, client, query] of [
      ["countyX", c.countyX, "year=2025"],
      ["financeCity", c.financeCity, "year=2025"],
      ["leader", leader, "year=2025"],
    ] as const) {
      const res = await client.get(`/api/v1/reports/projects?${query}`);
      expect(res.status, who).toBe(200);
      expect(res.headers.get("content-type")).toContain("spreadsheetml");
    }
  });
});
