import type ExcelJS from "exceljs";
import { latestRun } from "../assessment/read-runs.ts";
import type { Actor } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import { AppError } from "../errors.ts";
import { type ReportParams, requireYear } from "./report-params.ts";
import { addSheet, type Formatted } from "./workbook.ts";

const points = (value: string): Formatted => ({ value: Number(value), numFmt: "0.00" });

/**
 * 县级考核得分 (四（一）): the latest assessment run of the year, its scores, how each was reached
 * and the scheme it used. Counties only — no person's data.
 */
export async function buildAssessmentReport(
  ctx: Context,
  actor: Actor,
  params: ReportParams,
  book: ExcelJS.Workbook,
): Promise<void> {
  const year = requireYear(params);
  const run = await latestRun(ctx, actor, year);
  if (!run) throw new AppError("not_found", `${year} 年尚未计算县级考核`, "year");
  const counties = run.results.counties.filter((c) => !params.county || c.county === params.county);
  const indicators = run.results.indicators;
  await addSheet(
    book,
    "考核得分",
    [
      { key: "rank", header: "排名", kind: "count" },
      { key: "county", header: "县（市、区）" },
      { key: "total", header: "总分" },
      ...indicators.map((i) => ({ key: `i:${i.id}`, header: `${i.name}（${i.weight}）` })),
    ],
    counties.map((c) => ({
      rank: c.rank,
      county: c.county,
      total: points(c.total),
      ...Object.fromEntries(c.indicators.map((s) => [`i:${s.indicatorId}`, points(s.points)])),
    })),
  );
  await addSheet(
    book,
    "得分说明",
    [
      { key: "county", header: "县（市、区）" },
      { key: "indicator", header: "指标" },
      { key: "weight", header: "权重", kind: "count" },
      { key: "value", header: "原始值" },
      { key: "best", header: "最优值" },
      { key: "points", header: "得分" },
      { key: "formula", header: "计算" },
    ],
    counties.flatMap((c) =>
      c.indicators.map((s) => ({
        county: c.county,
        indicator: s.name,
        weight: s.weight,
        value: s.value,
        best: s.best,
        points: points(s.points),
        formula: s.formula,
      })),
    ),
  );
  await addSheet(
    book,
    "方案",
    [
      { key: "item", header: "项目" },
      { key: "value", header: "内容" },
    ],
    [
      { item: "年度", value: String(run.year) },
      { item: "方案版本", value: `第 ${run.schemeVersion} 版` },
      { item: "计算时间", value: run.createdAt },
      { item: "计算编号", value: run.id },
    ],
  );
}
