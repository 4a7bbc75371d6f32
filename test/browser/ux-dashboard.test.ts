import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STATE_NAMES } from "../../src/applications/states.ts";
import { transitionApplication } from "../../src/applications/transition-application.ts";
import { axe, horizontalOverflow, insideViewport } from "./checks.ts";
import {
  apiGet,
  fileCase,
  Harness,
  PASSWORD,
  START,
  seedCast,
  shoot,
  USERS,
  YEAR,
} from "./fixtures.ts";
import { signIn } from "./support.ts";

/**
 * The leaders' dashboard and a target's page as a leader reads them: the year section titled by
 * its year, every case state named whole, review times in working days, charts of a usable size
 * on a phone, and the target's award items and policy by their Chinese titles.
 */
let h: Harness;
let phone: Page;

/**
 * Four cases reviewed in May 2025 on dates chosen so that the working days are known (no holiday
 * from 05-06 to 05-30; weekends 05-17/18 and 05-24/25):
 * - 温岭 A: submitted Mon 05-12, accepted Wed 05-14 (2), county approval Mon 05-19 (3: 15, 16,
 *   19), city approval Wed 05-21 (2: 20, 21);
 * - 临海 B: submitted Tue 05-13, accepted Wed 05-14 (1), county approval Tue 05-20 (4: 15, 16,
 *   19, 20), waiting for the city;
 * - 温岭 C: submitted Mon 05-12, accepted Fri 05-16 (4: 13 to 16), in the county's review;
 * - 临海 D: submitted Mon 05-12, waiting to be accepted.
 * Averages: accept (2 + 1 + 4) / 3 = 2.3, county (3 + 4) / 2 = 3.5, city 2.
 */
const EXPECTED_DAYS = { accept: "2.3", county: "3.5", city: "2" };

beforeAll(async () => {
  h = await Harness.start();
  const cast = await seedCast(h.ctx);
  const clock = h.server.clock;
  const W = USERS.entWenling;
  const L = USERS.entLinhai;
  const on = async (date: string, act: () => Promise<unknown>) => {
    clock.setBeijing(date);
    await act();
  };
  clock.setBeijing("2025-05-12");
  const a = await fileCase(h.ctx, cast, W, { item: "2.4.e", subject: "专利标准融合示范 A" }, [
    [W, "submit"],
  ]);
  const c = await fileCase(h.ctx, cast, W, { item: "3.3.a", subject: "CNAS 认可实验室 C" }, [
    [W, "submit"],
  ]);
  await fileCase(h.ctx, cast, L, { item: "2.1.a", subject: "GB/T 45999-2025 D" }, [[L, "submit"]]);
  clock.setBeijing("2025-05-13");
  const b = await fileCase(h.ctx, cast, L, { item: "1.3.b", subject: "数字化质量管理示范 B" }, [
    [L, "submit"],
  ]);
  const step = (who: keyof typeof cast.actors, id: string, action: "accept" | "approve") =>
    transitionApplication(h.ctx, cast.actors[who], id, action, null);
  await on("2025-05-14", async () => {
    await step(USERS.countyWenling, a.id, "accept");
    await step(USERS.countyLinhai, b.id, "accept");
  });
  await on("2025-05-16", () => step(USERS.countyWenling, c.id, "accept"));
  await on("2025-05-19", () => step(USERS.countyWenling, a.id, "approve"));
  await on("2025-05-20", () => step(USERS.countyLinhai, b.id, "approve"));
  await on("2025-05-21", () => step(USERS.city, a.id, "approve"));
  clock.setBeijing(START);
  phone = await h.page("phone");
  await signIn(phone, h.url, USERS.leader, PASSWORD);
  h.signIns++;
}, 180_000);

afterAll(async () => {
  await h?.close();
});

/**
 * The serious and critical violations of the page's content, each with the elements it names.
 * The app's frame (header and menu) has its own test (ux-shell.test.ts) and is left out here.
 */
async function blocking(page: Page, name: string): Promise<string[]> {
  return (await axe(page, name, { withoutFrame: true })).blocking.map(
    (v) => `${v.id}: ${v.targets.join(" | ")}`,
  );
}

async function openDashboard(page: Page, year = YEAR): Promise<void> {
  await page.goto(`${h.url}/dashboard?year=${year}`);
  await page.getByTestId("overview-review-steps").getByRole("row").nth(3).waitFor();
  await page.getByTestId("chart-targets").locator("canvas").waitFor();
}

