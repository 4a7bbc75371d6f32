import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../src/auth/roles.ts";
import { closePublicity } from "../../src/jobs/close-due-publicity.ts";
import { addDays } from "../../src/policy/dates.ts";
import { fileObjection } from "../../src/publicity/file-objection.ts";
import { PUBLICITY_SUBJECTS } from "../../src/publicity-subjects.ts";
import {
  apiGet,
  type Cast,
  caseInPublicity,
  caseState,
  confirmDialog,
  EVENT_DATE,
  evidenceFile,
  fileCase,
  Harness,
  PASSWORD,
  pick,
  seedBackground,
  seedCast,
  shoot,
  stepsTo,
  typeDate,
  USERS,
  YEAR,
  yuan,
} from "./fixtures.ts";
import { signIn } from "./support.ts";

/**
 * The journeys of issue 6, in a real browser against the real server: a claim from the
 * enterprise's wizard to the money paid, a case returned for correction and resubmitted, and a
 * case whose publicity meets an objection that is upheld. The screenshots of docs/screenshots are
 * taken on the way, on the data these journeys made.
 */

let h: Harness;
let cast: Cast;

beforeAll(async () => {
  h = await Harness.start();
  cast = await seedCast(h.ctx);
  await seedBackground(h.ctx, cast);
}, 180_000);

afterAll(async () => {
  await h?.close();
});

// No page may throw (a render error blanks the whole app while the test may still find its way).
afterEach(() => {
  expect(h.pageErrors.splice(0)).toEqual([]);
});

const db = () => h.ctx.database.db;

