import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

/**
 * Checks a browser test makes of any page: accessibility (axe-core, run inside the page), that a
 * phone shows it without sideways scrolling, that an element is inside the viewport, and that the
 * page logged no console error.
 */
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

export interface AxeViolation {
  readonly id: string;
  readonly impact: "minor" | "moderate" | "serious" | "critical" | null;
  readonly help: string;
  readonly nodes: number;
  readonly targets: string[];
}

export interface AxeResult {
  readonly violations: AxeViolation[];
  /** Serious and critical violations: none is allowed. */
  readonly blocking: AxeViolation[];
  readonly counts: Record<"minor" | "moderate" | "serious" | "critical", number>;
}

/** The app's frame: the header (account menu, ☰) and the menu, checked by ux-shell.test.ts. */
const FRAME = [".ant-layout-header", ".ant-layout-sider", ".ant-drawer"];

/**
 * Runs axe-core in the page (evaluated through the browser's devtools, so CSP does not apply),
 * over the WCAG 2.1 A and AA rules and axe's best practices. QI_AXE_REPORT=1 prints the counts.
 * `withoutFrame` leaves the app's frame out: a page's own test checks the page's content.
 */
export async function axe(
  page: Page,
  name: string,
  options: { withoutFrame?: boolean } = {},
): Promise<AxeResult> {
  await page.evaluate(AXE_SOURCE);
  const exclude = options.withoutFrame ? FRAME.map((s) => [s]) : [];
  const raw = await page.evaluate(async (excluded) => {
    const w = globalThis as unknown as {
      axe: {
        run(
          context: unknown,
          options: unknown,
        ): Promise<{
          violations: {
            id: string;
            impact: AxeViolation["impact"];
            help: string;
            nodes: { target: unknown[] }[];
          }[];
        }>;
      };
    };
    const document = (globalThis as unknown as { document: unknown }).document;
    const context = excluded.length > 0 ? { exclude: excluded } : document;
    const result = await w.axe.run(context, {
      runOnly: {
        type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
      },
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 3).map((n) => String(n.target.join(" "))),
    }));
  }, exclude);
  const counts = { minor: 0, moderate: 0, serious: 0, critical: 0 };
  for (const v of raw) if (v.impact) counts[v.impact] += v.nodes;
  if (process.env.QI_AXE_REPORT === "1")
    console.log(`axe ${name}: ${JSON.stringify(counts)} ${raw.map((v) => v.id).join(",")}`);
  return {
    violations: raw,
    blocking: raw.filter((v) => v.impact === "serious" || v.impact === "critical"),
    counts,
  };
}

/** The page's width fits the viewport: nothing needs scrolling sideways. */
export async function horizontalOverflow(
  page: Page,
): Promise<{ scrollWidth: number; innerWidth: number; widest: string }> {
  return page.evaluate(() => {
    // In the page: the DOM's own types are not part of the test program.
    interface Box {
      right: number;
    }
    interface El {
      tagName: string;
      className: unknown;
      getBoundingClientRect(): Box;
    }
    const g = globalThis as unknown as {
      innerWidth: number;
      document: {
        querySelectorAll(s: string): ArrayLike<El>;
        documentElement: { scrollWidth: number };
      };
      getComputedStyle(el: El): { position: string };
    };
    const { innerWidth, document } = g;
    let widest = "";
    let max = 0;
    for (const el of Array.from(document.querySelectorAll("body *"))) {
      const r = el.getBoundingClientRect();
      if (
        r.right > innerWidth + 1 &&
        r.right > max &&
        g.getComputedStyle(el).position !== "fixed"
      ) {
        max = r.right;
        widest = `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)}`;
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth, widest };
  });
}

/** Whether the element's box lies wholly inside the viewport horizontally (after scrolling to it). */
export async function insideViewport(
  page: Page,
  selector: string | import("playwright-core").Locator,
): Promise<boolean> {
  const locator = typeof selector === "string" ? page.locator(selector).first() : selector;
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  return box !== null && box.x >= 0 && box.x + box.width <= width + 1 && box.width > 0;
}

/** Collects the console errors and failed requests a page logs from now on. */
export function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`${m.text()} @ ${m.location().url}`);
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}
