import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axe, consoleErrors } from "./checks.ts";
import { Harness, PASSWORD, seedCast, USERS } from "./fixtures.ts";
import { signIn } from "./support.ts";

/**
 * The app's frame, whatever the page: the account menu (with 退出登录) is reachable by keyboard,
 * each page names its own tab, and a visitor's pages log no error (no 401 for "who is signed in",
 * no missing icon).
 */
let h: Harness;

beforeAll(async () => {
  h = await Harness.start();
  await seedCast(h.ctx);
}, 180_000);

afterAll(async () => {
  await h?.close();
});

describe("the app's frame", () => {
  it("signs out by keyboard alone: Tab to the account menu, Enter, then 退出登录", async () => {
    const page = await h.as(USERS.city);
    await page.goto(`${h.url}/review`);
    await page.getByTestId("current-user").waitFor();
    // Tab from the top of the page until the account button has the focus.
    await page.locator("body").focus();
    let reached = false;
    for (let i = 0; i < 10 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page
        .getByTestId("current-user")
        .evaluate((el) => el === (el.ownerDocument as { activeElement: unknown }).activeElement);
    }
    expect(reached).toBe(true);
    await page.keyboard.press("Enter");
    const item = page.getByRole("menuitem", { name: "退出登录" });
    await item.waitFor();
    await item.focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("current-user").waitFor({ state: "detached" });
    const me = await page.evaluate(async () => (await fetch("/api/v1/auth/session")).json());
    expect(me).toEqual({ session: null });
    h.forget(USERS.city);
  });

  it("names each page's tab after the page", async () => {
    const page = await h.page();
    const titles = new Set<string>();
    for (const path of ["/policy", "/calculator", "/publicity/public", "/login"]) {
      await page.goto(`${h.url}${path}`);
      await page.waitForFunction(() =>
        (globalThis as unknown as { document: { title: string } }).document.title.includes("·"),
      );
      titles.add(await page.title());
    }
    expect(titles.size).toBe(4);
    for (const title of titles) expect(title).toMatch(/ · 台州市质量强市激励政策兑现系统$/);
  });

  it("logs no console error on a visitor's pages, and the frame has no serious accessibility fault", async () => {
    const page = await h.page();
    const errors = consoleErrors(page);
    const failed: string[] = [];
    page.on("response", (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${h.url}/policy`);
    await page.getByRole("table").first().waitFor();
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    const phone = await h.page("phone");
    await phone.goto(`${h.url}/policy`);
    await phone.getByRole("table").first().waitFor();
    for (const [name, p] of [
      ["frame desk", page],
      ["frame phone", phone],
    ] as const) {
      const result = await axe(p, name);
      expect(result.blocking.filter((v) => /header|sider|menu/.test(v.targets.join(" ")))).toEqual(
        [],
      );
    }
  });

  it("the signed-in frame (account menu, ☰ and its menu) has no serious accessibility fault", async () => {
    for (const device of ["office", "phone"] as const) {
      const page = await h.page(device);
      await signIn(page, h.url, USERS.city, PASSWORD);
      await page.goto(`${h.url}/review`);
      await page.getByTestId("current-user").waitFor();
      if (device === "phone") {
        await page.getByTestId("menu-toggle").click();
        await page.locator(".ant-drawer .ant-menu").waitFor();
      }
      const result = await axe(page, `signed-in frame ${device}`);
      const inFrame = result.blocking.filter((v) =>
        /ant-layout-header|ant-layout-sider|ant-drawer|ant-menu|current-user|menu-toggle/.test(
          v.targets.join(" "),
        ),
      );
      expect(inFrame, device).toEqual([]);
      await page.context().close();
    }
  });
});
