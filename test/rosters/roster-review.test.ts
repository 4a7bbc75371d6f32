import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getApplication } from "../../src/applications/applications.ts";
import { transitionApplication } from "../../src/applications/transition-application.ts";
import type { Context } from "../../src/context.ts";
import { listNotices } from "../../src/notices/notices.ts";
import { usccCheckCharacter } from "../../src/organizations/uscc.ts";
import { confirmOffer } from "../../src/rosters/confirm-offer.ts";
import { importRoster } from "../../src/rosters/import-roster.ts";
import { listRosterImports } from "../../src/rosters/list-imports.ts";
import { policyMatches } from "../../src/rosters/policy-matches.ts";
import { reviewNameMatch } from "../../src/rosters/review-name-match.ts";
import { exportRosterRows, listRosterRows } from "../../src/rosters/roster-rows.ts";
import { DIALECTS, freshDatabase, type TestDatabase } from "../helpers/db.ts";
import { buildWorld, uscc, type World } from "../helpers/world.ts";
import { TestClock } from "../integration/support-money.ts";
import { storeContext } from "../policies/support.ts";

/**
 * 免申即享 after the import, on both databases: the name matches an official confirms (an offer
 * made in the same step) or rejects (the row joins the unregistered), the rows by outcome and
 * county with their export for invitations, the import history, the roster row as the offer's
 * evidence, the enterprise's 政策匹配, and the officials' inboxes as the offer moves on.
 */

/** A USCC registered in a given county (its division code, characters 3–8). */
function usccIn(division: string, n: number): string {
  const body = `91${division}MA2${String(n).padStart(7, "0")}`.slice(0, 17);
  return body + usccCheckCharacter(body);
}

async function book(headers: readonly string[], rows: readonly (string | number)[][]) {
  const b = new ExcelJS.Workbook();
  const sheet = b.addWorksheet("名单");
  sheet.addRow([...headers]);
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await b.xlsx.writeBuffer());
}

const PZB = ["统一社会信用代码", "企业名称", "证书编号", "发证日期", "证书类型", "市级备案"];
const GREEN = [
  "统一社会信用代码",
  "企业名称",
  "证书编号",
  "产品名称",
  "发证日期",
  "认证类别",
  "连续年检合格年数",
];

