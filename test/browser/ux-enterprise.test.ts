import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createApplication } from "../../src/applications/applications.ts";
import { axe, horizontalOverflow } from "./checks.ts";
import {
  apiGet,
  type Cast,
  EVENT_DATE,
  evidenceFile,
  type Filed,
  fileCase,
  Harness,
  PASSWORD,
  pick,
  seedCast,
  stepsTo,
  typeDate,
  USERS,
} from "./fixtures.ts";
import { screenshot } from "./support.ts";

/**
 * The enterprise portal as an enterprise uses it: the engine's check reads as Chinese sentences,
 * a file uploaded by mistake can be deleted before submitting, amounts in sentences carry
 * thousands separators, 我的申报 keeps its filter and page in the address, and no page has a
 * serious accessibility fault at desk or phone size.
 */
let h: Harness;
let cast: Cast;
/** Two submitted “品字标” cases (200,000 元 each): a third claim meets the cap partly. */
let earlier: Filed[];

const PINZIBIAO = { municipalFiling: true, certificate: "first" };

beforeAll(async () => {
  h = await Harness.start();
  cast = await seedCast(h.ctx);
  earlier = [];
  for (const n of [1, 2])
    earlier.push(
      await fileCase(
        h.ctx,
        cast,
        USERS.entWenling,
        { item: "1.1.g", subject: `品字标认证证书 ZJM-2025-000${n}`, facts: PINZIBIAO },
        stepsTo(USERS.entWenling, "submitted"),
      ),
    );
}, 180_000);

afterAll(async () => {
  await h?.close();
});

afterEach(() => {
  expect(h.pageErrors.splice(0)).toEqual([]);
});

/** A sum followed by 元 written without its thousands separators ("200000 元"). */
const BARE_AMOUNT = /\d{4,}\s*元/;

/** Opens the wizard on a new draft of 1.1.g and fills its details, up to the engine's preview. */
async function wizardToPreview(page: Page, subject: string): Promise<void> {
  await page.goto(`${h.url}/my/applications/new`);
  await page.getByTestId("wizard-step-item").waitFor();
  await page.getByTestId("item-search").locator("input").fill("品字标");
  await page.getByTestId("item-option-1.1.g").click();
  await page.getByTestId("wizard-next").click();
  await page.getByTestId("wizard-step-details").waitFor();
  await page.getByTestId("field-subject").fill(subject);
  await typeDate(page, "field-eventDate", EVENT_DATE);
  await page.getByTestId("fact-municipalFiling").getByText("是", { exact: true }).click();
  await pick(page, "fact-certificate", "首张认证证书");
  await page.getByTestId("wizard-next").click();
  await page.getByTestId("preview-result").waitFor();
  await page.getByTestId("decision-trace").waitFor();
}

