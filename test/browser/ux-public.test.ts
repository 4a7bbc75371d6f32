import type { Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { axe, consoleErrors, horizontalOverflow, insideViewport } from "./checks.ts";
import {
  caseInPublicity,
  Harness,
  inputOf,
  pick,
  pickTyped,
  quiet,
  seedCast,
  shoot,
  typeDate,
  USERS,
  yuan,
} from "./fixtures.ts";

/**
 * The public pages as a citizen or an enterprise meets them, on a desk and on a phone: 政策条款,
 * the calculator, the 公示 list and a 公示 with its objection form.
 */
// A page of a phone-sized browser, with axe inside it, takes longer than a unit test.
vi.setConfig({ testTimeout: 120_000 });

let h: Harness;
let published: { number: string; batchId: string; amount: number; batchNumber: string };

beforeAll(async () => {
  h = await Harness.start();
  const cast = await seedCast(h.ctx);
  const p = await caseInPublicity(
    h.ctx,
    cast,
    USERS.entWenling,
    { item: "1.1.f", subject: "2024 年度台州市政府质量奖" },
    h.today(),
  );
  const detail = (await (await fetch(`${h.url}/api/v1/public/publicity/${p.batchId}`)).json()) as {
    number: string;
    entries: { amount: number }[];
  };
  published = {
    number: p.number,
    batchId: p.batchId,
    amount: detail.entries[0]?.amount ?? 0,
    batchNumber: detail.number,
  };
}, 180_000);

afterAll(async () => {
  await h?.close();
});

const PAGES = () => [
  { name: "policy", path: "/policy", ready: "policy-intro" },
  { name: "calculator", path: "/calculator", ready: "calculator-form" },
  { name: "publicity", path: "/publicity/public", ready: `publicity-${published.batchNumber}` },
  { name: "publicity-detail", path: `/publicity/public/${published.batchId}`, ready: "page-intro" },
];

async function open(page: Page, path: string, ready: string): Promise<void> {
  await page.goto(`${h.url}${path}`);
  await page.getByTestId(ready).first().waitFor();
  await quiet(page);
}

/** Fills the calculator's organization, picking the county by typing and Enter. */
async function organization(page: Page, county: string, typed: string): Promise<void> {
  await page.getByTestId("calc-uscc").fill("91331082390996033J");
  await page.getByTestId("calc-name").fill("示例科技股份有限公司");
  const input = await inputOf(page, "calc-county");
  await input.click();
  await page.keyboard.type(typed);
  await page
    .locator(".ant-select-item-option:visible")
    .filter({ hasText: county })
    .first()
    .waitFor();
  await page.keyboard.press("Enter");
}

/** Two claims: a 品字标 certificate whose 市级备案 switch stays 否, and a 自我声明 that is filed. */
async function twoClaims(page: Page): Promise<Request> {
  await pickTyped(page, "calc-item-0", "1.1.g");
  // The switch of claim 1 is shown 否 and never touched.
  await expect(
    page.getByTestId("fact-0-municipalFiling").getAttribute("aria-checked"),
  ).resolves.toBe("false");
  await typeDate(page, "calc-date-0", "2025-05-01");
  await page.getByTestId("calc-subject-0").fill("品字标证书 ZJM-2025-0001");
  await pick(page, "fact-0-certificate", "首张认证证书");
  await page.getByTestId("calc-add").click();
  await pickTyped(page, "calc-item-1", "1.1.h");
  await typeDate(page, "calc-date-1", "2025-05-02");
  await page.getByTestId("calc-subject-1").fill("品字标自我声明 ZJM-S-2025-0002");
  await page.getByTestId("fact-1-municipalFiling").click();
  const sent = page.waitForRequest((r) => r.url().includes("/api/v1/calculate"));
  await page.getByTestId("calc-submit").click();
  await page.getByTestId("calc-result").waitFor();
  return sent;
}

describe("the calculator sends what it shows and names what it means", () => {
  it("picks 温岭市 for 温岭 + Enter, sends a switch shown 否 as false, and names the county's finance", async () => {
    const page = await h.page();
    await open(page, "/calculator", "calculator-form");
    await organization(page, "温岭市", "温岭");
    await expect(page.getByTestId("calc-county").textContent()).resolves.toBe("温岭市");
    const request = await twoClaims(page);
    const body = request.postDataJSON() as {
      organization: { county: string };
      claims: { facts: Record<string, unknown> }[];
    };
    expect(body.organization.county).toBe("温岭市");
    expect(body.claims[0]?.facts.municipalFiling).toBe(false);
    expect(body.claims[1]?.facts.municipalFiling).toBe(true);

    const result = page.getByTestId("calc-result");
    await expect(result.textContent()).resolves.not.toContain("未提供");
    // Claim 2 (自我声明, filed) is granted and paid by the county of 温岭市 (五、附则).
    const granted = page.getByTestId("calc-decision-c2");
    await expect(granted.getAttribute("data-status")).resolves.toBe("granted");
    await granted.getByText("温岭市财政", { exact: true }).waitFor();
    await expect(result.textContent()).resolves.not.toContain("县（市、区）财政");
  });

  it("names a fact in a refusal by its Chinese label, never its field name", async () => {
    const page = await h.page();
    await open(page, "/calculator", "calculator-form");
    await organization(page, "临海市", "临海");
    await twoClaims(page);
    const reasons = await page
      .getByTestId("calc-decision-c1")
      .getByTestId("decision-reasons")
      .textContent();
    expect(reasons).toContain("经市级备案");
    expect(reasons).not.toMatch(/municipalFiling|certificate/);
  });
});

describe("on a phone", () => {
  for (const size of [
    { width: 360, height: 740 },
    { width: 390, height: 844 },
  ]) {
    it(`no public page scrolls sideways at ${size.width}×${size.height}, and ☰ covers no introduction`, async () => {
      const page = await h.page("phone");
      await page.setViewportSize(size);
      for (const p of PAGES()) {
        await open(page, p.path, p.ready);
        if (p.name === "calculator") {
          await organization(page, "温岭市", "温岭");
          await twoClaims(page);
        }
        const o = await horizontalOverflow(page);
        expect(o.scrollWidth, `${p.path}: ${o.widest}`).toBeLessThanOrEqual(o.innerWidth);
        await page.evaluate("window.scrollTo(0, 0)");
        const trigger = await page.getByTestId("menu-toggle").boundingBox();
        const intro = await page.getByTestId("page-intro").boundingBox();
        expect(intro, p.path).not.toBeNull();
        expect(trigger, `${p.path}: the ☰ menu button`).not.toBeNull();
        if (trigger && intro) {
          const overlaps =
            trigger.x < intro.x + intro.width &&
            intro.x < trigger.x + trigger.width &&
            trigger.y < intro.y + intro.height &&
            intro.y < trigger.y + trigger.height;
          expect(overlaps, `${p.path}: ☰ lies over the introduction`).toBe(false);
        }
      }
    });
  }

  it("a 公示 shows the amount and 提出异议 in view, and the objection form fits", async () => {
    const page = await h.page("phone");
    await page.setViewportSize({ width: 360, height: 740 });
    await open(page, `/publicity/public/${published.batchId}`, "page-intro");
    const amount = page.getByText(yuan(published.amount), { exact: true }).first();
    expect(await insideViewport(page, amount)).toBe(true);
    const object = page.getByTestId(`object-${published.number}`);
    expect(await insideViewport(page, object)).toBe(true);
    await shoot(page, "ux-public-detail-phone");
    await object.click();
    await page.getByTestId("objection-name").waitFor();
    expect(await insideViewport(page, page.getByTestId("objection-submit"))).toBe(true);
    const o = await horizontalOverflow(page);
    expect(o.scrollWidth, o.widest).toBeLessThanOrEqual(o.innerWidth);
  });

  it("the calculator's result reads across: an item's name is not one character per line", async () => {
    const page = await h.page("phone");
    await page.setViewportSize({ width: 360, height: 740 });
    await open(page, "/calculator", "calculator-form");
    await organization(page, "温岭市", "温岭");
    await twoClaims(page);
    const title = page.getByTestId("calc-title-c1");
    const box = await title.boundingBox();
    const em = await title.evaluate((e) =>
      Number.parseFloat(
        (
          globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } }
        ).getComputedStyle(e).fontSize,
      ),
    );
    // Room for at least eight characters a line.
    expect(box?.width ?? 0).toBeGreaterThanOrEqual(8 * em);
    const amount = page.getByTestId("calc-decision-c2").getByTestId("decision-amount");
    expect(await insideViewport(page, amount)).toBe(true);
    await shoot(page, "ux-public-calculator-phone", page.getByTestId("calc-result"));
  });
});

