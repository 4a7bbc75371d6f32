import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { axe, horizontalOverflow } from "./checks.ts";
import {
  apiGet,
  type Cast,
  Harness,
  inputOf,
  PASSWORD,
  seedCast,
  shoot,
  USERS,
  type Username,
  yuan,
} from "./fixtures.ts";
import { signIn } from "./support.ts";

/**
 * 政策匹配 as the enterprise meets it: the city imports, through the API, a green-food roster row
 * naming the enterprise that lacks the years of passed annual inspections, and a 品字标 roster
 * that makes an offer. 我的申报 then lists both: the offer to confirm, and the row to complete,
 * whose 去测算 opens the calculator with the item, the date and the roster's facts filled in. The
 * offer's case shows 名单依据 — the roster's row, cell by cell — to the enterprise and to the
 * officials. Every page fits a desk and a phone without sideways scrolling.
 */
vi.setConfig({ testTimeout: 120_000 });

let h: Harness;
let cast: Cast;
let offer: { id: string; number: string };
let certificate = "";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A roster file as an official saves it from Excel: a header row, then the rows. */
async function workbook(rows: (string | number | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("名单");
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

interface Report {
  import: { id: string; number: string } | null;
  counts: { rows: number; offers: number; refused: number };
  rows: {
    row: number;
    decision: "offered" | "refused" | null;
    reason: string | null;
    application: { id: string; number: string } | null;
  }[];
}

/** POST /api/v1/rosters/imports as the signed-in page, the file as multipart form data. */
async function importRoster(
  page: Page,
  kind: string,
  filename: string,
  data: Buffer,
): Promise<Report> {
  const session = await apiGet<{ session: { csrfToken: string } }>(page, "/api/v1/auth/session");
  const res = await page.request.post(`${h.url}/api/v1/rosters/imports?kind=${kind}&dryRun=false`, {
    headers: { "x-csrf-token": session.session.csrfToken },
    multipart: { file: { name: filename, mimeType: XLSX, buffer: data } },
  });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as Report;
}

beforeAll(async () => {
  // The test world's day is 2025-06-10, inside the policy period 2023-02-11..2026-02-10.
  h = await Harness.start();
  cast = await seedCast(h.ctx);
  const city = await h.as(USERS.city);
  const green = await importRoster(
    city,
    "green-products",
    "绿色食品认证名单.xlsx",
    await workbook([
      [
        "统一社会信用代码",
        "企业名称",
        "证书编号",
        "产品名称",
        "发证日期",
        "认证类别",
        "连续年检合格年数",
      ],
      [
        cast.linhai.uscc,
        cast.linhai.name,
        "LB-2023-0601-0417",
        "华宇牌铁皮石斛",
        "2023-06-01",
        "绿色食品认证",
        null,
      ],
    ]),
  );
  // Not granted: the roster does not say how many annual inspections were passed.
  expect(green.counts).toMatchObject({ rows: 1, offers: 0, refused: 1 });
  certificate = "ZJPZB-2025-0613";
  const pinzibiao = await importRoster(
    city,
    "pinzibiao",
    "品字标名单.xlsx",
    await workbook([
      ["统一社会信用代码", "企业名称", "证书编号", "发证日期", "证书类型", "市级备案"],
      [cast.linhai.uscc, cast.linhai.name, certificate, "2025-05-20", "首次认证", "是"],
    ]),
  );
  expect(pinzibiao.counts).toMatchObject({ rows: 1, offers: 1 });
  const made = pinzibiao.rows[0]?.application;
  if (!made) throw new Error("the 品字标 roster made no offer");
  offer = made;
}, 180_000);

afterAll(async () => {
  await h?.close();
});

/** The enterprise signed in on a phone-sized browser. */
async function phoneOf(username: Username): Promise<Page> {
  const page = await h.page("phone");
  await signIn(page, h.url, username, PASSWORD);
  h.signIns++;
  return page;
}

describe("政策匹配 on 我的申报", () => {
  it("lists the offer to confirm and the roster row to complete", async () => {
    const page = await h.as(USERS.entLinhai);
    await page.goto(`${h.url}/my/applications`);
    const card = page.getByTestId("policy-matches");
    await card.waitFor();
    // The offers' hint is still the one that announces them.
    expect(await page.getByTestId("offers-hint").textContent()).toContain("您有 1 项奖励待确认");

    const offered = card.getByTestId(`match-offer-${offer.number}`);
    const offerText = (await offered.textContent()) ?? "";
    expect(offerText).toContain("“品字标”首张认证证书或通过认证复评审");
    expect(offerText).toContain(certificate);
    expect(offerText).toContain(yuan(200_000));
    expect(offerText).toMatch(/确认期限：\d{4}-\d{2}-\d{2}/);

    const toComplete = card.getByTestId("matches-to-complete");
    const rowText = (await toComplete.textContent()) ?? "";
    expect(rowText).toContain("名单已列出，补充信息后可申报");
    expect(rowText).toContain("中国绿色产品认证或绿色食品认证");
    expect(rowText).toContain("LB-2023-0601-0417");
    expect(rowText).toContain("事件日期：2023-06-01");
    expect(await toComplete.getByTestId("match-missing").textContent()).toContain(
      "连续年检合格年数",
    );
    await shoot(page, "ux-matches-my-applications");
  });

  it("去测算 opens the calculator with the item, date and facts of the roster", async () => {
    const page = await h.as(USERS.entLinhai);
    await page.goto(`${h.url}/my/applications`);
    await page.getByTestId("matches-to-complete").getByTestId("match-calculate").click();
    await page.waitForURL(/\/calculator\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get("item")).toBe("3.3.c");
    expect(url.searchParams.get("eventDate")).toBe("2023-06-01");
    expect(JSON.parse(url.searchParams.get("facts") ?? "{}")).toMatchObject({
      route: "green-food",
    });

    await page.getByTestId("calc-prefill-note").waitFor();
    expect(await page.getByTestId("calc-prefill-note").textContent()).toContain(
      "已按名单记录预填，请补充缺少的信息后测算",
    );
    expect(await page.getByTestId("calc-item-0").textContent()).toContain("3.3.c");
    expect(await (await inputOf(page, "calc-date-0")).inputValue()).toBe("2023-06-01");
    expect(await page.getByTestId("fact-0-route").textContent()).toContain("绿色食品认证");
    const inspections = page.getByLabel("连续年检合格年数");
    expect(await inspections.inputValue()).toBe("");
    // The enterprise's own organization is filled in: it supplies the missing fact and measures.
    await expect.poll(() => page.getByTestId("calc-name").inputValue()).toBe(cast.linhai.name);
    await inspections.fill("3");
    await page.getByTestId("calc-submit").click();
    const result = page.getByTestId("calc-result");
    await result.waitFor();
    expect(await result.textContent()).toContain(yuan(100_000));
    await shoot(page, "ux-matches-calculator");
  });

  it("ignores a pre-fill it cannot use, without an error", async () => {
    const page = await h.as(USERS.entLinhai);
    await page.goto(`${h.url}/calculator?item=9.9.z&eventDate=2025-13-45&facts=%7Bnot-json`);
    await page.getByTestId("calculator-form").waitFor();
    expect(await page.getByTestId("calc-prefill-note").count()).toBe(0);
    expect(await (await inputOf(page, "calc-date-0")).inputValue()).toBe("");
    // A known item with a fact of the wrong kind keeps the item and leaves the fact out.
    const facts = encodeURIComponent(JSON.stringify({ route: "solar", other: 1 }));
    await page.goto(`${h.url}/calculator?item=3.3.c&facts=${facts}`);
    await page.getByTestId("calc-prefill-note").waitFor();
    expect(await page.getByTestId("calc-item-0").textContent()).toContain("3.3.c");
    expect(await page.getByTestId("fact-0-route").textContent()).not.toContain("绿色");
    expect(await page.locator(".ant-alert-error").count()).toBe(0);
  });
});

/**
 * Opens each page at desk (1366×768) and phone (390×844) size: what does not fit, or has a serious
 * accessibility fault, is a failure; a screenshot of each is taken at the element that shows it.
 */
async function checkSizes(pages: [Username, string, string, string][]): Promise<string[]> {
  const failures: string[] = [];
  const phones = new Map<Username, Page>();
  for (const device of ["desk", "phone"] as const) {
    for (const [who, path, ready, name] of pages) {
      let page: Page;
      if (device === "desk") page = await h.as(who);
      else {
        page = phones.get(who) ?? (await phoneOf(who));
        phones.set(who, page);
      }
      await page.goto(`${h.url}${path}`);
      await page.getByTestId(ready).waitFor();
      await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => undefined);
      const overflow = await horizontalOverflow(page);
      if (overflow.scrollWidth > overflow.innerWidth)
        failures.push(`${name} ${device}: scrolls sideways (${overflow.widest})`);
      const result = await axe(page, `${name} ${device}`, { withoutFrame: true });
      for (const v of result.blocking)
        failures.push(`${name} ${device}: ${v.id} ${v.help} ${v.targets.join(" | ")}`);
      await shoot(page, `ux-matches-${name}-${device}`, page.getByTestId(ready));
    }
  }
  for (const page of phones.values()) await page.context().close();
  return failures;
}

describe("名单依据 on the offer's case", () => {
  it("shows the enterprise the roster's row before it confirms", async () => {
    const page = await h.as(USERS.entLinhai);
    await page.goto(`${h.url}/my/applications`);
    await page.getByTestId(`match-offer-${offer.number}`).getByTestId("match-confirm").click();
    await page.waitForURL(new RegExp(`/my/applications/${offer.id}$`));
    const evidence = page.getByTestId("roster-evidence");
    await evidence.waitFor();
    const text = (await evidence.textContent()) ?? "";
    expect(text).toContain("名单依据");
    expect(text).toMatch(/导入批次 \S+ · 第 2 行/);
    expect(text).toContain("品字标名单.xlsx");
    const cells = evidence.getByTestId("roster-cells");
    for (const [header, value] of [
      ["统一社会信用代码", cast.linhai.uscc],
      ["企业名称", cast.linhai.name],
      ["证书编号", certificate],
      ["发证日期", "2025-05-20"],
      ["证书类型", "首次认证"],
      ["市级备案", "是"],
    ] as const) {
      const row = cells.locator("tr").filter({ hasText: header });
      expect(await row.textContent(), header).toContain(value);
    }
    // The facts come before the commitment and the confirm button.
    const factsTop = (await evidence.boundingBox())?.y ?? 0;
    const confirmTop = (await page.getByTestId("offer-confirm").boundingBox())?.y ?? 0;
    expect(factsTop).toBeLessThan(confirmTop);
    expect(await page.getByTestId("offer-confirm").isDisabled()).toBe(true);
    await shoot(page, "ux-matches-offer-case");
  });

  it("fits a desk and a phone: 我的申报, the pre-filled calculator and the offer", {
    timeout: 240_000,
  }, async () => {
    const facts = encodeURIComponent(JSON.stringify({ route: "green-food" }));
    const failures = await checkSizes([
      [USERS.entLinhai, "/my/applications", "policy-matches", "my-applications"],
      [
        USERS.entLinhai,
        `/calculator?item=3.3.c&eventDate=2023-06-01&facts=${facts}`,
        "calc-prefill-note",
        "calculator",
      ],
      [USERS.entLinhai, `/my/applications/${offer.id}`, "roster-evidence", "offer-case"],
    ]);
    expect(failures).toEqual([]);
  });

  it("stays on the case once confirmed, and the officials review it with the same row", async () => {
    const ent = await h.as(USERS.entLinhai);
    await ent.goto(`${h.url}/my/applications/${offer.id}`);
    await ent.getByTestId("offer-commitment").click();
    await ent.getByTestId("offer-confirm").click();
    await ent.locator('[data-testid="case-state"][data-state="submitted"]').waitFor();
    expect(await ent.getByTestId("roster-evidence").textContent()).toContain(certificate);

    // A case never submitted is the enterprise's alone; confirmed, the county reviews it.
    const page = await h.as(USERS.countyLinhai);
    await page.goto(`${h.url}/review/${offer.id}`);
    const evidence = page.getByTestId("roster-evidence");
    await evidence.waitFor();
    const text = (await evidence.textContent()) ?? "";
    expect(text).toContain("“品字标”认证证书名单");
    expect(text).toContain(certificate);
    expect(await evidence.locator("tr").filter({ hasText: "市级备案" }).textContent()).toContain(
      "是",
    );
    // No file was uploaded: the evidence card says why, and where the basis is.
    expect(await page.getByText("免申即享").first().isVisible()).toBe(true);
    await shoot(page, "ux-matches-review-case", evidence);
  });

  it("fits a desk and a phone: the confirmed case and the review page", {
    timeout: 240_000,
  }, async () => {
    const failures = await checkSizes([
      [USERS.entLinhai, `/my/applications/${offer.id}`, "roster-evidence", "my-case"],
      [USERS.countyLinhai, `/review/${offer.id}`, "roster-evidence", "review-case"],
    ]);
    expect(failures).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});
