import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Locator, Page, Request } from "playwright-core";
import { expect } from "vitest";
import { createApplication } from "../../src/applications/applications.ts";
import { addEvidence } from "../../src/applications/evidence.ts";
import { createPublicityBatch } from "../../src/applications/publish-cases.ts";
import type { Action } from "../../src/applications/states.ts";
import { transitionApplication } from "../../src/applications/transition-application.ts";
import type { Actor, Role } from "../../src/auth/roles.ts";
import { setBudget } from "../../src/budgets/budgets.ts";
import type { Context } from "../../src/context.ts";
import { DEMO_PNG, demoPdf } from "../../src/demo/demo-files.ts";
import type { County } from "../../src/organizations/counties.ts";
import { createOrganization } from "../../src/organizations/organizations.ts";
import { usccCheckCharacter } from "../../src/organizations/uscc.ts";
import { createUser } from "../../src/users/create-user.ts";
import {
  type BrowserServer,
  ensureWebBuilt,
  launchBrowser,
  newSession,
  screenshot,
  signIn,
  startBrowserServer,
} from "./support.ts";

/**
 * What the journey tests set up through the domain (never through the pages under test): two
 * enterprises in two counties and an account of every role that takes part, this year's budgets,
 * a few cases in the review states so the lists look like a living system, and a harness that
 * keeps the browser's clock on the server's TestClock.
 */

/** Every account's password (passes the default password policy). */
export const PASSWORD = "Taizhou-Demo-2025";
/** The day the tests begin (a Tuesday inside the policy period 2023-02-11..2026-02-10). */
export const START = "2025-06-10";
export const YEAR = 2025;
/** The date of the events the claims are for. */
export const EVENT_DATE = "2025-05-20";

export interface Org {
  readonly id: string;
  readonly name: string;
  readonly uscc: string;
  readonly county: County;
}

export const USERS = {
  entWenling: "ent-wenling",
  entLinhai: "ent-linhai",
  countyWenling: "county-wenling",
  countyLinhai: "county-linhai",
  city: "city",
  finance: "finance",
  financeWenling: "finance-wenling",
  leader: "leader",
  auditor: "auditor",
} as const;
export type Username = (typeof USERS)[keyof typeof USERS];

export interface Cast {
  /** 温岭市: its cases are funded by the county (按属地). */
  readonly wenling: Org;
  /** 临海市. */
  readonly linhai: Org;
  readonly actors: Record<Username, Actor>;
}

function uscc(n: number): string {
  const body = `91331000MA2${String(n).padStart(6, "0")}`;
  return body + usccCheckCharacter(body);
}

/** Organizations, users and this year's budgets, on an empty database. */
export async function seedCast(ctx: Context): Promise<Cast> {
  const org = async (n: number, name: string, county: County, contact: string) => {
    const o = await createOrganization(ctx, null, {
      uscc: uscc(n),
      name,
      county,
      kind: "enterprise",
      contactName: contact,
      contactPhone: `0576-8${String(6000000 + n * 7919).slice(0, 7)}`,
      bankName: "台州银行",
      bankAccount: `62300000${String(10000000 + n).slice(0, 8)}`,
    });
    return { id: o.id, name: o.name, uscc: o.uscc, county };
  };
  const wenling = await org(101, "浙江东海泵业股份有限公司", "温岭市", "陈经理");
  const linhai = await org(102, "台州华宇医药化工有限公司", "临海市", "王经理");

  const accounts: [Username, string, Role, { organizationId?: string; county?: County }][] = [
    [USERS.entWenling, wenling.name, "enterprise", { organizationId: wenling.id }],
    [USERS.entLinhai, linhai.name, "enterprise", { organizationId: linhai.id }],
    [USERS.countyWenling, "温岭市市场监管局 审核员", "county_official", { county: "温岭市" }],
    [USERS.countyLinhai, "临海市市场监管局 审核员", "county_official", { county: "临海市" }],
    [USERS.city, "市市场监管局 审核员", "city_official", {}],
    [USERS.finance, "市财政局 拨付员", "finance", {}],
    [USERS.financeWenling, "温岭市财政局 拨付员", "finance", { county: "温岭市" }],
    [USERS.leader, "市政府 分管领导", "leader", {}],
    [USERS.auditor, "审计管理员", "auditor", {}],
  ];
  const actors = {} as Record<Username, Actor>;
  for (const [username, displayName, role, binding] of accounts) {
    const u = await createUser(ctx, null, {
      username,
      displayName,
      role,
      password: PASSWORD,
      organizationId: binding.organizationId,
      county: binding.county,
    });
    actors[username] = {
      userId: u.id,
      username,
      role,
      organizationId: u.organizationId,
      county: u.county,
      ip: null,
    };
  }
  for (const [source, key, total] of [
    ["city", "city", 20_000_000],
    ["温岭市", "wenling", 3_000_000],
    ["临海市", "linhai", 3_000_000],
  ] as const) {
    await setBudget(ctx, null, { year: YEAR, source, total }, `browser-budget-${YEAR}-${key}`);
  }
  return { wenling, linhai, actors };
}

