import type ExcelJS from "exceljs";
import { STATE_NAMES, STATES } from "../applications/states.ts";
import type { Actor } from "../auth/roles.ts";
import { SOURCE_NAMES } from "../budgets/budgets.ts";
import { beijingYear } from "../clock.ts";
import type { Context } from "../context.ts";
import { toBudget } from "../ledger/ledger.ts";
import { loadAwardViews, tally } from "./award-views.ts";
import { sourceRank, tallySheet } from "./report-helpers.ts";
import { countiesOf, type ReportParams, requireYear } from "./report-params.ts";
import { applicationCountsByState, budgetRowsOfYear } from "./reports-repository.ts";
import { addTargetSheets } from "./targets-report.ts";
import { addSheet, sumOf } from "./workbook.ts";

/** 年度总结: the year's applications, awards, budget execution and target progress. */
export async function buildAnnualReport(
  ctx: Context,
  actor: Actor,
  params: ReportParams,
  book: ExcelJS.Workbook,
): Promise<void> {
  const year = requireYear(params);
  const db = ctx.database.db;

  // Applications of the year: those first submitted in it (Beijing time), by their state now.
  const [from, to] = beijingYear(year);
  const counts = await applicationCountsByState(db, { from, to, county: params.county });
  const counted = new Map(counts.map((r) => [r.state, r.count]));
  const appRows = STATES.filter((s) => s !== "draft").map((s) => ({
    state: STATE_NAMES[s],
    count: counted.get(s) ?? 0,
  }));
  await addSheet(
    book,
    "申报情况",
    [
      { key: "state", header: "状态" },
      { key: "count", header: "申报数", kind: "count" },
    ],
    appRows,
    [{ state: "合计", count: sumOf(appRows, (r) => r.count) }],
  );

  const awards = await loadAwardViews(ctx, { year, county: params.county, source: null });
  await tallySheet(
    book,
    "奖励按县",
    "县（市、区）",
    tally(awards, (a) => a.county, countiesOf(params)),
  );
  const groups = [...new Set(ctx.registry.packs.flatMap((p) => p.itemList.map((i) => i.group)))];
  const byGroup = tally(awards, (a) => a.group, groups);
  for (const [g, t] of byGroup) if (t.count === 0) byGroup.delete(g);
  await tallySheet(book, "奖励按类别", "类别", byGroup);

  // The budgets are read here, not through budget.read: the annual summary is for everyone with
  // report.read, leaders and county officials included. A county sees its own budget only.
  const budgetRows = (await budgetRowsOfYear(db, year, params.county))
    .map(toBudget)
    .sort((a, b) => sourceRank(a.source) - sourceRank(b.source))
    .map((b) => ({
      source: SOURCE_NAMES(b.source),
      total: b.total,
      reserved: b.reserved,
      paid: b.paid,
      remaining: b.remaining,
      rate: b.total > 0 ? b.paid / b.total : null,
    }));
  const sums = {
    total: sumOf(budgetRows, (b) => b.total),
    reserved: sumOf(budgetRows, (b) => b.reserved),
    paid: sumOf(budgetRows, (b) => b.paid),
    remaining: sumOf(budgetRows, (b) => b.remaining),
  };
  await addSheet(
    book,
    "预算执行",
    [
      { key: "source", header: "资金来源" },
      { key: "total", header: "预算总额（元）", kind: "yuan" },
      { key: "reserved", header: "已预留（元）", kind: "yuan" },
      { key: "paid", header: "已拨付（元）", kind: "yuan" },
      { key: "remaining", header: "剩余（元）", kind: "yuan" },
      { key: "rate", header: "拨付率", kind: "percent" },
    ],
    budgetRows,
    [{ source: "合计", ...sums, rate: sums.total > 0 ? sums.paid / sums.total : null }],
  );

  await addTargetSheets(ctx, actor, book, params, false);
}
