import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createCall } from "../../src/projects/create-call.ts";
import { submitProposal } from "../../src/projects/submit-proposal.ts";
import {
  apiStatus,
  type Cast,
  type Filed,
  fileCase,
  Harness,
  PASSWORD,
  seedBackground,
  seedCast,
  USERS,
} from "./fixtures.ts";

/**
 * Who sees what, in the browser: a page opened by its address shows nothing of a case outside the
 * user's scope (the API answers 404, the page says so), a county official's queue is the county's
 * own and holds no enterprise's draft, a public-project call shows its proposals only to the city
 * (the panel and the proposer), and a visitor who is not signed in is sent to sign in first.
 */

let h: Harness;
let cast: Cast;
/** A case of the 温岭市 enterprise, submitted (with a PDF and, for the county, a photo). */
let wenlingCase: Filed;

beforeAll(async () => {
  h = await Harness.start();
  cast = await seedCast(h.ctx);
  await seedBackground(h.ctx, cast);
  wenlingCase = await fileCase(
    h.ctx,
    cast,
    USERS.entWenling,
    { item: "2.1.d", subject: "“浙江制造”标准 T/ZZB 3310-2025 屏蔽电泵", photo: true },
    [[USERS.entWenling, "submit"]],
  );
  await fileCase(h.ctx, cast, USERS.entLinhai, {
    item: "1.2.a",
    subject: "省先进质量管理孵化基地（草稿）",
  });
}, 180_000);

afterAll(async () => {
  await h?.close();
});

afterEach(() => {
  expect(h.pageErrors.splice(0)).toEqual([]);
});

/** What of the 温岭市 case a page must never show to someone outside its scope. */
function secretsOfWenling(): string[] {
  return [
    cast.wenling.name,
    cast.wenling.uscc,
    "T/ZZB 3310-2025",
    "屏蔽电泵",
    "2.1.d-证明材料.pdf",
  ];
}

async function expectNothingOfWenling(page: Page): Promise<void> {
  const text = (await page.locator("body").textContent()) ?? "";
  for (const secret of secretsOfWenling()) expect(text).not.toContain(secret);
}

async function evidenceIds(applicationId: string): Promise<string[]> {
  const rows = await h.ctx.database.db
    .selectFrom("evidence")
    .select("id")
    .where("application_id", "=", applicationId)
    .execute();
  return rows.map((r) => r.id);
}

