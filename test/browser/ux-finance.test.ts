import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { closePublicity } from "../../src/jobs/close-due-publicity.ts";
import { createPaymentBatch } from "../../src/payments/create-payment-batch.ts";
import { addDays } from "../../src/policy/dates.ts";
import { axe } from "./checks.ts";
import {
  apiGet,
  type Cast,
  caseInPublicity,
  confirmDialog,
  fileCase,
  Harness,
  PASSWORD,
  seedCast,
  shoot,
  stepsTo,
  USERS,
  type Username,
} from "./fixtures.ts";
import { signIn } from "./support.ts";

/**
 * Finance's and the city's money pages as their users meet them: payment batches are listed and
 * opened by their number, 生成批次 is offered for exactly the awards it will take, awards and
 * batches name their items, publishing a publicity list asks first, and every page passes axe at
 * desk and phone size.
 */

let h: Harness;
let cast: Cast;
/** A budget whose every unpaid award already sits in a pending batch, and that batch. */
let batched: { year: number; source: string; number: string };
/** A budget with one award in no batch. */
let free: { year: number; source: string; award: string };
/** An approved case waiting to be published. */
let approved: { id: string; number: string };

interface AwardRow {
  number: string;
  item: string;
  applicationId: string;
  year: number;
  source: string;
}

beforeAll(async () => {
  h = await Harness.start();
  cast = await seedCast(h.ctx);
  const a = await caseInPublicity(
    h.ctx,
    cast,
    USERS.entWenling,
    { item: "2.4.e", subject: "台州市专利标准融合发展示范企业（2025 年度）" },
    h.today(),
  );
  const b = await caseInPublicity(
    h.ctx,
    cast,
    USERS.entLinhai,
    { item: "1.3.b", subject: "台州市产业链数字化质量管理创新示范单位 2025" },
    h.today(),
  );
  approved = await fileCase(
    h.ctx,
    cast,
    USERS.entWenling,
    { item: "3.3.a", subject: "CNAS 认可实验室 L2025-0417", eventDate: "2025-03-18" },
    stepsTo(USERS.entWenling, "approved"),
  );
  const lastDay = [a.endDate, b.endDate].sort()[1] ?? a.endDate;
  await h.jumpTo(addDays(lastDay, 1));
  await closePublicity(h.ctx);
  const rows = await h.ctx.database.db
    .selectFrom("awards")
    .select(["number", "application_id", "year", "source"])
    .execute();
  const awardOf = (id: string) => {
    const r = rows.find((x) => x.application_id === id);
    if (!r) throw new Error(`no award for ${id}`);
    return r;
  };
  const first = awardOf(a.id);
  const second = awardOf(b.id);
  expect(first.source).not.toBe(second.source);
  const created = await createPaymentBatch(
    h.ctx,
    cast.actors[USERS.finance],
    { year: first.year, source: first.source },
    "ux-finance-batch-1",
  );
  batched = { year: first.year, source: first.source, number: created.number };
  free = { year: second.year, source: second.source, award: second.number };
}, 240_000);

afterAll(async () => {
  await h?.close();
});

afterEach(() => {
  expect(h.pageErrors.splice(0)).toEqual([]);
});

/** The names of the items as the catalog answers them (policy of the award's case). */
async function itemTitles(page: Page): Promise<Map<string, string>> {
  const { items: policies } = await apiGet<{
    items?: { id: string }[];
    policies?: { id: string }[];
  }>(page, "/api/v1/policies").then((r) => ({ items: r.items ?? r.policies ?? [] }));
  const out = new Map<string, string>();
  for (const p of policies) {
    const { items } = await apiGet<{ items: { id: string; title: string }[] }>(
      page,
      `/api/v1/policies/${encodeURIComponent(p.id)}/items`,
    );
    for (const i of items) if (!out.has(i.id)) out.set(i.id, i.title);
  }
  return out;
}

async function phoneAs(username: Username): Promise<Page> {
  const page = await h.page("phone");
  await signIn(page, h.url, username, PASSWORD);
  h.signIns++;
  return page;
}

describe("finance finds and opens payment batches", () => {
  it("lists the batches with number, state and totals, and opens one from the list", async () => {
    const page = await h.as(USERS.finance);
    await page.goto(`${h.url}/finance/payments`);
    const row = page.getByTestId(`batch-row-${batched.number}`);
    await row.waitFor({ timeout: 15_000 });
    const text = (await row.textContent()) ?? "";
    expect(text).toContain("待登记结果");
    await row.getByRole("link", { name: batched.number }).click();
    await page.getByTestId("payment-batch-number").getByText(batched.number).waitFor();
  });

  it("opens a batch by the number typed in", async () => {
    const page = await h.as(USERS.finance);
    await page.goto(`${h.url}/finance/payments`);
    const input = page.getByLabel("批次编号", { exact: true });
    await input.fill(batched.number);
    const open = page.getByTestId("payment-open");
    await expect.poll(() => open.isEnabled()).toBe(true);
    await open.click();
    await page.getByTestId("payment-batch-number").getByText(batched.number).waitFor();
  });

  it("offers 生成批次 only for awards not yet in a batch, and the batch takes them", async () => {
    const page = await h.as(USERS.finance);
    await page.goto(`${h.url}/finance/payments`);
    const ready = page.getByTestId(`unpaid-${free.year}-${free.source}`);
    await ready.waitFor();
    // 笔数, the third cell: the one award not yet in a batch.
    await expect(ready.locator("td").nth(2).textContent()).resolves.toBe("1");
    // The budget whose awards all wait in a pending batch has nothing left to put in a new one.
    await expect(
      page.getByTestId(`unpaid-${batched.year}-${batched.source}`).count(),
    ).resolves.toBe(0);
    await page.getByTestId(`payment-create-${free.year}-${free.source}`).click();
    await page.getByTestId("payment-batch-number").waitFor();
    await page.getByTestId(`line-${free.award}`).waitFor();
  });
});

