import type ExcelJS from "exceljs";
import type { Actor } from "../auth/roles.ts";
import { AWARD_STATE_NAMES } from "../awards/states.ts";
import { SOURCE_NAMES } from "../budgets/budgets.ts";
import type { Context } from "../context.ts";
import { type AwardView, loadAwardViews, tally } from "./award-views.ts";
import { byItemId, tallySheet } from "./report-helpers.ts";
import { countiesOf, type ReportParams, requireYear } from "./report-params.ts";
import { addSheet, newWorkbook, sumOf } from "./workbook.ts";

/** 奖励汇总: the year's awards one by one, then by county, by item and, for comparison, by year. */
export async function buildAwardsReport(
  ctx: Context,
  _actor: Actor,
  params: ReportParams,
): Promise<ExcelJS.Workbook> {
  const year = requireYear(params);
  const book = newWorkbook(ctx.now());
  const awards = await loadAwardViews(ctx, { year, county: params.county, source: params.source });
  addSheet(
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
    awards.map((a) => ({
      ...a,
      source: SOURCE_NAMES(a.source),
      state: AWARD_STATE_NAMES[a.state],
    })),
  );
  tallySheet(
    book,
    "按县汇总",
    "县（市、区）",
    tally(awards, (a) => a.county, countiesOf(params)),
  );
  // A successor pack may reuse an item id for another item: the id and its title name one item.
  const itemKey = (a: AwardView) => `${a.item}\u0000${a.itemTitle}`;
  const named = new Map(awards.map((a) => [itemKey(a), a]));
  const itemRows = [...tally(awards, itemKey)]
    .map(([key, t]) => ({
      item: named.get(key)?.item ?? key,
      title: named.get(key)?.itemTitle ?? key,
      count: t.count,
      amount: t.amount,
    }))
    .sort((a, b) => byItemId(a.item, b.item) || a.title.localeCompare(b.title, "zh"));
  addSheet(
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
  const allYears = await loadAwardViews(ctx, { county: params.county, source: params.source });
  const byYear = tally(allYears, (a) => String(a.year));
  const yearRows = [...byYear]
    .map(([y, t]) => ({ year: Number(y), count: t.count, amount: t.amount }))
    .sort((a, b) => a.year - b.year);
  addSheet(
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
  return book;
}
