import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadSettings } from "../../src/settings/settings.ts";
import { createUser } from "../../src/users/create-user.ts";
import { type Cast, fileCase, Harness, PASSWORD, seedCast, shoot, USERS } from "./fixtures.ts";
import { signIn } from "./support.ts";

/**
 * A lost update refused as a person meets it: one draft open in two pages (the wizard at the
 * office, the case page on a phone), saved in one and then in the other. The second is told
 * 「已被他人修改，请刷新后重试」, its 刷新 loads the version saved by the first, and a save after that
 * goes through.
 */

const STALE = "已被他人修改，请刷新后重试";

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

describe("an edit read at an old version, in the browser", () => {
  it("the second of two pages to save a draft is told to refresh, and 刷新 loads the new version", async () => {
    const draft = await fileCase(h.ctx, cast, USERS.entWenling, {
      item: "2.4.e",
      subject: "台州市专利标准融合发展示范企业（草稿）",
    });
    const versionOf = async () =>
      (
        await h.ctx.database.db
          .selectFrom("applications")
          .select("version")
          .where("id", "=", draft.id)
          .executeTakeFirstOrThrow()
      ).version;
    const start = await versionOf();

    // The wizard at the office and the case page on a phone, both read at the same version.
    const office = await h.as(USERS.entWenling);
    await office.goto(`${h.url}/my/applications/new?id=${draft.id}`);
    await office.getByTestId("wizard-step-details").waitFor();
    const phone = await h.page("phone");
    await signIn(phone, h.url, USERS.entWenling, PASSWORD);
    h.signIns++;
    await phone.goto(`${h.url}/my/applications/${draft.id}`);
    await phone.getByTestId("case-save").waitFor();

    // The office saves first.
    const fromOffice = "台州市专利标准融合发展示范企业（办公室修改）";
    await office.getByTestId("field-subject").fill(fromOffice);
    await office.getByTestId("wizard-next").click();
    await office.getByTestId("wizard-step-preview").waitFor();
    await expect.poll(versionOf).toBe(start + 1);

    // The phone saves what it read before: refused, and told so, on a 390 px screen.
    await phone.getByTestId("field-subject").fill("台州市专利标准融合发展示范企业（手机修改）");
    await phone.getByTestId("case-save").click();
    await phone.getByRole("dialog", { name: STALE }).waitFor();
    const width = Number(await phone.evaluate("document.documentElement.scrollWidth"));
    expect(width).toBeLessThanOrEqual(390);
    await shoot(phone, "stale-edit-phone");
    expect(await versionOf()).toBe(start + 1);

    // 刷新 loads the version the office saved; a save from there goes through.
    await phone.getByTestId("stale-refresh").click();
    await phone.getByRole("dialog", { name: STALE }).waitFor({ state: "hidden" });
    await expect.poll(() => phone.getByTestId("field-subject").inputValue()).toBe(fromOffice);
    const fromPhone = "台州市专利标准融合发展示范企业（手机刷新后修改）";
    await phone.getByTestId("field-subject").fill(fromPhone);
    await phone.getByTestId("case-save").click();
    await phone.getByText("已保存修改").waitFor();
    await expect.poll(versionOf).toBe(start + 2);

    // Now the wizard holds the old version: going back and saving again is refused in turn, and
    // its 刷新 puts the phone's subject into the form.
    await office.getByTestId("wizard-prev").click();
    await office.getByTestId("wizard-step-details").waitFor();
    await office.getByTestId("field-subject").fill("台州市专利标准融合发展示范企业（过时）");
    await office.getByTestId("wizard-next").click();
    await office.getByRole("dialog", { name: STALE }).waitFor();
    await office.getByTestId("stale-refresh").click();
    await office.getByTestId("wizard-step-details").waitFor();
    await expect.poll(() => office.getByTestId("field-subject").inputValue()).toBe(fromPhone);
    expect(await office.getByTestId("wizard-error").count()).toBe(0);
    await office.getByTestId("wizard-next").click();
    await office.getByTestId("wizard-step-preview").waitFor();
    await expect.poll(versionOf).toBe(start + 3);
  });

  it("the organization's contact and the settings: a stale save is told, 刷新 loads what was saved", async () => {
    // The contact person, saved on the office screen, then on the phone opened before.
    const office = await h.as(USERS.entWenling);
    await office.goto(`${h.url}/my/organization`);
    await office.getByTestId("org-save").waitFor();
    const phone = await h.page("phone");
    await signIn(phone, h.url, USERS.entWenling, PASSWORD);
    h.signIns++;
    await phone.goto(`${h.url}/my/organization`);
    await phone.getByTestId("org-save").waitFor();
    await office.getByTestId("org-contactName").fill("办公室联系人");
    await office.getByTestId("org-save").click();
    await office.getByText("联系人已保存").waitFor();
    await phone.getByTestId("org-contactName").fill("手机联系人");
    await phone.getByTestId("org-save").click();
    const stale = phone.getByRole("dialog", { name: STALE });
    await stale.waitFor();
    expect(
      Number(await phone.evaluate("document.documentElement.scrollWidth")),
    ).toBeLessThanOrEqual(390);
    await phone.getByTestId("stale-refresh").click();
    await stale.waitFor({ state: "hidden" });
    await expect.poll(() => phone.getByTestId("org-contactName").inputValue()).toBe("办公室联系人");

    // The settings, by the system administrator on two screens.
    await createUser(h.ctx, null, {
      username: "sysadmin-stale",
      displayName: "系统管理员",
      role: "system_admin",
      password: PASSWORD,
    });
    const key = "setting-general.publicityWorkingDays";
    const desk = await h.page();
    await signIn(desk, h.url, "sysadmin-stale", PASSWORD);
    const mobile = await h.page("phone");
    await signIn(mobile, h.url, "sysadmin-stale", PASSWORD);
    h.signIns += 2;
    for (const page of [desk, mobile]) {
      await page.goto(`${h.url}/admin/settings`);
      await page.getByTestId(key).waitFor();
    }
    await desk.getByTestId(key).fill("7");
    await desk.getByTestId("settings-save").click();
    await desk.getByText("已保存 1 项设置").waitFor();
    await mobile.getByTestId(key).fill("8");
    await mobile.getByTestId("settings-save").click();
    const refused = mobile.getByRole("dialog", { name: STALE });
    await refused.waitFor();
    expect(
      Number(await mobile.evaluate("document.documentElement.scrollWidth")),
    ).toBeLessThanOrEqual(390);
    await mobile.getByTestId("stale-refresh").click();
    await refused.waitFor({ state: "hidden" });
    await expect.poll(() => mobile.getByTestId(key).inputValue()).toBe("7");
    expect((await loadSettings(h.ctx.database.db))["general.publicityWorkingDays"]).toBe(7);
  });
});