export interface Filed {
  readonly id: string;
  readonly number: string;
}

/**
 * A case filed by the organization's enterprise user with one PDF (and a photo when asked), then
 * moved by `steps`: each step names who acts (a username of the cast) and, for return and
 * reject, the comment.
 */
export async function fileCase(
  ctx: Context,
  cast: Cast,
  enterprise: Username,
  claim: {
    item: string;
    subject: string;
    eventDate?: string;
    facts?: Record<string, boolean | number | string>;
    photo?: boolean;
  },
  steps: [Username, Action, string?][] = [],
): Promise<Filed> {
  const ent = cast.actors[enterprise];
  const app = await createApplication(ctx, ent, {
    item: claim.item,
    subject: claim.subject,
    project: null,
    eventDate: claim.eventDate ?? EVENT_DATE,
    facts: claim.facts ?? {},
  });
  await addEvidence(ctx, ent, app.id, {
    filename: `${claim.item}-证明材料.pdf`,
    data: demoPdf(`${claim.item} ${app.number}`),
  });
  if (claim.photo)
    await addEvidence(ctx, ent, app.id, { filename: "现场照片.png", data: DEMO_PNG });
  for (const [who, action, comment] of steps)
    await transitionApplication(ctx, cast.actors[who], app.id, action, comment ?? null);
  return { id: app.id, number: app.number };
}

export type ReviewState = "submitted" | "county_review" | "city_review" | "approved";

/** The steps that take a case of `enterprise` to `upTo`: submit, county accept and approve, city approve. */
export function stepsTo(enterprise: Username, upTo: ReviewState): [Username, Action][] {
  const county = enterprise === USERS.entWenling ? USERS.countyWenling : USERS.countyLinhai;
  const all: [Username, Action][] = [
    [enterprise, "submit"],
    [county, "accept"],
    [county, "approve"],
    [USERS.city, "approve"],
  ];
  return all.slice(0, { submitted: 1, county_review: 2, city_review: 3, approved: 4 }[upTo]);
}

/**
 * Cases in the review states for both enterprises, as a living system has them: the queues, the
 * enterprise's list and the dashboard have something to show besides the case under test.
 */
export async function seedBackground(ctx: Context, cast: Cast): Promise<Filed[]> {
  const W = USERS.entWenling;
  const L = USERS.entLinhai;
  return [
    await fileCase(
      ctx,
      cast,
      W,
      { item: "2.4.e", subject: "台州市专利标准融合发展示范企业（2025 年度）" },
      stepsTo(W, "submitted"),
    ),
    await fileCase(
      ctx,
      cast,
      W,
      {
        item: "3.3.a",
        subject: "CNAS 认可实验室 L2025-0417",
        eventDate: "2025-03-18",
        photo: true,
      },
      stepsTo(W, "county_review"),
    ),
    await fileCase(
      ctx,
      cast,
      L,
      { item: "2.1.a", subject: "GB/T 45126-2024 第一起草单位", eventDate: "2024-12-31" },
      stepsTo(L, "submitted"),
    ),
    await fileCase(
      ctx,
      cast,
      L,
      { item: "1.3.b", subject: "台州市产业链数字化质量管理创新示范单位 2025" },
      stepsTo(L, "county_review"),
    ),
    await fileCase(
      ctx,
      cast,
      L,
      {
        item: "2.2.b",
        subject: "省级标准化试点项目 ZJBZ-2024-031 通过验收",
        eventDate: "2025-04-08",
      },
      stepsTo(L, "city_review"),
    ),
  ];
}

/** A case of `enterprise` taken through review to approved, and published today by the city. */
export async function caseInPublicity(
  ctx: Context,
  cast: Cast,
  enterprise: Username,
  claim: { item: string; subject: string },
  today: string,
): Promise<Filed & { batchId: string; endDate: string }> {
  const filed = await fileCase(ctx, cast, enterprise, claim, stepsTo(enterprise, "approved"));
  const batch = await createPublicityBatch(ctx, cast.actors[USERS.city], {
    title: `${YEAR} 年质量强市奖励公示（${filed.number}）`,
    startDate: today,
    applicationIds: [filed.id],
  });
  return { ...filed, batchId: batch.id, endDate: batch.endDate };
}