describe("the leaders' dashboard", () => {
  it("titles the year section's cards by the year shown, never 全部年度", async () => {
    const page = await h.as(USERS.leader);
    for (const year of [YEAR, YEAR - 1]) {
      await openDashboard(page, year);
      const text = await page.locator("main").textContent();
      expect(text).not.toContain("全部年度");
      for (const card of [
        "year-awards",
        "overview-cases",
        "overview-review-steps",
        "overview-budgets",
      ])
        await expect
          .poll(() => page.getByTestId(card).locator(".ant-card-head-title").textContent())
          .toContain(`${year} 年`);
    }
  });

  it("names every case state whole beside the donut, with its count", async () => {
    const d = await apiGet<{ cases: { state: keyof typeof STATE_NAMES; count: number }[] }>(
      phone,
      `/api/v1/dashboard?year=${YEAR}`,
    );
    expect(d.cases.map((c) => c.state).sort()).toEqual(
      ["city_review", "county_review", "approved", "submitted"].sort(),
    );
    for (const page of [await h.as(USERS.leader), phone]) {
      await openDashboard(page);
      const legend = page.getByTestId("cases-legend");
      for (const c of d.cases) {
        const item = legend.getByText(`${STATE_NAMES[c.state]} ${c.count} 件`, { exact: true });
        await item.waitFor();
        // Whole: not cut by an ellipsis or the card's edge.
        expect(await item.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
        expect(await insideViewport(page, item)).toBe(true);
      }
    }
  });

  it("shows each review step's average in working days on reviews of known length", async () => {
    const page = await h.as(USERS.leader);
    await openDashboard(page);
    const rows = page.getByTestId("overview-review-steps").locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(3);
    const cells = await rows.evaluateAll((trs) =>
      trs.map((tr) =>
        Array.from((tr as unknown as { cells: { textContent: string }[] }).cells).map(
          (td) => td.textContent,
        ),
      ),
    );
    expect(cells.map((r) => r[2])).toEqual([
      EXPECTED_DAYS.accept,
      EXPECTED_DAYS.county,
      EXPECTED_DAYS.city,
    ]);
    expect(cells.map((r) => r[1])).toEqual(["3", "2", "1"]);
  });

  it("keeps the charts a usable size on a phone, and the page scrolls only downwards", {
    timeout: 60_000,
  }, async () => {
    await openDashboard(phone);
    const width = phone.viewportSize()?.width ?? 0;
    // The chart of the targets and the awards by year take (nearly) the phone's whole width.
    for (const id of ["chart-targets", "overview-awards-year"]) {
      const box = await phone.getByTestId(id).boundingBox();
      expect(box?.width, id).toBeGreaterThanOrEqual(width * 0.75);
    }
    const charts = phone.locator("[data-testid^='chart-'], [data-testid^='overview-awards-']");
    await expect.poll(() => charts.count()).toBeGreaterThanOrEqual(4);
    for (const chart of await charts.all()) {
      const box = await chart.boundingBox();
      const name = await chart.getAttribute("data-testid");
      expect(box?.width, `${name} width`).toBeGreaterThanOrEqual(width * 0.75 - 150);
      expect(box?.height, `${name} height`).toBeGreaterThanOrEqual(200);
    }
    const overflow = await horizontalOverflow(phone);
    expect(overflow.scrollWidth, overflow.widest).toBeLessThanOrEqual(overflow.innerWidth);
    await shoot(phone, "ux-dashboard-phone");
  });

  it("has no serious accessibility fault at desk or phone size", { timeout: 90_000 }, async () => {
    const desk = await h.as(USERS.leader);
    await openDashboard(desk);
    await shoot(desk, "ux-dashboard-desk");
    await openDashboard(phone);
    for (const [name, page] of [
      ["dashboard desk", desk],
      ["dashboard phone", phone],
    ] as const)
      expect(await blocking(page, name)).toEqual([]);
  });
});

describe("a target's page", () => {
  async function openTarget(page: Page): Promise<{ id: string; titles: string[] }> {
    const targets = await apiGet<{
      items: { id: string; counting: { kind: string; items?: string[] } }[];
    }>(page, "/api/v1/targets");
    const target = targets.items.find((t) => t.counting.items?.includes("1.1.g"));
    if (!target?.counting.items) throw new Error("no target counts 1.1.g");
    const catalog = await apiGet<{ items: { id: string; title: string }[] }>(
      page,
      "/api/v1/policies/taizhou-quality-2023/items",
    );
    const titles = target.counting.items.map(
      (id) => catalog.items.find((i) => i.id === id)?.title ?? `missing ${id}`,
    );
    await page.goto(`${h.url}/dashboard/targets/${target.id}`);
    await page.getByTestId("target-title").waitFor();
    return { id: target.id, titles };
  }

  it("names the counted award items and the policy by their Chinese titles, not their ids", async () => {
    const page = await h.as(USERS.leader);
    const { titles } = await openTarget(page);
    const policies = await apiGet<{ policies: { id: string; title: string }[] }>(
      page,
      "/api/v1/policies",
    );
    const policy = policies.policies.find((p) => p.id === "taizhou-quality-2023");
    expect(policy).toBeDefined();
    const items = await page
      .locator(".ant-descriptions-item", { hasText: "计入的奖励项目" })
      .locator(".ant-descriptions-item-content")
      .textContent();
    for (const title of titles) expect(items).toContain(title);
    expect(items).not.toMatch(/\d\.\d\.[a-z]/);
    const text = await page.locator("main").textContent();
    expect(text).toContain(policy?.title);
    expect(text).not.toContain("taizhou-quality-2023");
  });

  it("fits a phone and has no serious accessibility fault at desk or phone size", {
    timeout: 90_000,
  }, async () => {
    const desk = await h.as(USERS.leader);
    await openTarget(desk);
    await desk.getByTestId("chart-target-history").locator("canvas").waitFor();
    await shoot(desk, "ux-target-desk");
    await openTarget(phone);
    await phone.getByTestId("chart-target-history").locator("canvas").waitFor();
    const overflow = await horizontalOverflow(phone);
    expect(overflow.scrollWidth, overflow.widest).toBeLessThanOrEqual(overflow.innerWidth);
    await shoot(phone, "ux-target-phone");
    for (const [name, page] of [
      ["target desk", desk],
      ["target phone", phone],
    ] as const)
      expect(await blocking(page, name)).toEqual([]);
  });
});
