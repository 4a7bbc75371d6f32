import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import type { Context } from "../../src/context.ts";
import { buildApp } from "../../src/http/app.ts";
import { PolicyStore } from "../../src/policies/policy-store.ts";
import { contextFor, freshDatabase, type TestDatabase } from "../helpers/db.ts";

/**
 * Browser tests: the real server (in this process, so that the test can move its clock) on a
 * fresh SQLite database, serving the built web app; Debian's Chromium driven by playwright-core.
 */
const ROOT = new URL("../..", import.meta.url).pathname;

/**
 * Builds dist/web when it is missing or older than web/ (the same step as npm start). Vitest runs
 * the browser files in parallel: a lock (a directory, created atomically) lets one build while
 * the others wait and then find the build fresh, rather than three builds emptying dist/web at once.
 */
export function ensureWebBuilt(): void {
  const lock = join(ROOT, "dist", ".build-web.lock");
  mkdirSync(join(ROOT, "dist"), { recursive: true });
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      // A lock left by a killed run (older than any build takes) is taken over.
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 240_000) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`dist/web is locked by ${lock}`);
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    execFileSync(process.execPath, [join(ROOT, "scripts", "build-web.mjs")], { stdio: "inherit" });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** A clock the test sets; it runs on from the instant set, like a real one. */
export class TestClock {
  private offset = 0;
  now = (): Date => new Date(Date.now() + this.offset);
  /** Sets the Beijing date (at 10:00). */
  setBeijing(date: string): void {
    this.offset = Date.parse(`${date}T10:00:00+08:00`) - Date.now();
  }
}

export interface BrowserServer {
  readonly url: string;
  readonly context: Context;
  readonly clock: TestClock;
  readonly db: TestDatabase;
  close(): Promise<void>;
}

export async function startBrowserServer(): Promise<BrowserServer> {
  const db = await freshDatabase("sqlite");
  const clock = new TestClock();
  // As `qi serve` runs: the packs on record, refreshed before each request.
  const policies = await PolicyStore.open(db.handle.db);
  const context: Context = {
    ...contextFor(db, clock.now),
    get registry() {
      return policies.current;
    },
  };
  const app = await buildApp({ context, strictResponses: true, policies });
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    url,
    context,
    clock,
    db,
    close: async () => {
      await app.close();
      await db.cleanup();
    },
  };
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Playwright starts Chromium headless with a new, empty profile of its own. */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      ...extraArgs,
    ],
  });
}

/** An office screen (1366×768) or a phone, Chinese locale, Beijing time. */
export async function newSession(
  browser: Browser,
  device: "office" | "phone" = "office",
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: device === "office" ? { width: 1366, height: 768 } : { width: 390, height: 844 },
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    acceptDownloads: true,
  });
}

export async function signIn(page: Page, url: string, username: string, password: string) {
  await page.goto(`${url}/login`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByTestId("login-submit").click();
  await page.getByTestId("current-user").waitFor();
}

/**
 * Saves a screenshot: into docs/screenshots when QI_SCREENSHOTS=1 (`npm run screenshots`),
 * otherwise into a temporary folder (the page still has to render for the test to pass).
 */
const SHOTS =
  process.env.QI_SCREENSHOTS === "1"
    ? join(ROOT, "docs", "screenshots")
    : mkdtempSync(join(os.tmpdir(), "qi-shots-"));

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  // Best effort, bounded: Playwright's "networkidle" of a page waits for its child frames too, and
  // Chromium's PDF viewer in an <iframe> (the evidence viewer) now and then never reports it. The
  // tests wait for what they show before taking a screenshot.
  await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => undefined);
  await page.screenshot({ path, fullPage: false });
  return path;
}
