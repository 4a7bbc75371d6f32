import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/auth/roles.ts";
import { addPanelMember } from "../../src/projects/add-panel-member.ts";
import { createCall } from "../../src/projects/create-call.ts";
import { rankCall } from "../../src/projects/rank-call.ts";
import { submitProposal } from "../../src/projects/submit-proposal.ts";
import { submitScore } from "../../src/projects/submit-score.ts";
import { createUser } from "../../src/users/create-user.ts";
import { axe } from "./checks.ts";
import { apiGet, type Cast, Harness, PASSWORD, seedCast, shoot, USERS } from "./fixtures.ts";
import { signIn } from "./support.ts";

/**
 * The public-project, assessment and report pages as their users meet them: the report list
 * speaks Chinese, publishing a selection asks first, a call's tab carries its number, and every
 * main page has no serious accessibility fault at desk and phone size.
 */
let h: Harness;
let cast: Cast;
let callId: string;
let callNumber: string;
const EXPERT = "expert-wang";

beforeAll(async () => {
  h = await Harness.start();
  cast = await seedCast(h.ctx);
  const expert = await createUser(h.ctx, null, {
    username: EXPERT,
    displayName: "王专家",
    role: "expert",
    password: PASSWORD,
  });
  const expertActor: Actor = {
    userId: expert.id,
    username: EXPERT,
    role: "expert",
    organizationId: null,
    county: null,
    ip: null,
  };
  const city = cast.actors[USERS.city];
  const call = await createCall(h.ctx, city, {
    year: 2025,
    title: "2025 年度质量提升公共项目征集",
    budget: 1_200_000,
    advancePercent: 50,
    categories: ["质量分析与质量诊断", "其他"],
    criteria: [
      { id: "need", name: "必要性与公共性", weight: 60 },
      { id: "impact", name: "预期成效", weight: 40 },
    ],
    passMark: 60,
    opensOn: "2025-06-01",
    closesOn: "2025-06-10",
  });
  callId = call.id;
  callNumber = call.number;
  await addPanelMember(h.ctx, city, call.id, expert.id);
  const proposal = await submitProposal(h.ctx, cast.actors[USERS.entLinhai], call.id, {
    category: "质量分析与质量诊断",
    title: "临海医化行业质量诊断服务",
    requested: 300_000,
    plan: "一、目标\n二、实施内容",
  });
  // Scoring opens the day after the call closes.
  await h.jumpTo("2025-06-11");
  await submitScore(h.ctx, expertActor, proposal.id, { scores: { need: 80, impact: 70 } });
  await rankCall(h.ctx, city, call.id);
}, 240_000);

afterAll(async () => {
  await h?.close();
});

/** A phone session of `username`, signed in. */
async function phoneAs(username: string): Promise<Page> {
  const page = await h.page("phone");
  await signIn(page, h.url, username, PASSWORD);
  h.signIns++;
  return page;
}

describe("public projects, assessment and reports", () => {
  it("lists the reports by their Chinese names, with no report code shown", async () => {
    const page = await h.as(USERS.city);
    await page.goto(`${h.url}/reports`);
    const rows = page.locator('[data-testid^="report-row-"]');
    await rows.first().waitFor();
    const kinds = await rows.evaluateAll((els) =>
      els.map((e) => String(e.getAttribute("data-testid")).replace("report-row-", "")),
    );
    expect(kinds.length).toBeGreaterThan(3);
    for (const kind of kinds) {
      const text = (await page.getByTestId(`report-row-${kind}`).textContent()) ?? "";
      expect(text, kind).not.toContain(kind);
      // What the report holds is said in Chinese next to its name.
      expect(text.replace(/\.xlsx/g, "")).not.toMatch(/[A-Za-z]{3,}/);
    }
  });

  it("asks for confirmation before publishing a call's selection (发布公示)", async () => {
    const page = await h.as(USERS.city);
    await page.goto(`${h.url}/projects/calls/${callId}`);
    await page.getByTestId("call-select").click();
    await page.getByRole("button", { name: "发布公示" }).click();
    const confirm = page.locator(".ant-modal-confirm");
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain("300,000 元");
    // Nothing is published until the official confirms.
    const before = await apiGet<{ state: string }>(page, `/api/v1/project-calls/${callId}`);
    expect(before.state).toBe("ranked");
    await page.getByTestId("selection-confirm").click();
    await page.getByTestId("call-state").getByText("公示中").waitFor();
  });

  it("names a call's tab after its number", async () => {
    const page = await h.as(USERS.city);
    await page.goto(`${h.url}/projects/calls/${callId}`);
    await page
      .getByTestId("call-title")
      .waitFor({ timeout: 15_000 })
      .catch((e: unknown) => {
        throw new Error(`${String(e)}; ${h.pageErrors.join("; ")}`);
      });
    await expect.poll(() => page.title()).toContain(callNumber);
  });

  it("has no serious accessibility fault on the main pages, at desk and phone size", async () => {
    const pages: [string, string, string][] = [
      ["calls", USERS.city, "/projects"],
      ["call", USERS.city, `/projects/calls/${callId}`],
      ["expert", EXPERT, "/expert"],
      ["assessment", USERS.city, "/assessment"],
      ["reports", USERS.city, "/reports"],
    ];
    const faults: Record<string, unknown> = {};
    const phones = new Map<string, Page>();
    for (const [name, user, path] of pages) {
      for (const device of ["desk", "phone"] as const) {
        let page: Page;
        if (device === "desk") page = await h.as(user as (typeof USERS)[keyof typeof USERS]);
        else {
          const kept = phones.get(user) ?? (await phoneAs(user));
          phones.set(user, kept);
          page = kept;
        }
        await page.goto(`${h.url}${path}`);
        await page
          .locator("main h4, main .ant-card")
          .first()
          .waitFor({ timeout: 15_000 })
          .catch((e: unknown) => {
            throw new Error(`${name} ${device}: ${String(e)}; ${h.pageErrors.join("; ")}`);
          });
        await shoot(page, `ux-projects-${name}-${device}`);
        const result = await axe(page, `${name} ${device}`);
        const own = result.blocking;
        if (own.length > 0) faults[`${name} ${device}`] = own;
      }
    }
    expect(faults).toEqual({});
  }, 120_000);
});