describe("access in a real browser", () => {
  it("an enterprise opening another enterprise's case by its address sees not-found and none of its data", async () => {
    const ent = await h.as(USERS.entLinhai);
    await ent.goto(`${h.url}/my/applications/${wenlingCase.id}`);
    await ent
      .locator(".ant-result-404 .ant-result-title")
      .getByText("记录不存在或无权查看")
      .waitFor();
    await expectNothingOfWenling(ent);
    expect(await ent.getByTestId("case-state").count()).toBe(0);
    // The API itself answers 404 (not 403: the case's existence is not revealed), evidence too.
    expect(await apiStatus(ent, `/api/v1/applications/${wenlingCase.id}`)).toBe(404);
    for (const evidence of await evidenceIds(wenlingCase.id))
      expect(
        await apiStatus(ent, `/api/v1/applications/${wenlingCase.id}/evidence/${evidence}`),
      ).toBe(404);

    // The officials' page of the same case is not the enterprise's at all.
    await ent.goto(`${h.url}/review/${wenlingCase.id}`);
    await ent.locator(".ant-result-403").waitFor();
    await expectNothingOfWenling(ent);

    // Its own list has its own cases only.
    await ent.goto(`${h.url}/my/applications`);
    await ent.locator("[data-testid^='my-row-']").first().waitFor();
    const own = await h.ctx.database.db
      .selectFrom("applications")
      .select("number")
      .where("organization_id", "=", cast.linhai.id)
      .execute();
    expect(await rowNumbers(ent, "my-row-")).toEqual(own.map((r) => r.number).sort());
    await expectNothingOfWenling(ent);
  }, 60_000);

  it("a county official's queue lists only the county's cases, and another county's case is not found", async () => {
    const county = await h.as(USERS.countyLinhai);
    await county.waitForURL(/\/review$/);
    // The queue opens on what waits for the county; 全部 lists every case of its scope.
    await county.goto(`${h.url}/review?state=all`);
    await county.getByTestId("queue-table").waitFor();
    await expect(county.getByTestId("scope-county").textContent()).resolves.toContain("临海市");
    const inCounty = await h.ctx.database.db
      .selectFrom("applications")
      .select(["number", "state", "submitted_at"])
      .where("county", "=", "临海市")
      .execute();
    const shown = await rowNumbers(county, "queue-row-");
    // Every case the county has to review is there, and nothing from outside the county. A case
    // never submitted (a draft) is the enterprise's own: not in the queue, nor in its tabs.
    expect(inCounty.some((r) => r.submitted_at === null)).toBe(true);
    const numbers = inCounty.map((r) => r.number);
    for (const n of shown) expect(numbers).toContain(n);
    for (const r of inCounty)
      if (r.submitted_at === null) expect(shown).not.toContain(r.number);
      else expect(shown).toContain(r.number);
    expect(await county.getByTestId("tab-draft").count()).toBe(0);
    await expect(county.locator("body").textContent()).resolves.not.toContain("（草稿）");
    expect(shown).not.toContain(wenlingCase.number);
    await county.getByText(`共 ${shown.length} 件`).waitFor();
    await expectNothingOfWenling(county);

    // Searching for the other county's case by its number finds nothing.
    await county.getByTestId("queue-search").locator("input").fill(wenlingCase.number);
    await county.getByTestId("queue-search").locator("input").press("Enter");
    await county.getByText("没有符合筛选条件的申报").waitFor();

    // Opening it by its address: not found, nothing of it on the page; its evidence is 404 too.
    await county.goto(`${h.url}/review/${wenlingCase.id}`);
    await county
      .locator(".ant-result-404 .ant-result-title")
      .getByText("记录不存在或无权查看")
      .waitFor();
    await expectNothingOfWenling(county);
    expect(await county.getByTestId("review-actions").count()).toBe(0);
    expect(await apiStatus(county, `/api/v1/applications/${wenlingCase.id}`)).toBe(404);
    for (const evidence of await evidenceIds(wenlingCase.id))
      expect(
        await apiStatus(county, `/api/v1/applications/${wenlingCase.id}/evidence/${evidence}`),
      ).toBe(404);
  }, 60_000);

  it("a public-project call: the county official and the leader see the call, not its proposals; the city sees them", async () => {
    const call = await createCall(h.ctx, cast.actors[USERS.city], {
      year: 2025,
      title: "访问范围公共项目征集",
      budget: 500_000,
      advancePercent: 50,
      categories: ["其他"],
      criteria: [{ id: "need", name: "必要性", weight: 100 }],
      passMark: 60,
      opensOn: "2024-01-01",
      closesOn: "2099-12-31",
    });
    const proposal = await submitProposal(h.ctx, cast.actors[USERS.entLinhai], call.id, {
      category: "其他",
      title: "临海医化行业质量诊断服务",
      requested: 100_000,
      plan: "实施方案",
    });
    for (const user of [USERS.countyLinhai, USERS.leader, USERS.finance]) {
      const page = await h.as(user);
      await page.goto(`${h.url}/projects/calls/${call.id}`);
      await page.getByTestId("call-title").getByText("访问范围公共项目征集").waitFor();
      await page.getByTestId("proposals-scope").waitFor();
      await expect(page.locator("body").textContent()).resolves.not.toContain(
        "临海医化行业质量诊断服务",
      );
      expect(await apiStatus(page, `/api/v1/project-proposals/${proposal.id}`)).toBe(404);
    }
    const city = await h.as(USERS.city);
    await city.goto(`${h.url}/projects/calls/${call.id}`);
    await city
      .getByTestId(`proposal-${proposal.number}`)
      .getByText("临海医化行业质量诊断服务")
      .waitFor();
    expect(await city.getByTestId("proposals-scope").count()).toBe(0);
  }, 60_000);

  it("an anonymous visitor to /review is sent to sign in, and comes back to the queue after", async () => {
    const visitor = await h.page();
    await visitor.goto(`${h.url}/review`);
    await visitor.waitForURL((url) => url.pathname === "/login");
    expect(new URL(visitor.url()).searchParams.get("next")).toBe("/review");
    await visitor.getByTestId("login-submit").waitFor();
    expect(await visitor.getByTestId("queue-table").count()).toBe(0);
    expect(await apiStatus(visitor, "/api/v1/applications")).toBe(401);

    // A case's address, too, asks to sign in first and shows nothing of the case.
    await visitor.goto(`${h.url}/my/applications/${wenlingCase.id}`);
    await visitor.waitForURL((url) => url.pathname === "/login");
    await expectNothingOfWenling(visitor);

    await visitor.goto(`${h.url}/review`);
    await visitor.waitForURL((url) => url.pathname === "/login");
    await visitor.getByLabel("用户名").fill(USERS.countyLinhai);
    await visitor.getByLabel("密码").fill(PASSWORD);
    await visitor.getByTestId("login-submit").click();
    await visitor.waitForURL((url) => url.pathname === "/review");
    await visitor.getByTestId("queue-table").waitFor();
  }, 60_000);
});

/** The case numbers of the table rows whose test id starts with `prefix`, sorted. */
async function rowNumbers(page: Page, prefix: string): Promise<string[]> {
  const ids = await page
    .locator(`[data-testid^='${prefix}']`)
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-testid") ?? ""));
  return ids.map((id) => id.slice(prefix.length)).sort();
}
