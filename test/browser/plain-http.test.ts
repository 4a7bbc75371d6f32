import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BrowserServer,
  ensureWebBuilt,
  launchBrowser,
  startBrowserServer,
} from "./support.ts";

/**
 * The usual deployment: plain http at an intranet host name, not loopback. Chromium treats
 * 127.0.0.1 and localhost as secure origins, so the other browser tests cannot see what a
 * `upgrade-insecure-requests` policy does to a page served over http elsewhere: every script of
 * the app is asked for over https and the page stays empty. Here Chromium resolves an intranet
 * name to the test server, as an office's DNS would.
 */
const HOST = "qi.intranet.test";

let server: BrowserServer;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  ensureWebBuilt();
  server = await startBrowserServer();
  origin = `http://${HOST}:${new URL(server.url).port}`;
  browser = await launchBrowser([`--host-resolver-rules=MAP ${HOST} 127.0.0.1`]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("served over plain http at an intranet host name", () => {
  it("renders the app: its scripts load over http and the policy page shows", async () => {
    const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    const page = await context.newPage();
    const failed: string[] = [];
    const scripts: string[] = [];
    page.on("requestfailed", (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ""}`));
    page.on("request", (r) => {
      if (r.resourceType() === "script") scripts.push(r.url());
    });

    const response = await page.goto(`${origin}/`);
    expect(response?.status()).toBe(200);
    // The app's own scripts were asked for at the page's origin, over http, and none failed
    // (under `upgrade-insecure-requests` they go to https://qi.intranet.test and fail).
    expect(scripts.length).toBeGreaterThan(0);
    for (const url of scripts) expect(url.startsWith(`${origin}/`), url).toBe(true);
    expect(failed).toEqual([]);

    // "/" leads to the policy page, which React renders from the API's catalog.
    await page
      .getByText("关于持续推进质量强市建设激发质量提升活力的若干意见（2023年修订）")
      .first()
      .waitFor({ timeout: 15_000 });
    await expect(
      page.getByText("台州市质量强市激励政策兑现系统").first().isVisible(),
    ).resolves.toBe(true);
    expect(new URL(page.url()).pathname).toBe("/policy");
    expect(page.url().startsWith(`${origin}/`)).toBe(true);
    expect(failed).toEqual([]);
    await context.close();
  });
});