/** A one-page PDF on disk, for `setInputFiles`. */
export function evidenceFile(name: string, title = name): string {
  const dir = mkdtempSync(join(os.tmpdir(), "qi-evidence-"));
  const path = join(dir, name);
  writeFileSync(path, demoPdf(title));
  return path;
}

/**
 * The server, one browser, and the browser sessions of the test: each context's clock is set to
 * the server's TestClock (the pages compute "today" — default dates, whether a publicity period
 * is open or due — from the browser's clock), and moved with it. A signed-in session per user is
 * kept until the clock jumps (the server's idle timeout then ends every session).
 */
export class Harness {
  private readonly contexts = new Set<BrowserContext>();
  private readonly sessions = new Map<string, Page>();
  /** Sign-ins so far (the login route allows 20 a minute from one address). */
  signIns = 0;
  /** Uncaught errors of any page (a React render error blanks the whole app). */
  readonly pageErrors: string[] = [];

  private constructor(
    readonly server: BrowserServer,
    readonly browser: Browser,
  ) {}

  static async start(date = START): Promise<Harness> {
    ensureWebBuilt();
    const server = await startBrowserServer();
    server.clock.setBeijing(date);
    const browser = await launchBrowser();
    return new Harness(server, browser);
  }

  get url(): string {
    return this.server.url;
  }

  get ctx(): Context {
    return this.server.context;
  }

  /** Today in Beijing on the server's clock. */
  today(): string {
    return new Date(this.server.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  }

  /** A new browser session (not signed in), its clock on the server's. */
  async page(device: "office" | "phone" = "office"): Promise<Page> {
    const context = await newSession(this.browser, device);
    await context.clock.setSystemTime(this.server.clock.now());
    this.contexts.add(context);
    context.on("close", () => this.contexts.delete(context));
    const page = await context.newPage();
    page.on("pageerror", (e) => this.pageErrors.push(`${page.url()}: ${e.message}`));
    trackRequests(page);
    return page;
  }

  /** The signed-in page of `username` (signed in on first use after each clock jump). */
  async as(username: Username): Promise<Page> {
    const kept = this.sessions.get(username);
    if (kept && !kept.isClosed()) return kept;
    const page = await this.page();
    await signIn(page, this.url, username, PASSWORD);
    this.signIns++;
    this.sessions.set(username, page);
    return page;
  }

  /** Forgets `username`'s kept session (the test signed it out): the next `as` signs in again. */
  forget(username: Username): void {
    this.sessions.delete(username);
  }

  /** Keeps a page signed in by the test itself as `username`'s session. */
  adopt(username: Username, page: Page): void {
    this.signIns++;
    this.sessions.set(username, page);
  }

  /**
   * Moves the server's clock and every browser's to `date` (10:00 Beijing). Days later every
   * server session has idled out: the kept sessions are closed, the next `as` signs in again.
   */
  async jumpTo(date: string): Promise<void> {
    this.server.clock.setBeijing(date);
    for (const context of this.contexts) await context.clock.setSystemTime(this.server.clock.now());
    for (const page of this.sessions.values()) await page.context().close();
    this.sessions.clear();
  }

  async close(): Promise<void> {
    await this.browser?.close();
    await this.server?.close();
  }
}

// ── Screenshots ─────────────────────────────────────────────────────────────────────

/** The app's own requests in flight, per page (not those of frames inside it, like the PDF viewer). */
const inFlight = new WeakMap<Page, Set<Request>>();

function trackRequests(page: Page): void {
  const pending = new Set<Request>();
  inFlight.set(page, pending);
  page.on("request", (r) => {
    if (r.frame() === page.mainFrame()) pending.add(r);
  });
  page.on("requestfinished", (r) => pending.delete(r));
  page.on("requestfailed", (r) => pending.delete(r));
}

/** Waits until the page's own requests have been done for half a second. */
export async function quiet(page: Page): Promise<void> {
  const pending = inFlight.get(page);
  if (!pending) {
    await page.waitForLoadState("networkidle", { timeout: 10_000 });
    return;
  }
  let idleSince = Date.now();
  const deadline = Date.now() + 20_000;
  while (Date.now() - idleSince < 500) {
    if (Date.now() > deadline)
      throw new Error(`requests still in flight: ${[...pending].map((r) => r.url()).join(", ")}`);
    if (pending.size > 0) idleSince = Date.now();
    await page.waitForTimeout(50);
  }
}

/**
 * Takes `name` for docs/screenshots once the page has settled: its requests done, no button or
 * spinner loading, no dialog opening or closing, the passing toasts hidden; scrolled to `at` (or
 * the top).
 */
export async function shoot(page: Page, name: string, at?: Locator): Promise<string> {
  await quiet(page);
  for (const busy of [
    ".ant-btn-loading",
    ".ant-spin-spinning",
    ".ant-zoom-leave",
    ".ant-fade-leave",
  ])
    await expect.poll(() => page.locator(busy).count(), { timeout: 10_000 }).toBe(0);
  if (at) await at.evaluate((e) => e.scrollIntoView({ block: "start" }));
  else await page.evaluate("window.scrollTo(0, 0)");
  const hide = await page.addStyleTag({
    content: ".ant-message { visibility: hidden !important; }",
  });
  try {
    return await screenshot(page, name);
  } finally {
    await hide.evaluate((e) => e.remove());
  }
}

// ── Reading the API as the page's user ───────────────────────────────────────────

/** GET through the page's own session (its cookies): what the signed-in user may read. */
export async function apiGet<T = any>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(new URL(path, page.url()).toString());
  expect(res.status(), `GET ${path}`).toBe(200);
  return (await res.json()) as T;
}

