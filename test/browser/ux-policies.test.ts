import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { publishPack } from "../../src/policies/publish-pack.ts";
import { uploadPack } from "../../src/policies/upload-pack.ts";
import { axe } from "./checks.ts";
import {
  type Cast,
  caseInPublicity,
  fileCase,
  Harness,
  inputOf,
  PASSWORD,
  pickTyped,
  seedCast,
  shoot,
  stepsTo,
  typeDate,
  USERS,
} from "./fixtures.ts";
import { signIn } from "./support.ts";

/**
 * 政策管理 as the city's official meets it after the 2023 policy has lapsed: the public pages and
 * the filing wizard say that no policy is in force and what can still be claimed; a bad pack file
 * shows every problem at its path; a good one is compared with the pack in force, tried on the
 * city's past claims, saved as a draft and published with a confirmation that names its day; then
 * the notice is gone.
 */

const SUCCESSOR = readFileSync("test/fixtures/packs/successor-2026b.yaml", "utf8");
let h: Harness;
let cast: Cast;

beforeAll(async () => {
  h = await Harness.start();
  cast = await seedCast(h.ctx);
  // One past claim for the what-if to try.
  await caseInPublicity(
    h.ctx,
    cast,
    USERS.entLinhai,
    { item: "1.3.b", subject: "台州市产业链数字化质量管理创新示范单位 2025" },
    h.today(),
  );
  await h.jumpTo("2026-03-02");
}, 120_000);
afterAll(async () => {
  await h?.close();
});

