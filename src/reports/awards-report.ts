import type ExcelJS from "exceljs";
import type { Actor } from "../auth/roles.ts";
import { AWARD_STATE_NAMES } from "../awards/states.ts";
import { SOURCE_NAMES } from "../budgets/budgets.ts";
import type { Context } from "../context.ts";
import { type AwardView, addToTally, awardViewPages, tally } from "./award-views.ts";
import { byItemId, type Tally, tallySheet } from "./report-helpers.ts";
import { countiesOf, type ReportParams } from "./report-params.ts";
import { liveAwardSumsByYear } from "./reports-repository.ts";
import { addSheet, addStreamedSheet, sumOf } from "./workbook.ts";

/**
 * 奖励汇总: the awards one by one (of a budget year, or of every year when none is asked), then
 * by county, by item and, for comparison, by year. The detail is read and written a page at a
 * time; the sums by county and item are kept as the pages go, those by year summed in SQL.
 */
export async function buildAwardsReport(
  ctx: Context,
  _actor: Actor,
  params: ReportParams,
  book: ExcelJS.Workbook,
): Promise<void> {
  const filter = {
    ...(params.year === null ? {} : { year: params.year }),
    county: params.county,
    source: params.source,
  };
  const byCounty = tally([], (a) => a.county, countiesOf(params));
  // A successor pack may reuse an item id for another item: the id and its title name one item.
  const itemKey = (a: AwardView) => `${a.item}\u0000${a.itemTitle}`;
  const byItem = new Map<string, Tally>();
  const named = new Map<string, { item: string; title: string }>();
  async function* detail() {
    for await (const page of awardViewPages(ctx, filter)) {
      addToTally(byCounty, page, (a) => a.county);
      addToTally(byItem, page, itemKey);
      for (const a of page) named.set(itemKey(a), { item: a.item, title: a.itemTitle });
      yield page.map((a) => ({
        ...a,
        source: SOURCE_NAMES(a.source),
        state: AWARD_STATE_NAMES[a.state],
      }));
    }
  }
  await addStreamedSheet(
    book,
    "明细",
    [
      { key: "number", header: "奖励编号" },
      { key: "organization", header: "组织名称" },
      { key: "uscc", header: "统一社会信用代码" },
      { key: "county", header: "县（市、区）" },
      { key: "item", header: "项目编号" },
      { key: "itemTitle", header: "奖励项目" },
      { key: "clause", header: "政策条款" },
      { key: "amount", header: "金额（元）", kind: "yuan" },
      { key: "year", header: "预算年度", kind: "number" },
      { key: "source", header: "资金来源" },
      { key: "state", header: "状态" },
      { key: "awardedOn", header: "奖励日期", kind: "date" },
      { key: "paidOn", header: "拨付日期", kind: "date" },
    ],
    detail(),
  );
  await tallySheet(book, "按县汇总", "县（市、区）", byCounty);
  const itemRows = [...byItem]
    .map(([key, t]) => ({
      item: named.get(key)?.item ?? key,
      title: named.get(key)?.title ?? key,
      count: t.count,
      amount: t.amount,
    }))
    .sort((a, b) => byItemId(a.item, b.item) || a.title.localeCompare(b.title, "zh"));
  await addSheet(
    book,
    "按项目汇总",
    [
      { key: "item", header: "项目编号" },
      { key: "title", header: "奖励项目" },
      { key: "count", header: "奖励数", kind: "count" },
      { key: "amount", header: "金额（元）", kind: "yuan" },
    ],
    itemRows,
    [
      {
        item: "合计",
        count: sumOf(itemRows, (r) => r.count),
        amount: sumOf(itemRows, (r) => r.amount),
      },
    ],
  );
  // Every year of the same scope, so that this year reads against the others.
  const yearRows = await liveAwardSumsByYear(ctx.database.db, {
    county: params.county,
    source: params.source,
  });
  await addSheet(
    book,
    "按年度汇总",
    [
      { key: "year", header: "预算年度", kind: "number" },
      { key: "count", header: "奖励数", kind: "count" },
      { key: "amount", header: "金额（元）", kind: "yuan" },
    ],
    yearRows,
    [
      {
        year: "合计",
        count: sumOf(yearRows, (r) => r.count),
        amount: sumOf(yearRows, (r) => r.amount),
      },
    ],
  );
}