describe.each(DIALECTS)("roster review and matches (%s)", (dialect) => {
  let db: TestDatabase;
  let ctx: Context;
  let world: World;
  const clock = new TestClock(new Date("2025-06-03T02:00:00Z"));
  const UNREGISTERED = usccIn("331082", 77); // 临海市

  const rowsOf = (outcome: "needsReview" | "unmatched" | "matched", extra = {}) =>
    listRosterRows(ctx, world.users.city.actor, { outcome, page: 1, pageSize: 50, ...extra });

  beforeAll(async () => {
    db = await freshDatabase(dialect);
    ({ ctx } = await storeContext(db, clock.now));
    world = await buildWorld(ctx);
    await importRoster(ctx, world.users.city.actor, {
      kind: "pinzibiao",
      filename: "品字标-名称.xlsx",
      data: await book(PZB, [
        // No USCC, the name in half-width brackets and with a space: 甲企业（临海）.
        ["", "甲企业 (临海)", "PZB-N1", "2025-03-01", "首次认证", "是"],
        // An unknown USCC with 乙's exact name.
        [uscc(55), "乙企业（椒江）", "PZB-N2", "2025-03-02", "首次认证", "是"],
        [UNREGISTERED, "丁企业（未注册）", "PZB-N3", "2025-03-03", "首次认证", "是"],
      ]),
      dryRun: false,
    });
    // A green-food certificate of 甲 without its inspections: the engine needs that fact.
    await importRoster(ctx, world.users.city.actor, {
      kind: "green-products",
      filename: "绿色食品.xlsx",
      data: await book(GREEN, [
        [uscc(1), "甲企业（临海）", "LB-01", "杨梅", "2023-06-01", "绿色食品认证", ""],
      ]),
      dryRun: false,
    });
  });
  afterAll(async () => {
    await db.cleanup();
  });

  it("lists the name matches waiting, and a county's officials see their county only", async () => {
    const waiting = await rowsOf("needsReview");
    expect(waiting.items.map((r) => [r.name, r.organization?.name])).toEqual([
      ["甲企业 (临海)", "甲企业（临海）"],
      ["乙企业（椒江）", "乙企业（椒江）"],
    ]);
    const x = await listRosterRows(ctx, world.users.countyX.actor, {
      outcome: "needsReview",
      page: 1,
      pageSize: 50,
    });
    expect(x.items.map((r) => r.county)).toEqual(["临海市"]);
    await expect(
      listRosterRows(ctx, world.users.countyX.actor, {
        county: "椒江区",
        page: 1,
        pageSize: 50,
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const history = await listRosterImports(ctx, world.users.city.actor);
    expect(history.items.map((i) => [i.kindTitle, i.pendingReview, i.counts.rows])).toEqual([
      ["中国绿色产品认证、绿色食品认证名单", 0, 1],
      ["“品字标”认证证书名单", 2, 3],
    ]);
    expect(history.items.every((i) => i.completedAt !== null)).toBe(true);
  });

  it("confirming a name match makes the offer in the same step; a stale or second review is refused", async () => {
    const row = (await rowsOf("needsReview")).items.find((r) => r.name === "甲企业 (临海)");
    if (!row) throw new Error("no row");
    await expect(
      reviewNameMatch(ctx, world.users.countyX.actor, row.id, { decision: "confirm" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      reviewNameMatch(ctx, world.users.city.actor, row.id, {
        decision: "confirm",
        version: row.version + 1,
      }),
    ).rejects.toMatchObject({ code: "stale_version" });
    const done = await reviewNameMatch(ctx, world.users.city.actor, row.id, {
      decision: "confirm",
      version: row.version,
    });
    expect(done).toMatchObject({ outcome: "matched", decision: "offered" });
    const offer = await db.handle.db
      .selectFrom("applications")
      .select(["organization_id", "state", "subject", "expected_amount"])
      .where("id", "=", done.application?.id as string)
      .executeTakeFirstOrThrow();
    expect(offer).toMatchObject({
      organization_id: world.orgA.id,
      state: "offered",
      subject: "“品字标”认证证书 PZB-N1",
    });
    expect(Number(offer.expected_amount)).toBe(200_000);
    await expect(
      reviewNameMatch(ctx, world.users.city.actor, row.id, { decision: "reject", comment: "x" }),
    ).rejects.toMatchObject({ code: "invalid_state" });
    const audit = await db.handle.db
      .selectFrom("audit_log")
      .select("action")
      .where("target_id", "=", row.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["roster_row.confirm_name"]);
  });

  it("rejecting a name match needs a reason and lists the row among the unregistered", async () => {
    const row = (await rowsOf("needsReview")).items[0];
    if (!row) throw new Error("no row");
    await expect(
      reviewNameMatch(ctx, world.users.city.actor, row.id, { decision: "reject" }),
    ).rejects.toMatchObject({ code: "missing_field", field: "comment" });
    const done = await reviewNameMatch(ctx, world.users.city.actor, row.id, {
      decision: "reject",
      comment: "名单所列为同名的另一家企业",
    });
    expect(done).toMatchObject({ outcome: "unmatched", application: null });
    expect((await rowsOf("needsReview")).total).toBe(0);
    const unmatched = await rowsOf("unmatched");
    expect(unmatched.items.map((r) => [r.name, r.county, r.organization])).toEqual([
      ["乙企业（椒江）", "椒江区", null],
      ["丁企业（未注册）", "临海市", null],
    ]);
    const history = await listRosterImports(ctx, world.users.city.actor);
    expect(history.items.map((i) => i.pendingReview)).toEqual([0, 0]);
  });

  it("exports a county's unregistered organizations, one line per organization for invitations", async () => {
    const file = await exportRosterRows(ctx, world.users.countyX.actor, { outcome: "unmatched" });
    const b = new ExcelJS.Workbook();
    await b.xlsx.load(file.data as unknown as ArrayBuffer);
    const invite = b.getWorksheet("待邀请注册的组织");
    const values = invite?.getRow(2).values as unknown[];
    expect(values.slice(1, 4)).toEqual(["丁企业（未注册）", UNREGISTERED, "临海市"]);
    expect(invite?.rowCount).toBe(2);
    expect(file.filename).toBe("名单记录-未注册-临海市.xlsx");
  });

  it("shows the roster row as the offer's evidence", async () => {
    const matched = (await rowsOf("matched")).items.find((r) => r.subject?.endsWith("PZB-N1"));
    const detail = await getApplication(
      ctx,
      world.users.entA.actor,
      matched?.application?.id as string,
    );
    expect(detail.roster).toMatchObject({ kindTitle: "“品字标”认证证书名单", row: 2 });
    expect(detail.roster?.cells.map((c) => c.header)).toEqual(PZB);
    expect(detail.roster?.cells[1]?.value).toBe("甲企业 (临海)");
  });

  it("政策匹配: the offers waiting and the roster rows that need a fact the enterprise supplies", async () => {
    const m = await policyMatches(ctx, world.users.entA.actor);
    expect(m.offers.map((o) => [o.subject, o.amount])).toEqual([
      ["“品字标”认证证书 PZB-N1", 200_000],
    ]);
    // Made on 2025-06-03: 20 working days counted from the next day (民法典 第二百零一条).
    expect(m.offers[0]?.confirmBy).toBe("2025-07-01");
    expect(m.toComplete).toHaveLength(1);
    expect(m.toComplete[0]).toMatchObject({
      item: "3.3.c",
      facts: { route: "green-food" },
      missing: [{ key: "consecutiveAnnualInspectionsPassed", label: "连续年检合格年数" }],
    });
    const b = await policyMatches(ctx, world.users.entB.actor);
    expect(b).toEqual({ offers: [], toComplete: [] });
    await expect(policyMatches(ctx, world.users.city.actor)).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("the officials who act next hear of the case in their own inbox, and the enterprise does not see theirs", async () => {
    const offerId = (await policyMatches(ctx, world.users.entA.actor)).offers[0]?.id as string;
    await confirmOffer(ctx, world.users.entA.actor, offerId, { commitment: true });
    const x = await listNotices(ctx, world.users.countyX.actor, { limit: 10 });
    expect(x.unread).toBe(1);
    expect(x.items[0]).toMatchObject({ kind: "case_to_county", link: `/review/${offerId}` });
    expect((await listNotices(ctx, world.users.countyY.actor, { limit: 10 })).items).toEqual([]);
    await transitionApplication(ctx, world.users.countyX.actor, offerId, "accept", null);
    await transitionApplication(ctx, world.users.countyX.actor, offerId, "approve", null);
    const city = await listNotices(ctx, world.users.city.actor, { limit: 10 });
    expect(city.items.map((n) => n.kind)).toEqual(["case_to_city"]);
    const own = await listNotices(ctx, world.users.entA.actor, { limit: 10 });
    expect(own.items.map((n) => n.kind).sort()).toEqual(["county_approved", "offer_made"]);
  });

  it("two imports of the same roster at once: every row is offered once, and the one refused says so", async () => {
    const data = await book(PZB, [
      [uscc(1), "甲企业（临海）", "PZB-RACE-1", "2025-03-05", "首次认证", "是"],
      [uscc(2), "乙企业（椒江）", "PZB-RACE-2", "2025-03-06", "首次认证", "是"],
    ]);
    const input = { kind: "pinzibiao", filename: "同时导入.xlsx", data, dryRun: false };
    const raced = await Promise.allSettled([
      importRoster(ctx, world.users.city.actor, input),
      importRoster(ctx, world.users.city.actor, input),
    ]);
    const done = raced.filter((r) => r.status === "fulfilled");
    const refused = raced.filter((r) => r.status === "rejected");
    expect(done.length).toBeGreaterThanOrEqual(1);
    for (const r of refused)
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
    const made = await db.handle.db
      .selectFrom("applications")
      .select("subject")
      .where("subject", "like", "%PZB-RACE-%")
      .execute();
    expect(made.map((m) => m.subject).sort()).toEqual([
      "“品字标”认证证书 PZB-RACE-1",
      "“品字标”认证证书 PZB-RACE-2",
    ]);
    // The refused import shows as not completed, with nothing of it written.
    const history = await listRosterImports(ctx, world.users.city.actor);
    const race = history.items.filter((i) => i.filename === "同时导入.xlsx");
    expect(race.filter((i) => i.completedAt !== null)).toHaveLength(done.length);
  });
});