async function applicationRow(id: string) {
  return db().selectFrom("applications").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

/** The case page's id, from its address (/my/applications/:id, /review/:id, …). */
function idFromUrl(page: Page): string {
  const id = new URL(page.url()).pathname.split("/").pop();
  if (!id) throw new Error(`no id in ${page.url()}`);
  return id;
}

describe("journeys in a real browser", () => {
  it("a claim goes from the enterprise's wizard through county, city, publicity and payment to the leaders' dashboard", async () => {
    // ── The enterprise signs in and files a claim with the wizard ──────────────────────
    const ent = await h.page();
    await ent.goto(`${h.url}/login`);
    await ent.getByTestId("login-submit").waitFor();
    await shoot(ent, "login");
    await signIn(ent, h.url, USERS.entWenling, PASSWORD);
    h.adopt(USERS.entWenling, ent);
    await ent.waitForURL(/\/my\/applications$/);
    await ent.getByTestId("new-application").first().waitFor();
    await ent.locator("[data-testid^='my-row-']").first().waitFor();
    await shoot(ent, "my-applications");

    await ent.getByTestId("new-application").first().click();
    await ent.getByTestId("wizard-step-item").waitFor();
    await ent.getByTestId("item-search").locator("input").fill("品字标");
    await ent.getByTestId("item-option-1.1.g").click();
    await expect(ent.getByTestId("selected-item").textContent()).resolves.toContain("1.1.g");
    await ent.getByTestId("wizard-next").click();

    await ent.getByTestId("wizard-step-details").waitFor();
    const subject = "品字标认证证书 ZJM-2025-0520（智能水泵）";
    await ent.getByTestId("field-subject").fill(subject);
    await typeDate(ent, "field-eventDate", EVENT_DATE);
    await ent.getByTestId("fact-municipalFiling").getByText("是", { exact: true }).click();
    await pick(ent, "fact-certificate", "首张认证证书");
    await ent.getByTestId("wizard-next").click();

    // The engine's preview: granted, the item's amount, funded by the county (按属地).
    const preview = ent.getByTestId("preview-result");
    await preview.waitFor();
    await expect(preview.getAttribute("data-status")).resolves.toBe("granted");
    const amount = Number(await preview.getAttribute("data-amount"));
    expect(amount).toBe(200_000);
    await expect(preview.textContent()).resolves.toContain("温岭市财政");
    await shoot(ent, "new-application");
    const draftId = new URL(ent.url()).searchParams.get("id") as string;
    expect(draftId).toBeTruthy();

    await ent.getByTestId("wizard-next").click();
    await ent.getByTestId("wizard-step-evidence").waitFor();
    await ent
      .getByTestId("evidence-input")
      .setInputFiles(evidenceFile("品字标认证证书.pdf", "ZJM-2025-0520"));
    await ent.getByTestId("evidence-list").getByText("品字标认证证书.pdf").waitFor();
    await ent.getByTestId("wizard-next").click();
    await ent.getByTestId("wizard-step-confirm").waitFor();
    await ent.getByTestId("wizard-submit").click();
    await ent.waitForURL(`**/my/applications/${draftId}`);
    await caseState(ent, "submitted");

    const submitted = (await apiGet(ent, `/api/v1/applications/${draftId}`)) as {
      application: { number: string; state: string; expectedAmount: number; subject: string };
      evidence: { name: string; mime: string }[];
    };
    expect(submitted.application).toMatchObject({
      state: "submitted",
      expectedAmount: amount,
      subject,
    });
    expect(submitted.evidence).toEqual([
      expect.objectContaining({ name: "品字标认证证书.pdf", mime: "application/pdf" }),
    ]);
    const number = submitted.application.number;
    await ent.getByTestId("stored-decision").waitFor();
    await shoot(ent, "case-enterprise");

    // ── The county official finds it in the queue, accepts and approves it ──────────────
    const county = await h.as(USERS.countyWenling);
    await county.waitForURL(/\/review$/);
    const row = county.getByTestId(`queue-row-${number}`);
    await row.waitFor();
    await expect(county.getByTestId("queue-table").textContent()).resolves.not.toContain(
      cast.linhai.name,
    );
    await shoot(county, "review-queue");
    await row.click();
    await county.waitForURL(`**/review/${draftId}`);
    await county.getByTestId("evidence-viewer").waitFor();
    const decision = county.getByTestId("engine-decision");
    await decision.waitFor();
    await expect(decision.getAttribute("data-amount")).resolves.toBe(String(amount));
    await shoot(county, "review-case");
    await county.getByTestId("action-accept").click();
    await confirmDialog(county);
    await caseState(county, "county_review");
    await county.getByTestId("review-comment").fill("证书与备案材料齐全，同意报市级复审。");
    await county.getByTestId("action-approve").click();
    await confirmDialog(county);
    await caseState(county, "city_review");

    // ── The city approves it ───────────────────────────────────────────────────────────
    const city = await h.as(USERS.city);
    await city.getByTestId(`queue-row-${number}`).click();
    await caseState(city, "city_review");
    await city.getByTestId("action-approve").click();
    await confirmDialog(city);
    await caseState(city, "approved");
    expect((await applicationRow(draftId)).state).toBe("approved");

    // ── The city publishes it ──────────────────────────────────────────────────────────
    await city.goto(`${h.url}/publicity`);
    await city.getByTestId("publicity-create").click();
    await city.getByTestId("publicity-create-form").waitFor();
    await city.getByTestId("publicity-title").fill(`${YEAR} 年第一批质量强市奖励公示`);
    await city.getByTestId(`publicity-case-${number}`).locator("input[type=checkbox]").check();
    await city.getByTestId("publicity-create-submit").click();
    await confirmDialog(city);
    await city.getByTestId("publicity-batch-number").waitFor();
    await city.getByTestId(`entry-${number}`).waitFor();
    const batchId = idFromUrl(city);
    const batch = await apiGet<{ startDate: string; endDate: string; state: string }>(
      city,
      `/api/v1/public/publicity/${batchId}`,
    );
    expect(batch).toMatchObject({ startDate: h.today(), state: "open" });
    expect((await applicationRow(draftId)).state).toBe("publicity");

    // ── The period ends; the city closes what is due: the case becomes an award ─────────
    await h.jumpTo(addDays(batch.endDate, 1));
    const city2 = await h.as(USERS.city);
    await city2.goto(`${h.url}/publicity`);
    await city2.getByText("公示期已满").first().waitFor();
    await shoot(city2, "publicity-admin");
    await city2.getByTestId("publicity-close").click();
    const summary = city2.getByTestId("publicity-close-summary");
    await summary.waitFor();
    await expect(summary.textContent()).resolves.toContain("转为奖励 1 项");
    const awards = await apiGet<{
      items: {
        id: string;
        applicationId: string;
        amount: number;
        state: string;
        year: number;
        source: string;
      }[];
    }>(city2, "/api/v1/awards");
    const award = awards.items.find((a) => a.applicationId === draftId);
    expect(award).toMatchObject({ amount, state: "reserved", year: YEAR, source: "温岭市" });
    expect((await applicationRow(draftId)).state).toBe("awarded");

    // ── County finance pays it ─────────────────────────────────────────────────────────
    const finance = await h.as(USERS.financeWenling);
    await finance.goto(`${h.url}/finance/payments`);
    await finance.getByTestId(`payment-create-${YEAR}-温岭市`).click();
    await finance.getByTestId("payment-batch-number").waitFor();
    const paymentBatch = await apiGet<{ lines: { id: string; amount: number; state: string }[] }>(
      finance,
      `/api/v1/payment-batches/${idFromUrl(finance)}`,
    );
    expect(paymentBatch.lines).toHaveLength(1);
    const line = paymentBatch.lines[0] as { id: string; amount: number };
    expect(line.amount).toBe(amount);
    await finance.getByTestId(`line-paid-${line.id}`).click();
    await finance.getByTestId("line-result-form").waitFor();
    await finance.getByTestId("line-treasury-ref").fill("GK2025-000618");
    await typeDate(finance, "line-paid-date", h.today());
    await finance.getByTestId("line-result-submit").click();
    await finance.getByText("凭证 GK2025-000618").waitFor();
    await finance.getByTestId("line-result-form").waitFor({ state: "detached" });
    await shoot(finance, "finance-payments");

    // ── City finance's budgets show it paid ─────────────────────────────────────────────
    const cityFinance = await h.as(USERS.finance);
    await cityFinance.waitForURL(/\/finance\/budgets/);
    await cityFinance.getByText("温岭市财政").first().waitFor();
    await shoot(cityFinance, "finance-budgets");

    // ── The leaders' dashboard shows the award ───────────────────────────────────────────
    const leader = await h.as(USERS.leader);
    await leader.waitForURL(/\/dashboard/);
    const overview = await apiGet<{ awards: { total: { count: number; amount: number } } }>(
      leader,
      "/api/v1/dashboard",
    );
    expect(overview.awards.total).toEqual({ count: 1, amount });
    await leader.goto(`${h.url}/dashboard?year=${YEAR}`);
    await leader
      .getByTestId("year-awards")
      .getByText(`${YEAR} 年奖励：${overview.awards.total.count} 项，${yuan(amount)}`)
      .waitFor();
    await leader.getByTestId("overview-awards-county").waitFor();
    await shoot(leader, "dashboard", leader.getByText("年度情况").first());

    // ── Read back: awarded, paid, the budget's paid equals the amount ────────────────────
    const final = await apiGet<{ application: { state: string } }>(
      finance,
      `/api/v1/applications/${draftId}`,
    );
    expect(final.application.state).toBe("awarded");
    const paidAwards = await apiGet<{ items: { applicationId: string; state: string }[] }>(
      finance,
      "/api/v1/awards",
    );
    expect(paidAwards.items.find((a) => a.applicationId === draftId)?.state).toBe("paid");
    const budgets = await apiGet<{
      items: { year: number; source: string; paid: number; reserved: number }[];
    }>(finance, `/api/v1/budgets?year=${YEAR}`);
    expect(budgets.items.find((b) => b.source === "温岭市")).toMatchObject({
      paid: amount,
      reserved: 0,
    });
    const awardRow = await db()
      .selectFrom("awards")
      .selectAll()
      .where("application_id", "=", draftId)
      .executeTakeFirstOrThrow();
    expect(awardRow).toMatchObject({ state: "paid", amount });
  }, 180_000);

  it("a case returned for correction is corrected and resubmitted, keeping its first submission time", async () => {
    const filed = await fileCase(
      h.ctx,
      cast,
      USERS.entWenling,
      { item: "2.1.d", subject: "“浙江制造”标准 T/ZZB 2188" },
      stepsTo(USERS.entWenling, "submitted"),
    );
    const before = await applicationRow(filed.id);
    expect(before.submitted_at).toBeTruthy();

    const comment = "请写明标准的完整编号（含发布年份），并补充发布公告扫描件。";
    const county = await h.as(USERS.countyWenling);
    await county.goto(`${h.url}/review/${filed.id}`);
    await caseState(county, "submitted");
    await county.getByTestId("review-comment").fill(comment);
    await county.getByTestId("action-return").click();
    await confirmDialog(county);
    await caseState(county, "returned");

    const ent = await h.as(USERS.entWenling);
    await ent.goto(`${h.url}/my/applications`);
    await ent.getByTestId("returned-hint").waitFor();
    await ent.getByTestId(`open-${filed.number}`).click();
    await caseState(ent, "returned");
    await expect(ent.getByTestId("return-comment").textContent()).resolves.toContain(comment);

    const corrected = "“浙江制造”标准 T/ZZB 2188-2025（智能屏蔽泵）";
    await ent.getByTestId("field-subject").fill(corrected);
    await ent
      .getByTestId("evidence-input")
      .setInputFiles(evidenceFile("标准发布公告.pdf", "T/ZZB 2188-2025"));
    await ent.getByTestId("evidence-list").getByText("标准发布公告.pdf").waitFor();
    await ent.getByTestId("action-submit").click();
    await caseState(ent, "submitted");

    const after = await apiGet<{
      application: { state: string; subject: string; submittedAt: string };
      evidence: { name: string }[];
      events: { action: string; toState: string; comment: string | null }[];
    }>(ent, `/api/v1/applications/${filed.id}`);
    expect(after.application.state).toBe("submitted");
    expect(after.application.subject).toBe(corrected);
    expect(after.application.submittedAt).toBe(before.submitted_at);
    expect(after.evidence.map((e) => e.name)).toContain("标准发布公告.pdf");
    expect(after.events.map((e) => [e.action, e.toState])).toEqual([
      ["create", "draft"],
      ["submit", "submitted"],
      ["return", "returned"],
      ["submit", "submitted"],
    ]);
    expect(after.events[2]?.comment).toBe(comment);
  }, 90_000);

  it("the programme, assessment and audit pages render for their roles", async () => {
    const city = await h.as(USERS.city);
    await city.goto(`${h.url}/projects`);
    await city.getByTestId("call-create").waitFor();
    await shoot(city, "projects");

    await city.goto(`${h.url}/assessment`);
    await city.getByTestId("assessment-year").waitFor();
    await shoot(city, "assessment");

    const auditor = await h.as(USERS.auditor);
    await auditor.waitForURL(/\/admin\/audit/);
    const latest = await apiGet<{ items: { actionName: string }[] }>(
      auditor,
      "/api/v1/audit?page=1&pageSize=1",
    );
    await auditor
      .getByText(latest.items[0]?.actionName as string)
      .first()
      .waitFor();
    await auditor.getByTestId("audit-verify").click();
    await expect(auditor.getByTestId("audit-verify-result").textContent()).resolves.toContain(
      "哈希链完整",
    );
    await shoot(auditor, "admin-audit");
  }, 60_000);

  it("an objection filed on the public page and upheld by the city ends the case rejected, without an award", async () => {
    const published = await caseInPublicity(
      h.ctx,
      cast,
      USERS.entLinhai,
      { item: "2.4.e", subject: "台州市专利标准融合发展示范企业（2025 年度）" },
      h.today(),
    );

    // Anyone, without signing in, objects on the public page.
    const visitor = await h.page();
    await visitor.goto(`${h.url}/publicity/public/${published.batchId}`);
    await visitor.getByTestId(`object-${published.number}`).click();
    await visitor.getByTestId("objection-name").fill("李明");
    await visitor.getByTestId("objection-contact").fill("13957600000");
    const reason = "该企业的示范企业称号已于 2025 年 4 月被撤销，不应奖励。";
    await visitor.getByTestId("objection-reason").fill(reason);
    await visitor.getByTestId("objection-submit").click();
    await visitor.getByTestId("objection-done").waitFor();

    const city = await h.as(USERS.city);
    const objections = await apiGet<{ items: { id: string; reason: string; state: string }[] }>(
      city,
      `/api/v1/publicity/${published.batchId}/objections`,
    );
    expect(objections.items).toEqual([expect.objectContaining({ reason, state: "open" })]);
    const objection = objections.items[0] as { id: string };
    // The objector's name and contact are never public.
    const publicText = JSON.stringify(
      await apiGet(visitor, `/api/v1/public/publicity/${published.batchId}`),
    );
    expect(publicText).not.toContain("李明");
    expect(publicText).not.toContain("13957600000");

    await city.goto(`${h.url}/publicity/${published.batchId}`);
    await city.getByTestId(`objection-resolve-${objection.id}`).click();
    await city.getByTestId("objection-outcome-upheld").click();
    await city
      .getByTestId("objection-resolution")
      .fill("经核实，称号已被撤销，异议成立，不予奖励。");
    await city.getByTestId("objection-resolve-submit").click();
    await city.getByTestId(`objection-${objection.id}`).getByText("异议成立").first().waitFor();
    await city.getByTestId(`entry-${published.number}`).getByText("异议成立").waitFor();

    const app = await apiGet<{ application: { state: string; lastComment: string | null } }>(
      city,
      `/api/v1/applications/${published.id}`,
    );
    expect(app.application.state).toBe("rejected");
    // Even once the period has ended and the due batches are closed, no award is made.
    await h.jumpTo(addDays(published.endDate, 1));
    await closePublicity(h.ctx, systemActor("test"));
    expect((await applicationRow(published.id)).state).toBe("rejected");
    const awards = await db()
      .selectFrom("awards")
      .select("id")
      .where("application_id", "=", published.id)
      .execute();
    expect(awards).toEqual([]);
    const entry = await db()
      .selectFrom("publicity_entries")
      .select("outcome")
      .where("application_id", "=", published.id)
      .executeTakeFirstOrThrow();
    expect(entry.outcome).toBe("rejected");
  }, 90_000);

  // An anonymous action (a public objection is audited without an actor) must not break the page.
  it("the audit log page shows an entry without an actor (a public objection) as the public's", async () => {
    const published = await caseInPublicity(
      h.ctx,
      cast,
      USERS.entWenling,
      { item: "1.2.a", subject: "省先进质量管理孵化基地（2025）" },
      h.today(),
    );
    await fileObjection(
      h.ctx,
      PUBLICITY_SUBJECTS.awards,
      published.batchId,
      { subjectId: published.id, name: "赵六", contact: "13800000000", reason: "核实" },
      null,
    );
    const auditor = await h.as(USERS.auditor);
    const entries = await apiGet<{ items: { seq: number; actorId: string | null }[] }>(
      auditor,
      "/api/v1/audit?action=objection.file&page=1&pageSize=1",
    );
    const entry = entries.items[0] as { seq: number; actorId: string | null };
    expect(entry.actorId).toBeNull();
    await auditor.goto(`${h.url}/admin/audit`);
    const row = auditor.getByTestId(`audit-${entry.seq}`);
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain("公示异议：提出异议");
    expect(text).toContain("公众");
    expect(text).toContain("匿名");
    // Neither the objector's name nor the contact is in the audit trail.
    expect(text).not.toContain("赵六");
    expect(text).not.toContain("13800000000");
    await auditor.getByTestId("audit-verify").click();
    await expect(auditor.getByTestId("audit-verify-result").textContent()).resolves.toContain(
      "哈希链完整",
    );
  }, 30_000);
});
