import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ROLE_NAMES } from "../../src/auth/roles.ts";
import { createUser } from "../../src/users/create-user.ts";
import { axe, horizontalOverflow } from "./checks.ts";
import {
  type Cast,
  type Filed,
  Harness,
  PASSWORD,
  quiet,
  seedBackground,
  seedCast,
  USERS,
} from "./fixtures.ts";
import { screenshot, signIn } from "./support.ts";

/**
 * The administrators' pages as their users read them: the audit log in words (action names, case
 * numbers, who by name and role, changes field by field), searched in Chinese, its filters in the
 * address; the account list paged in the address with Chinese labels; and every page free of
 * serious accessibility faults at desk and phone size.
 */

let h: Harness;
let cast: Cast;
let filed: Filed[];
const SYSADMIN = "sysadmin-ux";
const SECADMIN = "secadmin-ux";
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

beforeAll(async () => {
  h = await Harness.start();
  cast = await seedCast(h.ctx);
  filed = await seedBackground(h.ctx, cast);
  for (const [username, displayName, role] of [
    [SYSADMIN, "系统管理员 甲", "system_admin"],
    [SECADMIN, "安全管理员 乙", "security_admin"],
  ] as const)
    await createUser(h.ctx, null, { username, displayName, role, password: PASSWORD });
  // Enough accounts for the list to run over one page.
  for (let n = 1; n <= 20; n++)
    await createUser(h.ctx, null, {
      username: `expert-ux-${String(n).padStart(2, "0")}`,
      displayName: `评审专家 ${n} 号`,
      role: "expert",
      password: PASSWORD,
    });
}, 180_000);

afterAll(async () => {
  await h?.close();
});

afterEach(() => {
  expect(h.pageErrors.splice(0)).toEqual([]);
});

async function signedIn(username: string, device: "office" | "phone" = "office"): Promise<Page> {
  const page = await h.page(device);
  await signIn(page, h.url, username, PASSWORD).catch(async (e) => {
    await page.screenshot({ path: `/tmp/ux-admin-signin-${username}-${device}.png` });
    throw e;
  });
  h.signIns++;
  return page;
}

describe("administration pages in the browser", () => {
  it("the audit log names actions, objects, operators and changes in words", async () => {
    const auditor = await h.as(USERS.auditor);
    // Filtered by the action's code, as a click on an action's name does.
    await auditor.goto(`${h.url}/admin/audit?action=application.accept`);
    // The county's acceptance of the Wenling case under county review (seedBackground's second).
    const accepted = filed[1] as Filed;
    const row = auditor
      .locator("tr[data-testid^='audit-']")
      .filter({ hasText: accepted.number })
      .filter({ hasText: "受理" })
      .first();
    await row.waitFor();
    const text = (await row.textContent()) ?? "";
    expect(text).not.toContain("application.accept");
    expect(text).toContain("温岭市市场监管局 审核员");
    expect(text).toContain(ROLE_NAMES.county_official);
    expect(text).not.toMatch(UUID);
    // Opened, the change reads field, before and after in Chinese.
    await row.locator(".ant-table-row-expand-icon").click();
    const detail = auditor.getByTestId("audit-changes").first();
    await detail.waitFor();
    const changes = (await detail.textContent()) ?? "";
    expect(changes).toContain("状态");
    expect(changes).toContain("已提交");
    expect(changes).toContain("县级初审中");
    expect(changes).not.toContain('"state"');
    expect(changes).not.toContain("county_review");
  }, 60_000);

  it("searching 操作 for 审核 finds the review actions, and the filter stays in the address", async () => {
    const auditor = await h.as(USERS.auditor);
    await auditor.goto(`${h.url}/admin/audit`);
    await auditor.getByTestId("audit-action").fill("审核");
    await auditor.getByTestId("audit-search").click();
    await auditor.waitForURL(/action=/);
    await quiet(auditor);
    expect(decodeURIComponent(auditor.url())).toContain("action=审核");
    const rows = auditor.locator("tr[data-testid^='audit-']");
    await rows.first().waitFor();
    const actions = await auditor.getByTestId("audit-action-name").allTextContents();
    expect(actions.length).toBeGreaterThan(0);
    for (const a of actions) expect(a).toContain("审核");
    // Reloaded, the address keeps the filter and the list.
    await auditor.reload();
    await expect(auditor.getByTestId("audit-action").inputValue()).resolves.toBe("审核");
    await rows.first().waitFor();
  }, 60_000);

  it("the account list keeps its page in the address and labels its controls in Chinese", async () => {
    const admin = await signedIn(SYSADMIN);
    await admin.goto(`${h.url}/admin/users?page=2`);
    await admin.locator("tr[data-testid^='user-']").first().waitFor();
    await expect(admin.locator(".ant-pagination-item-active").first().textContent()).resolves.toBe(
      "2",
    );
    await admin.locator(".ant-pagination-item-1").first().click();
    await admin.waitForURL((u) => !u.search.includes("page="));
    // Icons (role img) carry their icon's name app-wide; the page's own controls are checked.
    const labels = await admin
      .locator("[aria-label]:not([role=img])")
      .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""));
    expect(labels.filter((l) => /[A-Za-z]{3,}/.test(l))).toEqual([]);
  }, 60_000);

  it.each(["office", "phone"] as const)(
    "the audit, users, calendar and settings pages have no serious accessibility fault (%s)",
    async (device) => {
      const pages: [string, string, string][] = [
        [USERS.auditor, "/admin/audit", "audit"],
        [SYSADMIN, "/admin/users", "users"],
        [SYSADMIN, "/admin/calendar", "calendar"],
        [SYSADMIN, "/admin/settings", "settings"],
        [SECADMIN, "/admin/settings", "settings-security"],
      ];
      const found: Record<string, unknown> = {};
      {
        const sessions = new Map<string, Page>();
        for (const [who, path, name] of pages) {
          const page = sessions.get(who) ?? (await signedIn(who, device));
          sessions.set(who, page);
          await page.goto(`${h.url}${path}`);
          await page.locator("h4:visible").first().waitFor();
          await page.locator(".ant-spin-spinning").first().waitFor({ state: "detached" });
          await screenshot(page, `ux-admin-${name}-${device}`);
          const result = await axe(page, `${name} ${device}`);
          const open = result.blocking;
          if (open.length > 0) found[`${name} ${device}`] = open;
          if (device === "phone") {
            const overflow = await horizontalOverflow(page);
            if (overflow.scrollWidth > overflow.innerWidth) found[`${name} overflow`] = overflow;
          }
        }
        for (const page of sessions.values()) await page.context().close();
      }
      expect(found).toEqual({});
    },
    150_000,
  );
});
