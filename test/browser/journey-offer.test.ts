import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { usccCheckCharacter } from "../../src/organizations/uscc.ts";
import { addDays } from "../../src/policy/dates.ts";
import {
  apiGet,
  type Cast,
  caseState,
  confirmDialog,
  EVENT_DATE,
  Harness,
  seedCast,
  shoot,
  USERS,
  YEAR,
} from "./fixtures.ts";

/**
 * 免申即享 end to end in the browser: the city previews and imports a 品字标 roster on its
 * 名单比对 page; the enterprise is told of the offer (消息中心 and the header's unread badge), checks
 * the roster row and confirms; the county's officials hear of it in their inbox and approve; the
 * city hears of it, approves and publishes; the period ends and the award is reserved. The
 * enterprise's inbox has each step, each opening the case.
 */

let h: Harness;
let cast: Cast;
let file = "";

beforeAll(async () => {
  h = await Harness.start();
  cast = await seedCast(h.ctx);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("名单");
  sheet.addRow(["统一社会信用代码", "企业名称", "证书编号", "发证日期", "证书类型", "市级备案"]);
  sheet.addRow([
    cast.wenling.uscc,
    cast.wenling.name,
    "ZJPZB-2025-0611",
    EVENT_DATE,
    "首次认证",
    "是",
  ]);
  // Not registered: listed for its county; and a row whose date cannot be read.
  const body = "91331081MA2000612";
  const unregistered = body + usccCheckCharacter(body);
  sheet.addRow([
    unregistered,
    "温岭市未注册示范有限公司",
    "ZJPZB-2025-0612",
    EVENT_DATE,
    "首次认证",
    "是",
  ]);
  sheet.addRow([
    cast.linhai.uscc,
    cast.linhai.name,
    "ZJPZB-2025-0613",
    "2025-02-30",
    "首次认证",
    "是",
  ]);
  file = join(tmpdir(), `qi-roster-${process.pid}.xlsx`);
  writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));
}, 120_000);

afterAll(async () => {
  await h?.close();
});

afterEach(() => {
  expect(h.pageErrors.splice(0)).toEqual([]);
});

/** The signed-in user's unread count, as the header's badge says it. */
async function unreadBadge(page: Page): Promise<string> {
  const button = page.locator('[data-testid="inbox-button"][data-unread]');
  await button.waitFor();
  return (await button.getAttribute("aria-label")) ?? "";
}

async function inboxTitles(page: Page): Promise<string[]> {
  await page.goto(`${h.url}/messages`);
  const list = page.getByTestId("org-notices");
  await list.getByTestId("notice").first().waitFor();
  return list
    .getByTestId("notice")
    .evaluateAll((els) =>
      els.map((e) => (e.querySelector("span")?.textContent ?? "").replace(/^未读/, "")),
    );
}