describe("policy succession in the web", () => {
  it("tells visitors and enterprises that no policy is in force, and until when claims run", async () => {
    const page = await h.page("phone");
    for (const path of ["/policy", "/calculator"]) {
      await page.goto(`${h.url}${path}`);
      const notice = page.getByTestId("policy-expired");
      await notice.waitFor();
      const text = (await notice.textContent()) ?? "";
      expect(text).toContain("2026-02-11 起无有效政策");
      expect(text).toContain("2023-02-11 至 2026-02-10");
    }
    const enterprise = await h.as(USERS.entLinhai);
    await enterprise.goto(`${h.url}/my/applications/new`);
    await enterprise.getByTestId("policy-expired").waitFor();
  });

  it("shows every problem of a bad pack file at its path, and saves nothing", async () => {
    const page = await h.as(USERS.city);
    await page.goto(`${h.url}/policies`);
    await page.getByTestId("policy-records").waitFor();
    const bad = parse(SUCCESSOR);
    bad.items[0].amount[0].value = -1;
    bad.caps[0].items.push("9.9.z");
    await page.getByTestId("pack-file").setInputFiles({
      name: "bad.yaml",
      mimeType: "text/yaml",
      buffer: Buffer.from(stringify(bad)),
    });
    const problems = page.getByTestId("pack-problems");
    await problems.waitFor();
    const text = (await problems.textContent()) ?? "";
    expect(text).toContain("items[0].amount[0].value");
    expect(text).toContain("caps[0].items");
    expect(text).toContain("9.9.z");
    const records = await page.getByTestId("policy-records").locator(".ant-table-row").count();
    expect(records).toBe(1);
  });

  it("compares, tries, saves and publishes a successor, asking with its effective day", async () => {
    const page = await h.as(USERS.city);
    await page.goto(`${h.url}/policies`);
    await page.getByTestId("pack-file").setInputFiles({
      name: "successor.yaml",
      mimeType: "text/yaml",
      buffer: Buffer.from(SUCCESSOR),
    });
    await page.getByTestId("pack-valid").waitFor();
    const diff = page.getByTestId("pack-diff");
    await diff.waitFor();
    const diffText = (await diff.textContent()) ?? "";
    expect(diffText).toContain("1.4.a");
    expect(diffText).toContain("1.3.b");
    expect(diffText).toMatch(/200,000 元.*250,000 元/);

    await page.getByRole("tab", { name: "沙盘推演" }).click();
    await page.getByTestId("whatif-run").click();
    const result = page.getByTestId("whatif-result");
    await result.waitFor();
    // The one past claim (1.3.b, 200,000 元) is dropped by the successor.
    expect((await result.textContent()) ?? "").toContain("差额 -200,000 元");
    await page.getByTestId("whatif-county").locator("canvas").waitFor();
    await shoot(page, "policies-whatif");
    // The validation, diff and what-if views pass axe too.
    expect((await axe(page, "policies whatif", { withoutFrame: true })).blocking).toEqual([]);

    await page.getByTestId("pack-save").click();
    const publish = page.getByTestId("publish-test-successor-2026b");
    await publish.waitFor();
    await publish.click();
    const confirm = page.getByTestId("publish-confirm");
    await confirm.waitFor();
    expect((await confirm.textContent()) ?? "").toContain("2026-02-11");
    await page.getByRole("button", { name: "确认自 2026-02-11 起施行" }).click();
    // Publishing records the pack and repeals its predecessor in one transaction, then the list is
    // read again: on a loaded machine that is more than the poll's default second.
    await expect
      .poll(async () => (await page.getByTestId("policy-records").textContent()) ?? "", {
        timeout: 15_000,
      })
      .toMatch(/已废止[\s\S]*已发布|已发布[\s\S]*已废止/);

    // The visitor's notice is gone: a policy is in force again.
    const visitor = await h.page();
    await visitor.goto(`${h.url}/policy`);
    await visitor.getByTestId("policy-intro").waitFor();
    await visitor.waitForLoadState("networkidle");
    expect(await visitor.getByTestId("policy-expired").count()).toBe(0);
  });

  it("shows a county's supporting decision beside the city's in the calculator", async () => {
    // 温岭市's officials publish its supporting pack (四（三）): 2.1.c 150,000, the higher one wins.
    const wenling = readFileSync("test/fixtures/packs/wenling-supplement.yaml", "utf8");
    const county = cast.actors[USERS.countyWenling];
    const draft = await uploadPack(h.ctx, county, wenling);
    await publishPack(h.ctx, county, { ref: draft.id, effective: "2024-01-01", version: 1 });

    const page = await h.page("phone");
    await page.goto(`${h.url}/calculator`);
    await page.getByTestId("calculator-form").waitFor();
    await page.getByTestId("calc-uscc").fill("91331082390996033J");
    await page.getByTestId("calc-name").fill("示例科技股份有限公司");
    const input = await inputOf(page, "calc-county");
    await input.click();
    await page.keyboard.type("温岭");
    await page
      .locator(".ant-select-item-option:visible")
      .filter({ hasText: "温岭市" })
      .first()
      .waitFor();
    await page.keyboard.press("Enter");
    await pickTyped(page, "calc-item-0", "2.1.c");
    await typeDate(page, "calc-date-0", "2024-06-01");
    await page.getByTestId("calc-subject-0").fill("DB33/T 0001-2024");
    await page.getByTestId("calc-submit").click();
    const line = page.getByTestId("calc-supplement-c1");
    await line.waitFor();
    const text = (await line.textContent()) ?? "";
    expect(text).toContain("温岭市配套");
    expect(text).toContain("50,000 元");
    expect(text).toContain("就高不重复");
    const total =
      (await page
        .getByTestId("calc-result")
        .locator(".ant-card-head-title")
        .first()
        .textContent()) ?? "";
    expect(total).toContain("其中县级配套 50,000 元");
    expect((await axe(page, "calculator supplement", { withoutFrame: true })).blocking).toEqual([]);
  });

  it("shows the county's decision beside the city's on the case page, to the city's reviewer", async () => {
    // 温岭市's pack is in force from the test above: its 2.1.c makes up 150,000 (就高不重复).
    const filed = await fileCase(
      h.ctx,
      cast,
      USERS.entWenling,
      { item: "2.1.c", subject: "DB33/T 0002-2024 第一起草单位", eventDate: "2024-06-01" },
      stepsTo(USERS.entWenling, "city_review"),
    );
    const page = await h.as(USERS.city);
    await page.goto(`${h.url}/review/${filed.id}`);
    const line = page.getByTestId("engine-supplements");
    await line.waitFor();
    const text = (await line.textContent()) ?? "";
    expect(text).toContain("温岭市配套");
    expect(text).toContain("50,000 元，由温岭市财政承担");
    expect(text).toContain("补足差额");
    expect(await page.getByTestId("engine-decision").textContent()).toContain("100,000");
    await shoot(page, "review-case-supplement", line);
    // Approving names the county's part with the city's.
    await page.getByTestId("action-approve").click();
    const dialog = page.getByTestId("action-confirm-dialog");
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(
      "政策引擎当前核定 100,000 元，另温岭市配套 50,000 元（由温岭市财政承担）",
    );
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
  });

  it("has no serious accessibility fault, at desk and on a phone", async () => {
    const faults: Record<string, unknown> = {};
    for (const device of ["office", "phone"] as const) {
      const page = await h.page(device);
      await signIn(page, h.url, USERS.city, PASSWORD);
      h.signIns++;
      await page.goto(`${h.url}/policies`);
      await page.getByTestId("policy-records").waitFor();
      const found = await axe(page, `policies ${device}`, { withoutFrame: true });
      if (found.blocking.length > 0) faults[device] = found.blocking;
    }
    expect(faults).toEqual({});
  });
});
