import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { axe, horizontalOverflow } from "./checks.ts";
import {
  type Cast,
  type Filed,
  fileCase,
  Harness,
  PASSWORD,
  quiet,
  seedBackground,
  seedCast,
  stepsTo,
  USERS,
} from "./fixtures.ts";
import { screenshot, signIn } from "./support.ts";

/**
 * The review workbench as its officials use it: the county's queue holds no enterprise's draft,
 * the city's opens on what waits for the city (全部 one click away), the filters and page live in
 * the address, 导出当前筛选 exports exactly the filtered rows, and the queue and a case under
 * review pass axe at desk and phone size.
 */

let h: Harness;
let cast: Cast;
let draft: Filed;
let cityCase: Filed;

beforeAll(async () => {
  h = await Harness.start();
  cast = await seedCast(h.ctx);
  await seedBackground(h.ctx, cast);
  draft = await fileCase(h.ctx, cast, USERS.entWenling, {
    item: "1.2.a",
    subject: "省先进质量管理孵化基地（未提交）",
  });
  cityCase = await fileCase(
    h.ctx,
    cast,
    USERS.entWenling,
    { item: "2.1.d", subject: "“浙江制造”标准 T/ZZB 3310-2025 屏蔽电泵" },
    stepsTo(USERS.entWenling, "city_review"),
  );
  await fileCase(
    h.ctx,
    cast,
    USERS.entWenling,
    { item: "2.1.a", subject: "GB/T 45000-2025 第一起草单位" },
    stepsTo(USERS.entWenling, "approved"),
  );
}, 180_000);

afterAll(async () => {
  await h?.close();
});

afterEach(() => {
  expect(h.pageErrors.splice(0)).toEqual([]);
});

async function rowNumbers(page: Page): Promise<string[]> {
  await quiet(page);
  const ids = await page
    .locator("[data-testid^='queue-row-']")
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-testid") ?? ""));
  return ids.map((id) => id.replace("queue-row-", "")).sort();
}

async function numbersIn(filter: { state?: string; county?: string; item?: string }) {
  let q = h.ctx.database.db
    .selectFrom("applications")
    .select("number")
    .where("submitted_at", "is not", null);
  if (filter.state) q = q.where("state", "=", filter.state as "city_review");
  if (filter.county) q = q.where("county", "=", filter.county);
  if (filter.item) q = q.where("item", "=", filter.item);
  return (await q.execute()).map((r) => r.number).sort();
}

/** A fresh signed-in page of `username` at phone size. */
async function phoneAs(username: string): Promise<Page> {
  const page = await h.page("phone");
  await signIn(page, h.url, username, PASSWORD);
  h.signIns++;
  return page;
}