describe("免申即享 in a real browser", () => {
  it("the city imports a roster, the enterprise confirms, county and city approve, publicity ends in an award", async () => {
    // ── The city previews the roster, then imports it ──────────────────────────────────
    const city = await h.as(USERS.city);
    await city.goto(`${h.url}/rosters`);
    await city.getByTestId("roster-kind").click();
    await city.getByTitle("“品字标”认证证书名单").click();
    await city.getByTestId("roster-file").setInputFiles(file);
    await city.getByTestId("roster-preview").click();
    const report = city.getByTestId("roster-report");
    await report.waitFor();
    const counts = await city.getByTestId("roster-counts").textContent();
    expect(counts).toContain("已匹配1");
    expect(counts).toContain("未注册1");
    expect(counts).toContain("无效1");
    expect(await report.textContent()).toContain("2025-02-30");
    await shoot(city, "roster-preview");
    // Nothing is written by the preview.
    expect((await apiGet<{ items: unknown[] }>(city, "/api/v1/rosters/imports")).items).toEqual([]);
    await city.getByTestId("roster-import").click();
    await city.getByTestId("roster-import-ok").click();
    const done = city.getByTestId("roster-done");
    await done.waitFor();
    expect(await done.textContent()).toContain("生成待确认奖励 1 项");
    const history = await apiGet<{ items: { number: string; counts: { offers: number } }[] }>(
      city,
      "/api/v1/rosters/imports",
    );
    expect(history.items).toEqual([
      expect.objectContaining({ counts: expect.objectContaining({ offers: 1 }) }),
    ]);

    // ── The enterprise is told, checks the roster row and confirms ─────────────────────
    const ent = await h.as(USERS.entWenling);
    await ent.goto(`${h.url}/my/applications`);
    expect(await unreadBadge(ent)).toBe("消息中心，1 条未读");
    expect(await inboxTitles(ent)).toEqual(["您有 1 项奖励待确认"]);
    await ent.getByTestId("org-notices").getByRole("link", { name: "查看申报" }).click();
    await ent.getByTestId("offer-notice").waitFor();
    const caseId = new URL(ent.url()).pathname.split("/").pop() as string;
    const detail = await apiGet<{
      application: { number: string };
      roster: { row: number; cells: { header: string; value: string }[] } | null;
    }>(ent, `/api/v1/applications/${caseId}`);
    expect(detail.roster?.row).toBe(2);
    expect(detail.roster?.cells.find((c) => c.header === "证书编号")?.value).toBe(
      "ZJPZB-2025-0611",
    );
    const number = detail.application.number;
    await ent.getByTestId("offer-commitment").click();
    await ent.getByTestId("offer-confirm").click();
    await caseState(ent, "submitted");

    // ── The county hears of it in its inbox and approves ───────────────────────────────
    const county = await h.as(USERS.countyWenling);
    expect(await unreadBadge(county)).toBe("消息中心，1 条未读");
    expect(await inboxTitles(county)).toEqual([`新申报待初审：${number}`]);
    await county.getByTestId("org-notices").getByRole("link", { name: "查看申报" }).click();
    await county.waitForURL(`**/review/${caseId}`);
    await county.getByTestId("action-accept").click();
    await confirmDialog(county);
    await caseState(county, "county_review");
    await county.getByTestId("review-comment").fill("名单所列证书属实，同意报市级复审。");
    await county.getByTestId("action-approve").click();
    await confirmDialog(county);
    await caseState(county, "city_review");
    // The other county hears nothing.
    const other = await h.as(USERS.countyLinhai);
    await other.goto(`${h.url}/messages`);
    await other.getByText("暂无通知").waitFor();

    // ── The city hears of it, approves and publishes ───────────────────────────────────
    const city2 = await h.as(USERS.city);
    expect(await inboxTitles(city2)).toEqual([`申报待市级复审：${number}`]);
    await city2.getByTestId("org-notices").getByRole("link", { name: "查看申报" }).click();
    await city2.waitForURL(`**/review/${caseId}`);
    await caseState(city2, "city_review");
    await city2.getByTestId("action-approve").click();
    await confirmDialog(city2);
    await caseState(city2, "approved");
    await city2.goto(`${h.url}/publicity`);
    await city2.getByTestId("publicity-create").click();
    await city2.getByTestId("publicity-create-form").waitFor();
    await city2.getByTestId("publicity-title").fill(`${YEAR} 年免申即享奖励公示`);
    await city2.getByTestId(`publicity-case-${number}`).locator("input[type=checkbox]").check();
    await city2.getByTestId("publicity-create-submit").click();
    await confirmDialog(city2);
    await city2.getByTestId("publicity-batch-number").waitFor();
    const batchId = new URL(city2.url()).pathname.split("/").pop() as string;
    const batch = await apiGet<{ endDate: string }>(city2, `/api/v1/public/publicity/${batchId}`);

    // ── The period ends; the award is reserved ─────────────────────────────────────────
    await h.jumpTo(addDays(batch.endDate, 1));
    const city3 = await h.as(USERS.city);
    await city3.goto(`${h.url}/publicity`);
    await city3.getByTestId("publicity-close").click();
    await city3.getByTestId("publicity-close-summary").waitFor();
    const state = await h.ctx.database.db
      .selectFrom("applications")
      .select("state")
      .where("id", "=", caseId)
      .executeTakeFirstOrThrow();
    expect(state.state).toBe("awarded");

    // ── The enterprise's inbox has each step, newest first, each opening the case ──────
    const ent2 = await h.as(USERS.entWenling);
    // The offer's message was read when its link was followed.
    expect(await unreadBadge(ent2)).toBe("消息中心，4 条未读");
    expect(await inboxTitles(ent2)).toEqual([
      expect.stringMatching(/^奖励 .+ 已核定$/),
      `申报 ${number} 已列入公示`,
      `申报 ${number} 市级复审通过`,
      `申报 ${number} 县级初审通过`,
      "您有 1 项奖励待确认",
    ]);
    const links = await ent2
      .getByTestId("org-notices")
      .getByRole("link", { name: "查看申报" })
      .evaluateAll((els) => els.map((e) => e.getAttribute("href")));
    expect(new Set(links)).toEqual(new Set([`/my/applications/${caseId}`]));
    await shoot(ent2, "offer-inbox");
    // Finance hears of the award to pay.
    const finance = await h.as(USERS.financeWenling);
    expect(await inboxTitles(finance)).toEqual([expect.stringMatching(/^奖励 .+ 待拨付$/)]);
  }, 240_000);

  it("the county lists the roster's unregistered organization and exports it for invitations", async () => {
    const county = await h.as(USERS.countyWenling);
    await county.goto(`${h.url}/rosters`);
    const list = county.getByTestId("unregistered");
    await list.waitFor();
    await list.getByText("温岭市未注册示范有限公司").waitFor();
    await county.getByTestId("unregistered-export").click();
    await county.getByTestId("unregistered-export-done").waitFor();
    // The city's 导入名单 and 名称核对 are not the county's.
    expect(await county.getByRole("tab", { name: "导入名单" }).count()).toBe(0);
  }, 60_000);
});
