import { statSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BrowserServer,
  ensureWebBuilt,
  launchBrowser,
  newSession,
  screenshot,
  startBrowserServer,
} from "./support.ts";

let server: BrowserServer;
let browser: Browser;

beforeAll(async () => {
  ensureWebBuilt();
  server = await startBrowserServer();
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function pick(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page.locator(".ant-select-item-option:visible").filter({ hasText: text }).first().click();
}

async function date(page: Page, testId: string, value: string) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(value);
  await input.press("Enter");
}

describe("public pages in a real browser", () => {
  it("the policy page lists every item by part, with amounts and clauses", async () => {
    const page = await (await newSession(browser)).newPage();
    await page.goto(`${server.url}/policy`);
    await page
      .getByText("关于持续推进质量强市建设激发质量提升活力的若干意见（2023年修订）")
      .waitFor();
    const catalog: any = await (
      await fetch(`${server.url}/api/v1/policies/taizhou-quality-2023/items`)
    ).json();
    const items = catalog.items as { id: string; title: string; clause: string }[];
    for (const item of items)
      await expect(
        page.getByRole("cell", { name: item.title, exact: true }).count(),
      ).resolves.toBeGreaterThan(0);
    expect(statSync(await screenshot(page, "policy")).size).toBeGreaterThan(10_000);
  });

  it("the calculator's figures equal POST /api/v1/calculate for the same input", async () => {
    const page = await (await newSession(browser)).newPage();
    await page.goto(`${server.url}/calculator`);
    await page.getByTestId("calc-uscc").fill("91331082390996033J");
    await page.getByTestId("calc-name").fill("示例科技股份有限公司");
    await pick(page, "calc-county", "临海市");
    // Claim 1: a 品字标 certificate (granted); claim 2: the same item, not filed (refused).
    await pick(page, "calc-item-0", "1.1.g");
    await date(page, "calc-date-0", "2023-05-01");
    await page.getByTestId("calc-subject-0").fill("品字标证书 ZJM-2023-0001");
    await page.getByTestId("fact-0-municipalFiling").click();
    await pick(page, "fact-0-certificate", "首张认证证书");
    await page.getByTestId("calc-add").click();
    await pick(page, "calc-item-1", "2.1.a");
    await date(page, "calc-date-1", "2022-12-01");
    await page.getByTestId("calc-subject-1").fill("GB/T 1-2022");
    await page.getByTestId("calc-submit").click();
    await page.getByTestId("calc-result").waitFor();

    const api: any = await (
      await fetch(`${server.url}/api/v1/calculate`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          organization: {
            uscc: "91331082390996033J",
            name: "示例科技股份有限公司",
            county: "临海市",
          },
          claims: [
            {
              id: "c1",
              item: "1.1.g",
              subject: "品字标证书 ZJM-2023-0001",
              eventDate: "2023-05-01",
              submittedAt: "2023-06-01T10:00:00+08:00",
              facts: { municipalFiling: true, certificate: "first" },
            },
            {
              id: "c2",
              item: "2.1.a",
              subject: "GB/T 1-2022",
              eventDate: "2022-12-01",
              submittedAt: "2023-06-01T10:00:00+08:00",
              facts: {},
            },
          ],
        }),
      })
    ).json();
    for (const d of api.decisions as {
      claim: string;
      amountYuan: number;
      reasons: { message: string }[];
    }[]) {
      const shown = page.getByTestId(`calc-decision-${d.claim}`);
      await expect(shown.getAttribute("data-amount")).resolves.toBe(String(d.amountYuan));
      await expect(shown.getByTestId("decision-amount").textContent()).resolves.toContain(
        d.amountYuan.toLocaleString("zh-CN"),
      );
      for (const r of d.reasons)
        await page.getByText(r.message, { exact: false }).first().waitFor();
    }
    await expect(page.getByTestId("calc-result").textContent()).resolves.toContain(
      `${(api.totalYuan as number).toLocaleString("zh-CN")} 元`,
    );
    expect(api.decisions.map((d: { status: string }) => d.status)).toEqual(["granted", "refused"]);
    await screenshot(page, "calculator");
  });

  it("a code the API's own schema refuses is shown at its field, in the browser, and nothing is computed", async () => {
    const page = await (await newSession(browser)).newPage();
    await page.goto(`${server.url}/calculator`);
    await page.getByTestId("calc-uscc").fill("91331082390996033X");
    await page.getByTestId("calc-name").fill("示例");
    await pick(page, "calc-county", "临海市");
    await pick(page, "calc-item-0", "1.1.f");
    await date(page, "calc-date-0", "2023-05-01");
    await page.getByTestId("calc-subject-0").fill("市政府质量奖");
    await page.getByTestId("calc-submit").click();
    await page
      .locator(".ant-form-item-explain-error")
      .filter({ hasText: "校验" })
      .first()
      .waitFor();
    expect(await page.getByTestId("calc-result").count()).toBe(0);
  });

  it("the public publicity page works on a phone", async () => {
    const page = await (await newSession(browser, "phone")).newPage();
    await page.goto(`${server.url}/publicity/public`);
    await page.getByText("目前没有公示").waitFor();
    await screenshot(page, "publicity-phone");
  });
});