describe("the review workbench", () => {
  it("the county queue lists no draft, in any tab, nor by searching for it", async () => {
    const county = await h.as(USERS.countyWenling);
    await county.goto(`${h.url}/review?state=all`);
    await county.getByTestId("queue-table").waitFor();
    const shown = await rowNumbers(county);
    expect(shown).not.toContain(draft.number);
    expect(shown).toEqual(await numbersIn({ county: "温岭市" }));
    expect(await county.getByTestId("tab-draft").count()).toBe(0);
    await expect(county.locator("body").textContent()).resolves.not.toContain("（未提交）");
    await county.goto(`${h.url}/review?state=all&q=${draft.number}`);
    await county.getByText("没有符合筛选条件的申报").waitFor();
  });

  it("the city queue opens on the cases waiting for the city; 全部 is one click away", async () => {
    const city = await h.as(USERS.city);
    await city.goto(`${h.url}/review`);
    await city.getByTestId("queue-table").waitFor();
    const waiting = await numbersIn({ state: "city_review" });
    expect(waiting).toContain(cityCase.number);
    expect(await rowNumbers(city)).toEqual(waiting);
    const all = await numbersIn({});
    expect(all.length).toBeGreaterThan(waiting.length);
    await city.getByTestId("tab-all").click();
    await city.waitForURL(/state=all/);
    await expect.poll(() => rowNumbers(city)).toEqual(all);
  });

  it("filters and page are in the address; 导出当前筛选 downloads exactly the filtered rows", async () => {
    const city = await h.as(USERS.city);
    await city.goto(`${h.url}/review?state=all&county=${encodeURIComponent("临海市")}`);
    await city.getByTestId("queue-table").waitFor();
    const linhai = await numbersIn({ county: "临海市" });
    expect(await rowNumbers(city)).toEqual(linhai);
    // The county select shows the filter the address holds, and a reload keeps it.
    await expect(city.getByTestId("queue-county").textContent()).resolves.toContain("临海市");
    await city.reload();
    await city.getByTestId("queue-table").waitFor();
    expect(await rowNumbers(city)).toEqual(linhai);
    const [download] = await Promise.all([
      city.waitForEvent("download"),
      city.getByTestId("export-filtered").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^申报列表-.*\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const numbers: string[] = [];
    sheet?.eachRow((row, n) => {
      if (n > 1) numbers.push(String(row.getCell(1).value));
    });
    expect(numbers.sort()).toEqual(linhai);
  });

  it("names items by their catalog titles and writes amounts with separators", async () => {
    const city = await h.as(USERS.city);
    await city.goto(`${h.url}/review`);
    const row = city.getByTestId(`queue-row-${cityCase.number}`);
    await row.waitFor();
    const text = (await row.textContent()) ?? "";
    expect(text).toMatch(/2\.1\.d [\u4e00-\u9fff“”]/);
    expect(text).toMatch(/\d{1,3}(,\d{3})+ 元/);
    await row.click();
    await city.getByTestId("case-state").waitFor();
    await city.getByTestId("engine-decision").waitFor();
    await expect(city.title()).resolves.toContain(cityCase.number);
    const body = (await city.locator("main, body").first().textContent()) ?? "";
    expect(body).not.toMatch(/\d{5,} 元/);
  });

  it("no English label reaches a screen reader on the queue or the case", async () => {
    const city = await h.as(USERS.city);
    for (const path of ["/review?state=all", `/review/${cityCase.id}`]) {
      await city.goto(`${h.url}${path}`);
      await quiet(city);
      const labels = await city
        .locator("main [aria-label], main [title]")
        .evaluateAll((els) =>
          els.map((e) => e.getAttribute("aria-label") ?? e.getAttribute("title") ?? ""),
        );
      for (const label of labels) expect(label, path).not.toMatch(/\b(Select|row|Search)\b/i);
    }
  });

  it("the county queue, the city queue and a case pass axe at desk and phone size", async () => {
    const pages: [string, string, string][] = [
      ["county-queue", USERS.countyWenling, "/review"],
      ["city-queue", USERS.city, "/review"],
      ["review-case", USERS.city, `/review/${cityCase.id}`],
    ];
    for (const [name, user, path] of pages) {
      for (const device of ["desk", "phone"] as const) {
        const page = device === "desk" ? await h.as(user as "city") : await phoneAs(user);
        await page.goto(`${h.url}${path}`);
        await page
          .getByTestId(name === "review-case" ? "engine-decision" : "queue-table")
          .waitFor();
        await quiet(page);
        await screenshot(page, `ux-review-${name}-${device}`);
        // The app's frame (header, menu) is checked by ux-shell.test.ts; this is the page's.
        const result = await axe(page, `${name} ${device}`, { withoutFrame: true });
        expect(result.blocking, `${name} ${device}`).toEqual([]);
        if (device === "phone") {
          const overflow = await horizontalOverflow(page);
          expect(overflow.scrollWidth, `${name} ${overflow.widest}`).toBeLessThanOrEqual(
            overflow.innerWidth,
          );
          await page.context().close();
        }
      }
    }
  }, 120_000);
});