/** The status of a GET through the page's session. */
export async function apiStatus(page: Page, path: string): Promise<number> {
  return (await page.request.get(new URL(path, page.url()).toString())).status();
}

// ── Driving antd controls ─────────────────────────────────────────────────────────

/** "200,000 元", as the pages write money. */
export function yuan(amount: number): string {
  return `${amount.toLocaleString("zh-CN")} 元`;
}

/** The <input> of a control whose test id may sit on the input or on a wrapper around it. */
export async function inputOf(page: Page, testId: string): Promise<Locator> {
  const el = page.getByTestId(testId).first();
  const tag = await el.evaluate((e) => e.tagName);
  return tag === "INPUT" || tag === "TEXTAREA" ? el : el.locator("input").first();
}

/** Picks the option `text` of an antd Select. */
export async function pick(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator(".ant-select-item-option:visible").filter({ hasText: text }).first().click();
}

/**
 * Picks an option of a searchable select by typing it first: the long lists (the item catalog)
 * are virtual, and a click on an option of the whole list can land on another one when the list
 * re-measures its rows; filtered to the one wanted, it cannot.
 */
export async function pickTyped(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page.locator(".ant-select-item-option:visible").filter({ hasText: text }).first().click();
}

/** Types a date into an antd DatePicker and confirms it. */
export async function typeDate(page: Page, testId: string, value: string): Promise<void> {
  const input = await inputOf(page, testId);
  await input.click();
  await input.fill(value);
  await input.press("Enter");
  await expect.poll(() => input.inputValue()).toBe(value);
}

/**
 * Confirms antd's confirm dialog (the review actions) and waits for it to close. The OK button is
 * clicked once the dialog has finished opening. Should the click not get through (seen once in
 * many runs, on a loaded machine, not reproduced), what lies over the button is logged with a
 * screenshot and the dialog is confirmed with the keyboard (its OK button has the focus), a path a
 * user has too, so that the journey goes on and the log says what happened.
 */
export async function confirmDialog(page: Page): Promise<void> {
  const ok = page.getByTestId("action-confirm");
  await ok.waitFor();
  await expect
    .poll(() => page.locator(".ant-modal.ant-zoom-appear, .ant-modal.ant-zoom-enter").count())
    .toBe(0);
  try {
    await ok.click({ timeout: 10_000 });
  } catch (e) {
    const box = await ok.boundingBox();
    const over = box
      ? await page.evaluate(
          `document.elementFromPoint(${box.x + box.width / 2}, ${box.y + box.height / 2})?.outerHTML.slice(0, 300)`,
        )
      : "(no box)";
    const shot = join(mkdtempSync(join(os.tmpdir(), "qi-confirm-")), "dialog.png");
    await page.screenshot({ path: shot });
    console.warn(
      `confirmDialog: the click did not get through (${String(e).split("\n")[0]}); at the button's centre: ${over}; screenshot ${shot}. Confirming with the keyboard.`,
    );
    await ok.focus();
    await page.keyboard.press("Enter");
  }
  await ok.waitFor({ state: "detached" });
}

/** Waits for a case page to show `state` (data-state of the case's tag). */
export async function caseState(page: Page, state: string): Promise<void> {
  await page.locator(`[data-testid="case-state"][data-state="${state}"]`).waitFor();
}
