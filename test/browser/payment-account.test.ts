import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Cast, Harness, seedCast, USERS } from "./fixtures.ts";

/**
 * A payment account changed as people do it: the enterprise asks on 组织资料, the change waits,
 * the organization's inbox says so, finance verifies it on 收款账户核实 (desk and phone), and only
 * then is it the account shown as verified.
 */

let h: Harness;
let cast: Cast;

beforeAll(async () => {
  h = await Harness.start();
  cast = await seedCast(h.ctx);
}, 180_000);

afterAll(async () => {
  await h?.close();
});

afterEach(() => {
  expect(h.pageErrors.splice(0)).toEqual([]);
});

describe("payment account change in the browser", () => {
  it("the enterprise asks, the inbox tells, finance verifies, the account changes", async () => {
    const ent = await h.as(USERS.entWenling);
    await ent.goto(`${h.url}/my/organization`);
    const bank = ent.getByTestId("org-bank");
    await bank.waitFor();
    const before = await bank.textContent();
    expect(before).toContain("已核实账户");
    await ent.getByTestId("org-bankName").fill("浙江泰隆商业银行");
    await ent.getByTestId("org-bankAccount").fill("6224 5000 1234 5678");
    await ent.getByTestId("org-bank-request").click();
    await ent.getByTestId("org-bank-pending").waitFor();
    expect(await ent.getByTestId("org-bank-pending").textContent()).toContain("****5678");
    // The verified account is unchanged, and the inbox holds the notice.
    expect(await bank.locator(".ant-descriptions").textContent()).not.toContain("5678");
    await ent.reload();
    await ent.getByTestId("notice").first().waitFor();
    expect(await ent.getByTestId("notice").first().textContent()).toContain("如非本单位所为");

    // Finance of the county, on a phone: the request is a card with both accounts in full.
    const phone = await h.page("phone");
    const { signIn } = await import("./support.ts");
    await signIn(phone, h.url, USERS.financeWenling, "Taizhou-Demo-2025");
    h.signIns++;
    await phone.goto(`${h.url}/finance/accounts`);
    const list = phone.getByTestId("account-changes");
    await list.waitFor();
    const text = await list.textContent();
    expect(text).toContain(cast.wenling.name);
    expect(text).toContain("6224 5000 1234 5678");
    const width = Number(await phone.evaluate("document.documentElement.scrollWidth"));
    expect(width).toBeLessThanOrEqual(390);
    await phone.getByRole("button", { name: "核 实" }).click();
    await phone.getByRole("button", { name: "核实并启用" }).click();
    await phone.getByText("没有待核实的账户变更").waitFor();

    await ent.reload();
    await ent.getByTestId("org-bank").waitFor();
    await expect.poll(() => bank.locator(".ant-descriptions").textContent()).toContain("****5678");
    expect(await ent.getByTestId("org-bank-pending").count()).toBe(0);
    expect(await ent.getByTestId("notice").first().textContent()).toContain("已由财政部门核实");
  });
});