describe("the enterprise portal", () => {
  it("shows the engine's checks as Chinese sentences: clause, the cap by its title, the funding by its name, no JSON", {
    timeout: 60_000,
  }, async () => {
    const page = await h.as(USERS.entWenling);
    await wizardToPreview(page, "品字标认证证书 ZJM-2025-0003");
    const preview = page.getByTestId("preview-result");
    await expect(preview.getAttribute("data-status")).resolves.toBe("partial");

    const catalog = await apiGet(page, "/api/v1/policies/taizhou-quality-2023/items");
    const cap = (catalog.policy.caps as { id: string; title: string }[]).find(
      (c) => c.id === "pinzibiao",
    );
    expect(cap).toBeDefined();

    const trace = page.getByTestId("decision-trace");
    // No row opens onto the raw inputs.
    await expect(trace.locator(".ant-table-row-expand-icon").count()).resolves.toBe(0);
    const steps = trace.locator("[data-testid='trace-step']");
    const checks = await steps.count();
    expect(checks).toBeGreaterThanOrEqual(7);
    const text = (await trace.textContent()) ?? "";
    for (const raw of ["pinzibiao", "fundingSource", '"cap"', "window", "null", "{"])
      expect(text).not.toContain(raw);
    // The cap by its title, the amounts with separators, the funding by the county's finance.
    const capStep = steps.filter({ hasText: cap?.title ?? "?" });
    await expect(capStep.count()).resolves.toBe(1);
    const capText = await capStep.textContent();
    expect(capText).toContain("500,000 元");
    expect(capText).toContain("400,000 元");
    expect(capText).toContain("三（一）1");
    await expect(steps.filter({ hasText: "温岭市财政" }).count()).resolves.toBe(1);
    // Every sentence and reason writes its amounts with separators.
    expect(await preview.textContent()).not.toMatch(BARE_AMOUNT);
    await screenshot(page, "enterprise-wizard-preview");
  });

  it("deletes a file uploaded by mistake at the upload step; the server refuses it once the case is submitted", {
    timeout: 60_000,
  }, async () => {
    const page = await h.as(USERS.entWenling);
    await wizardToPreview(page, "品字标认证证书 ZJM-2025-0004");
    const draftId = new URL(page.url()).searchParams.get("id") as string;
    await page.getByTestId("wizard-next").click();
    await page.getByTestId("wizard-step-evidence").waitFor();
    const list = page.getByTestId("evidence-list");
    await page
      .getByTestId("evidence-input")
      .setInputFiles([evidenceFile("认证证书.pdf"), evidenceFile("传错的文件.pdf")]);
    await list.getByText("传错的文件.pdf").waitFor();
    await list.getByText("认证证书.pdf", { exact: true }).waitFor();

    const wrong = list.locator("tr", { hasText: "传错的文件.pdf" });
    await wrong.getByRole("button", { name: "删除 传错的文件.pdf" }).click();
    await page.getByTestId("evidence-delete-confirm").click();
    await list.getByText("传错的文件.pdf").waitFor({ state: "detached" });
    const detail = await apiGet(page, `/api/v1/applications/${draftId}`);
    expect(detail.evidence.map((e: { name: string }) => e.name)).toEqual(["认证证书.pdf"]);

    // The deletion is in the audit log, by the enterprise user, naming the file.
    const audit = await h.ctx.database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("target_id", "=", draftId)
      .execute();
    const removed = audit.filter((a) => String(a.before ?? "").includes("传错的文件.pdf"));
    expect(removed).toHaveLength(1);
    expect(removed[0]?.actor_id).toBe(cast.actors[USERS.entWenling].userId);
    expect(removed[0]?.action).toBe("application.removeEvidence");

    // A submitted case keeps its evidence: no delete on its page, and the API refuses.
    const submitted = earlier[0] as Filed;
    await page.goto(`${h.url}/my/applications/${submitted.id}`);
    await page.getByTestId("evidence-list").locator("tbody tr").first().waitFor();
    await expect(page.getByRole("button", { name: /^删除 / }).count()).resolves.toBe(0);
    const evidenceId = (await apiGet(page, `/api/v1/applications/${submitted.id}`)).evidence[0]
      .id as string;
    // The page's own session asks, with its CSRF token.
    const refused = await page.evaluate(async (path) => {
      const state = (await (await fetch("/api/v1/auth/session")).json()) as {
        session: { csrfToken: string };
      };
      const res = await fetch(path, {
        method: "DELETE",
        headers: { "x-csrf-token": state.session.csrfToken },
      });
      return { status: res.status, body: (await res.json()) as { error: { code: string } } };
    }, `/api/v1/applications/${submitted.id}/evidence/${evidenceId}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("invalid_state");
    const after = await apiGet(page, `/api/v1/applications/${submitted.id}`);
    expect(after.evidence).toHaveLength(1);
  });

  it("keeps 我的申报's filter and page in the address", { timeout: 60_000 }, async () => {
    const page = await h.as(USERS.entWenling);
    // A draft besides the submitted cases, so the list has two states to filter by.
    await createApplication(h.ctx, cast.actors[USERS.entWenling], {
      item: "1.1.h",
      subject: "品字标自我声明 ZS-2025-01",
      project: null,
      eventDate: EVENT_DATE,
      facts: { municipalFiling: true },
    });
    await page.goto(`${h.url}/my/applications`);
    await page.locator("[data-testid^='my-row-']").first().waitFor();
    await page
      .getByTestId("my-filter")
      .getByText(/^已提交/)
      .click();
    await page.waitForURL(/state=submitted/);
    await page.reload();
    await page.locator("[data-testid^='my-row-']").first().waitFor();
    const rows = page.locator("[data-testid^='my-row-']");
    const numbers = await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")));
    expect(numbers.sort()).toEqual(earlier.map((e) => `my-row-${e.number}`).sort());
    // The page is the server's: ?pageSize=1&page=2 shows the second case of the filter.
    await page.goto(`${h.url}/my/applications?state=submitted&pageSize=1&page=2`);
    await page.locator("[data-testid^='my-row-']").first().waitFor();
    await expect(rows.count()).resolves.toBe(1);
    await expect(page.locator(".ant-pagination-item-active").textContent()).resolves.toBe("2");
  });

  it("has no serious accessibility fault on its pages at desk and phone size", {
    timeout: 180_000,
  }, async () => {
    const draft = await createApplication(h.ctx, cast.actors[USERS.entWenling], {
      item: "1.1.g",
      subject: "品字标认证证书 ZJM-2025-0009",
      project: null,
      eventDate: EVENT_DATE,
      facts: PINZIBIAO,
    });
    const submitted = earlier[1] as Filed;
    const desk = await h.as(USERS.entWenling);
    const phone = await h.page("phone");
    await phone.goto(`${h.url}/login`);
    await phone.getByLabel("用户名").fill(USERS.entWenling);
    await phone.getByLabel("密码").fill(PASSWORD);
    await phone.getByTestId("login-submit").click();
    h.signIns++;
    await phone.waitForURL(/\/my\/applications/);
    const failures: string[] = [];
    for (const [device, page] of [
      ["desk", desk],
      ["phone", phone],
    ] as const) {
      const check = async (name: string) => {
        await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => undefined);
        const result = await axe(page, `${name} ${device}`, { withoutFrame: true });
        for (const v of result.blocking)
          failures.push(`${name} ${device}: ${v.id} ${v.help} ${v.targets.join(" | ")}`);
        await screenshot(page, `enterprise-${name}-${device}`);
        if (device === "phone") {
          const overflow = await horizontalOverflow(page);
          if (overflow.scrollWidth > overflow.innerWidth)
            failures.push(`${name} phone: scrolls sideways (${overflow.widest})`);
        }
      };
      await page.goto(`${h.url}/my/applications`);
      await page.locator("[data-testid^='my-row-']").first().waitFor();
      await check("my-applications");

      await page.goto(`${h.url}/my/applications/new`);
      await page.getByTestId("item-picker").waitFor();
      await check("wizard-item");
      await page.goto(`${h.url}/my/applications/new?id=${draft.id}`);
      await page.getByTestId("wizard-step-details").waitFor();
      await check("wizard-details");
      await page.getByTestId("wizard-next").click();
      await page.getByTestId("decision-trace").waitFor();
      await check("wizard-preview");
      await page.getByTestId("wizard-next").click();
      await page.getByTestId("wizard-step-evidence").waitFor();
      await check("wizard-evidence");

      await page.goto(`${h.url}/my/applications/${submitted.id}`);
      await page.getByTestId("case-timeline").waitFor();
      await check("case");
      await page.goto(`${h.url}/my/applications/${draft.id}`);
      await page.getByTestId("field-subject").waitFor();
      await check("draft-case");

      await page.goto(`${h.url}/my/organization`);
      await page.getByTestId("org-registration").waitFor();
      await check("organization");
    }
    expect(failures).toEqual([]);
  });
});