describe("item names instead of item ids", () => {
  it("shows the item's name on the awards and batch pages and in the batch's .xlsx", {
    timeout: 90_000,
  }, async () => {
    const page = await h.as(USERS.finance);
    await page.goto(`${h.url}/finance/awards`);
    const titles = await itemTitles(page);
    const { items } = await apiGet<{ items: AwardRow[] }>(page, "/api/v1/awards");
    const award = items.find((x) => x.number === free.award);
    if (!award) throw new Error("award missing");
    const title = titles.get(award.item);
    expect(title).toBeTruthy();
    const row = page.getByTestId(`award-${award.number}`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(title);

    await page.goto(`${h.url}/finance/payments/${batched.number}`);
    const batch = await apiGet<{ id: string; lines: { award: string; item: string }[] }>(
      page,
      `/api/v1/payment-batches/${batched.number}`,
    );
    const line = batch.lines[0];
    if (!line) throw new Error("empty batch");
    const lineTitle = titles.get(line.item);
    await expect(page.getByTestId(`line-${line.award}`).textContent()).resolves.toContain(
      lineTitle,
    );

    const res = await page.request.get(`${h.url}/api/v1/payment-batches/${batch.id}/export`);
    expect(res.status()).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.body()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error("no sheet");
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const col = header.indexOf("奖励项目");
    expect(col).toBeGreaterThan(0);
    expect(String(sheet.getRow(2).getCell(col).value)).toBe(lineTitle);
  });
});

describe("publishing a publicity list", () => {
  it("asks for confirmation, naming the cases and the period, before it publishes", {
    timeout: 60_000,
  }, async () => {
    const page = await h.as(USERS.city);
    await page.goto(`${h.url}/publicity`);
    await page.getByTestId("publicity-create").click();
    await page.getByTestId("publicity-create-form").waitFor();
    const row = page.getByTestId(`publicity-case-${approved.number}`);
    await row.waitFor();
    const boxes = page.getByTestId("publicity-cases").locator("input[type=checkbox]");
    for (const label of await boxes.evaluateAll((els) =>
      els.map((e) => e.getAttribute("aria-label") ?? ""),
    ))
      expect(label).toMatch(/[\u4e00-\u9fff]/);
    await row.locator("input[type=checkbox]").check();
    await page.getByTestId("publicity-working-days").fill("5");
    const before = await apiGet<{ items: unknown[] }>(page, "/api/v1/public/publicity");
    await page.getByTestId("publicity-create-submit").click();
    const dialog = page.locator(".ant-modal-confirm");
    await dialog.waitFor();
    const text = (await dialog.textContent()) ?? "";
    expect(text).toContain(approved.number);
    expect(text).toContain("5 个工作日");
    // Nothing is published while the question is open.
    const during = await apiGet<{ items: unknown[] }>(page, "/api/v1/public/publicity");
    expect(during.items.length).toBe(before.items.length);
    await confirmDialog(page);
    await page.getByTestId("publicity-batch-number").waitFor();
    const after = await apiGet<{ items: unknown[] }>(page, "/api/v1/public/publicity");
    expect(after.items.length).toBe(before.items.length + 1);
  });
});

describe("the money pages at desk and phone size", () => {
  it("have no serious or critical accessibility fault", { timeout: 240_000 }, async () => {
    const pages: [Username, string, string, string][] = [
      [USERS.finance, "/finance/budgets", "budget-year", "finance budgets"],
      [USERS.finance, "/finance/awards", `award-${free.award}`, "finance awards"],
      [USERS.finance, "/finance/payments", `batch-row-${batched.number}`, "finance payments"],
      [
        USERS.finance,
        `/finance/payments/${batched.number}`,
        "payment-batch-number",
        "finance batch",
      ],
      [USERS.finance, "/finance/accounts", "account-changes-page", "finance accounts"],
      [USERS.auditor, "/finance/ledger", "ledger-result", "auditor ledger"],
      [USERS.city, "/publicity", "publicity-create", "city publicity"],
    ];
    const phones = new Map<Username, Page>();
    const failures: string[] = [];
    for (const [user, path, ready, name] of pages) {
      const desk = await h.as(user);
      let phone = phones.get(user);
      if (!phone) {
        phone = await phoneAs(user);
        phones.set(user, phone);
      }
      for (const [size, page] of [
        ["desk", desk],
        ["phone", phone],
      ] as const) {
        await page.goto(`${h.url}${path}`);
        await page.getByTestId(ready).first().waitFor();
        await shoot(page, `ux-finance-${name.replace(/ /g, "-")}-${size}`);
        // The app's frame (header, menu) is checked by ux-shell.test.ts; these are the pages'.
        const result = await axe(page, `${name} ${size}`, { withoutFrame: true });
        for (const v of result.blocking)
          failures.push(`${name} ${size}: ${v.id} ${v.targets.join(" | ")}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
