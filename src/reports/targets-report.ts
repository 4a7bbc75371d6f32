import type ExcelJS from "exceljs";
import type { Actor } from "../auth/roles.ts";
import { beijingToday } from "../clock.ts";
import type { Context } from "../context.ts";
import { COUNTIES, type County } from "../organizations/counties.ts";
import { fromNumber, SCALE } from "../targets/decimal.ts";
import { listTargets } from "../targets/list-targets.ts";
import type { ReportParams } from "./report-params.ts";
import { addSheet, FORMATS, type Formatted } from "./workbook.ts";

/**
 * An indicator's value as a number in its unit's format: rates (%) as fractions in a percent
 * format with up to four decimals, counts as integers; a value not yet known stays empty.
 */
function indicatorCell(unit: string, text: string | null): Formatted {
  if (text === null) return { value: null, numFmt: FORMATS.count };
  // The text is formatDecimal's (at most four decimals), so the scaled value is exact.
  const scaled = fromNumber(Number(text));
  if (unit === "%") return { value: scaled / (SCALE * 100), numFmt: "0.00##%" };
  return { value: scaled / SCALE, numFmt: scaled % SCALE === 0 ? "#,##0" : "#,##0.0###" };
}

/** Progress on the year's last day, or today while that day is still to come. */
function progressDay(ctx: Context, year: number | null): string {
  const today = beijingToday(ctx);
  if (year === null) return today;
  const end = `${year}-12-31`;
  return end < today ? end : today;
}

/**
 * The target progress sheet (and, with `withCounties`, each county's share of it), read through
 * the targets module as `actor` sees them.
 */
export async function addTargetSheets(
  ctx: Context,
  actor: Actor,
  book: ExcelJS.Workbook,
  params: ReportParams,
  withCounties: boolean,
): Promise<void> {
  const asOf = progressDay(ctx, params.year);
  const { items } = await listTargets(ctx, actor, {
    asOf,
    county: params.county ?? undefined,
  });
  const countyValue = (t: (typeof items)[number]) => {
    const c = t.progress.counties.find((x) => x.county === params.county);
    // A county without a record has counted nothing; a measured rate without a value is unknown.
    return c ? c.value : t.counting.kind === "manual" ? null : "0";
  };
  const rows = items.map((t) => ({
    indicator: t.indicator,
    comparator: t.comparatorText,
    target: indicatorCell(t.unit, t.value),
    value: indicatorCell(t.unit, t.progress.value),
    countyValue: indicatorCell(t.unit, countyValue(t)),
    unit: t.unit,
    percent: t.progress.percent === null ? null : t.progress.percent / 100,
    status: t.progress.statusName,
    deadline: t.deadline,
    on: t.progress.on,
  }));
  await addSheet(
    book,
    "目标进度",
    [
      { key: "indicator", header: "指标" },
      { key: "comparator", header: "要求" },
      { key: "target", header: "目标值" },
      { key: "value", header: "全市当前值" },
      ...(params.county ? ([{ key: "countyValue", header: `${params.county}数值` }] as const) : []),
      { key: "unit", header: "单位" },
      { key: "percent", header: "完成率", kind: "percent" },
      { key: "status", header: "状态" },
      { key: "deadline", header: "截止日期", kind: "date" },
      { key: "on", header: "统计日期", kind: "date" },
    ],
    rows,
  );
  if (!withCounties) return;
  // Counties in their official order; what is not attributed to a county (全市) last.
  const countyRank = (county: string) => {
    const i = COUNTIES.indexOf(county as County);
    return i < 0 ? COUNTIES.length : i;
  };
  const countyRows = items.flatMap((t) =>
    [...t.progress.counties]
      .sort((a, b) => countyRank(a.county) - countyRank(b.county))
      .map((c) => ({
        indicator: t.indicator,
        county: c.county,
        baseline: indicatorCell(t.unit, c.baseline),
        counted: t.counting.kind === "manual" ? null : c.counted,
        value: indicatorCell(t.unit, c.value),
        unit: t.unit,
      })),
  );
  await addSheet(
    book,
    "按县",
    [
      { key: "indicator", header: "指标" },
      { key: "county", header: "县（市、区）" },
      { key: "baseline", header: "基数" },
      { key: "counted", header: "新增计入", kind: "count" },
      { key: "value", header: "数值" },
      { key: "unit", header: "单位" },
    ],
    countyRows,
  );
}

/** 目标进度: every target's progress for the city and by county. */
export async function buildTargetsReport(
  ctx: Context,
  actor: Actor,
  params: ReportParams,
  book: ExcelJS.Workbook,
): Promise<void> {
  await addTargetSheets(ctx, actor, book, params, true);
}
