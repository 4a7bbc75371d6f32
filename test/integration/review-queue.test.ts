import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../helpers/api.ts";
import { DIALECTS } from "../helpers/db.ts";
import { startTestServer, type TestServer } from "../helpers/http.ts";
import { buildWorld, type World } from "../helpers/world.ts";
import {
  act,
  type Clients,
  caseIn,
  createDraft,
  loginAll,
  type Movers,
  ok,
} from "./support-access.ts";
import { readXlsx, sheetObjects } from "./support-money.ts";

/**
 * The officials' review queue (GET /api/v1/applications): what waits for whom (waiting=true and
 * waitingStates), that no official is ever shown a draft, the organization filter, and the
 * export of the current filter (GET /api/v1/applications/export): every filtered row, all pages.
 */

interface Listed {
  total: number;
  items: { id: string; number: string; state: string; fundingSourceName: string | null }[];
  countsByState: Record<string, number>;
  waitingStates: string[];
}

describe.each(DIALECTS)("review queue (%s)", (dialect) => {
  let server: TestServer;
  let world: World;
  let c: Clients;
  let movers: Movers;
  /** Org A's (临海市) cases by state; the draft is the enterprise's own. */
  const cases: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer(dialect);
    world = await buildWorld(server.context);
    c = await loginAll(server.url, world);
    movers = { ent: c.entA, county: c.countyX, city: c.city };
    cases.draft = await createDraft(c.entA, { subject: "未提交的草稿" });
    for (const state of ["submitted", "county_review", "city_review", "returned"] as const)
      cases[state] = await caseIn(movers, state, { subject: `对象-${state}` });
    cases.second = await caseIn(movers, "submitted", { item: "2.1.a", subject: "第二件已提交" });
    cases.withdrawn = await caseIn(movers, "submitted", { subject: "提交后撤回" });
    ok(await act(c.entA, cases.withdrawn, "withdraw"), 200, "withdraw");
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  const listed = async (client: ApiClient, query = ""): Promise<Listed> =>
    ok(await client.get(`/api/v1/applications?pageSize=200${query}`), 200, "list").json as Listed;

  it("the county official's queue never lists, counts or finds a draft", async () => {
    const all = await listed(c.countyX);
    const ids = all.items.map((a) => a.id);
    expect(ids).not.toContain(cases.draft);
    expect(all.countsByState.draft).toBeUndefined();
    expect(all.items.every((a) => a.state !== "draft")).toBe(true);
    expect((await listed(c.countyX, "&state=draft")).total).toBe(0);
    expect((await listed(c.countyX, "&q=未提交的草稿")).total).toBe(0);
    // Every other case of the county is there: submitted once is the officials' to read.
    for (const key of ["submitted", "county_review", "city_review", "returned", "withdrawn"])
      expect(ids).toContain(cases[key]);
    // The enterprise itself lists its draft.
    expect((await listed(c.entA)).items.map((a) => a.id)).toContain(cases.draft);
  });

  it("waiting=true lists what waits for the caller's step: the county's and the city's differ", async () => {
    const county = await listed(c.countyX, "&waiting=true");
    expect(county.waitingStates).toEqual(["submitted", "county_review"]);
    expect(county.items.map((a) => a.id).sort()).toEqual(
      [cases.submitted, cases.second, cases.county_review].sort(),
    );
    const city = await listed(c.city, "&waiting=true");
    expect(city.waitingStates).toEqual(["city_review"]);
    expect(city.items.map((a) => a.id)).toEqual([cases.city_review]);
    // The city's whole list is longer: 全部 stays one filter away.
    expect((await listed(c.city)).total).toBeGreaterThan(city.total);
    // Those who decide nothing have nothing waiting.
    for (const client of [c.entA, c.financeCity]) {
      const none = await listed(client, "&waiting=true");
      expect(none.waitingStates).toEqual([]);
      expect(none.total).toBe(0);
    }
  });

  it("the organization filter lists that organization's cases only", async () => {
    const own = await listed(c.city, `&organizationId=${world.orgA.id}`);
    const theirs = await listed(c.city, `&organizationId=${world.orgB.id}`);
    expect(own.total).toBeGreaterThan(0);
    expect(theirs.total).toBe(0);
    // A county official asking for another county's organization still sees only the county.
    expect((await listed(c.countyY, `&organizationId=${world.orgA.id}`)).total).toBe(0);
  });

  it("the export holds exactly the filtered list's rows, every page, with names not codes", async () => {
    for (const query of ["", "state=submitted", "waiting=true", "item=2.1.a", "q=对象-"]) {
      const page1 = ok(
        await c.countyX.get(`/api/v1/applications?pageSize=2&${query}`),
        200,
        `list ${query}`,
      ).json as Listed;
      const all = await listed(c.countyX, `&${query}`);
      const res = await c.countyX.get(`/api/v1/applications/export?${query}`);
      expect(res.status, query).toBe(200);
      expect(res.headers.get("content-type")).toContain("spreadsheetml.sheet");
      expect(res.headers.get("content-disposition")).toContain(
        `filename*=UTF-8''${encodeURIComponent("申报列表-")}`,
      );
      const [sheet] = await readXlsx(res.json as ArrayBuffer);
      if (!sheet) throw new Error(`the export of ${query} has no sheet`);
      const rows = sheetObjects(sheet);
      expect(rows.length, query).toBe(page1.total);
      expect(
        rows.map((r) => r.申报编号),
        query,
      ).toEqual(all.items.map((a) => a.number));
      for (const row of rows) {
        expect(String(row.奖励项目)).toMatch(/[\u4e00-\u9fff]/);
        expect(String(row.状态)).toMatch(/^[\u4e00-\u9fff]+$/);
      }
    }
    // An official's export is in their scope: the other county's holds none of these cases.
    const other = await c.countyY.get("/api/v1/applications/export");
    const [sheet] = await readXlsx(other.json as ArrayBuffer);
    if (!sheet) throw new Error("the other county's export has no sheet");
    expect(sheetObjects(sheet)).toEqual([]);
  });

  it("the answer names who pays", async () => {
    const city = await listed(c.city, "&state=city_review");
    for (const a of city.items) expect(a.fundingSourceName).toMatch(/财政$/);
  });
});
