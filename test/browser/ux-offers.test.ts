import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importRoster } from "../../src/rosters/import-roster.ts";
import { axe } from "./checks.ts";
import { type Cast, Harness, seedCast, shoot, USERS } from "./fixtures.ts";

/**
 * 免申即享 as the enterprise meets it: the city imports a 品字标 roster; on 我的申报 the
 * enterprise is told it has an offer, opens it, commits and confirms in one action; 消息中心 has
 * the message with a link to the case, and a wrong e-mail address for the notices is refused at
 * its field.
 */

let h: Harness;
let cast: Cast;
let offerNumber = "";

beforeAll(async () => {
  h = await Harness.start();
  cast = await seedCast(h.ctx);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("名单");
  sheet.addRow(["统一社会信用代码", "企业名称", "证书编号", "发证日期", "证书类型", "市级备案"]);
  sheet.addRow([
    cast.linhai.uscc,
    cast.linhai.name,
    "ZJPZB-2025-0907",
    "2025-05-20",
    "首次认证",
    "是",
  ]);
  const report = await importRoster(h.ctx, cast.actors[USERS.city], {
    kind: "pinzibiao",
    filename: "品字标名单.xlsx",
    data: new Uint8Array(await book.xlsx.writeBuffer()),
    dryRun: false,
  });
  offerNumber = report.rows[0]?.application?.number ?? "";
}, 120_000);
afterAll(async () => {
  await h?.close();
});

describe("an offer in the enterprise's web", () => {
  it("is announced on 我的申报, and confirmed in one action with the commitment", async () => {
    expect(offerNumber).toMatch(/^QI-/);
    const page = await h.as(USERS.entLinhai);
    await page.goto(`${h.url}/my/applications`);
    const hint = page.getByTestId("offers-hint");
    await hint.waitFor();
    expect(await hint.textContent()).toContain("您有 1 项奖励待确认");
    await page.getByRole("link", { name: offerNumber }).click();
    const notice = page.getByTestId("offer-notice");
    await notice.waitFor();
    expect(await notice.textContent()).toContain("200,000 元");
    // The account the award is paid to is in view before confirming.
    const account = page.getByTestId("offer-account");
    await account.waitFor();
    expect(await account.textContent()).toMatch(/收款账户：.+（已核验）|尚无已核验的收款账户/);
    // Without the commitment the button stays off.
    expect(await page.getByTestId("offer-confirm").isDisabled()).toBe(true);
    await page.getByTestId("offer-commitment").click();
    await page.getByTestId("offer-confirm").click();
    await page.locator('[data-testid="case-state"][data-state="submitted"]').waitFor();
    await shoot(page, "offer-confirmed");
  });

  it("消息中心 tells of the offer with a link to it, and refuses a wrong e-mail address", async () => {
    const page = await h.as(USERS.entLinhai);
    await page.goto(`${h.url}/my/messages`);
    const notices = page.getByTestId("org-notices");
    await notices.getByTestId("notice").first().waitFor();
    expect(await notices.textContent()).toContain("您有 1 项奖励待确认");
    await page.getByTestId("notify-email").fill("wang.at.example");
    await page.getByTestId("notify-email-on").click();
    await page.getByTestId("notify-save").click();
    const field = page.locator(".ant-form-item-explain-error");
    await field.first().waitFor();
    expect(await field.first().textContent()).toContain("电子邮箱格式不正确");
    expect((await axe(page, "messages", { withoutFrame: true })).blocking).toEqual([]);
  });

  it("has no serious accessibility fault on 我的申报 with the offer's hint", async () => {
    const page = await h.as(USERS.entLinhai);
    await page.goto(`${h.url}/my/applications`);
    await page.getByTestId("my-filter").waitFor();
    expect((await axe(page, "my applications", { withoutFrame: true })).blocking).toEqual([]);
  });
});