describe("every public page", () => {
  it("has its own tab title; a 公示 is named by its number", async () => {
    const page = await h.page();
    const titles = new Map<string, string>();
    for (const p of PAGES()) {
      await open(page, p.path, p.ready);
      await expect.poll(() => page.title()).toMatch(/ · /);
      titles.set(p.name, await page.title());
    }
    expect(new Set(titles.values()).size).toBe(4);
    expect(titles.get("publicity-detail")).toContain(published.batchNumber);
  });

  it("logs no console error for a visitor", async () => {
    const page = await h.page();
    const errors = consoleErrors(page);
    for (const p of PAGES()) await open(page, p.path, p.ready);
    expect(errors).toEqual([]);
  });

  it("has no serious or critical accessibility fault, at desk and on a phone", async () => {
    for (const device of ["office", "phone"] as const) {
      const page = await h.page(device);
      for (const p of PAGES()) {
        await open(page, p.path, p.ready);
        const result = await axe(page, `${p.name} ${device}`);
        expect(result.blocking, `${p.path} ${device}`).toEqual([]);
        await shoot(page, `ux-public-${p.name}-${device}`);
      }
    }
  });

  it("writes its legal readings in Chinese", async () => {
    const page = await h.page();
    await open(page, "/policy", "policy-intro");
    await page.getByText("法律解读（本系统采用的口径）").click();
    const readings = page.getByTestId("policy-readings");
    await readings.waitFor();
    const text = (await readings.textContent()) ?? "";
    expect(text).toContain("同一项目");
    // Item ids (1.1.g) and dates are fine; a Latin word is not.
    expect(text.match(/[A-Za-z]{3,}/g) ?? []).toEqual([]);
  });
});

describe("the policy's validity", () => {
  it("says nothing of expiry while the policy is in force", async () => {
    const page = await h.page();
    await open(page, "/policy", "policy-intro");
    expect(await page.getByTestId("policy-expired").count()).toBe(0);
  });

  it("after 2026-02-10 says the policy has expired and what can still be decided under it", async () => {
    await h.jumpTo("2026-03-02");
    const page = await h.page();
    for (const p of PAGES().slice(0, 2)) {
      await open(page, p.path, p.ready);
      const notice = page.getByTestId("policy-expired");
      await notice.waitFor();
      const text = (await notice.textContent()) ?? "";
      expect(text).toContain("2026-02-10");
      expect(text).toContain("已失效");
      // What can still be decided: events within the validity.
      expect(text).toContain("2023-02-11");
      expect(text).toMatch(/仍可.*申报/);
    }
  });
});
