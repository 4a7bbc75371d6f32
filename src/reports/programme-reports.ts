import type ExcelJS from "exceljs";
import { latestRun } from "../assessment/assessment.ts";
import type { Actor } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import { AppError } from "../errors.ts";
import { listCalls, PROPOSAL_STATES } from "../projects/projects.ts";
import { addSheet, type Formatted, newWorkbook } from "./workbook.ts";

/**
 * The county assessment scores (四（一）) and the public-project rankings (三（三）4) as sheets.
 * Both list organizations and counties only — no person's data.
 */
export interface ProgrammeParams {
  readonly year: number | null;
  readonly county: string | null;
}

const points = (value: string): Formatted => ({ value: Number(value), numFmt: "0.00" });

export async function buildAssessmentReport(
  ctx: Context,
  actor: Actor,
  params: ProgrammeParams,
): Promise<ExcelJS.Workbook> {
  const year = params.year as number;
  const run = await latestRun(ctx, actor, year);
  if (!run) throw new AppError("not_found", `${year} 年尚未计算县级考核`, "year");
  const book = newWorkbook(ctx.now());
  const counties = run.results.counties.filter((c) => !params.county || c.county === params.county);
  const indicators = run.results.indicators;
  addSheet(
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
  addSheet(
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
  addSheet(
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
  return book;
}

export async function buildProjectsReport(
  ctx: Context,
  actor: Actor,
  params: ProgrammeParams,
): Promise<ExcelJS.Workbook> {
  const year = params.year as number;
  const book = newWorkbook(ctx.now());
  const calls = await listCalls(ctx, actor, year);
  const db = ctx.database.db;
  const rows = [];
  for (const call of calls) {
    let q = db
      .selectFrom("project_proposals")
      .innerJoin("organizations", "organizations.id", "project_proposals.organization_id")
      .select([
        "project_proposals.id",
        "project_proposals.number",
        "project_proposals.rank",
        "project_proposals.score_micro",
        "project_proposals.category",
        "project_proposals.title",
        "project_proposals.requested",
        "project_proposals.funded_amount",
        "project_proposals.state",
        "project_proposals.decision_note",
        "project_proposals.county",
        "organizations.name",
      ])
      .where("project_proposals.call_id", "=", call.id);
    if (params.county) q = q.where("project_proposals.county", "=", params.county);
    const proposals = (await q.execute()).sort(
      (a, b) =>
        (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
        (a.number < b.number ? -1 : 1),
    );
    for (const p of proposals) {
      const scores = await db
        .selectFrom("project_scores")
        .select("total_centi")
        .where("proposal_id", "=", p.id)
        .execute();
      const mean =
        scores.length === 0
          ? null
          : Math.round(scores.reduce((s, x) => s + x.total_centi, 0) / scores.length) / 100;
      rows.push({
        call: call.number,
        rank: p.rank,
        number: p.number,
        organization: p.name,
        county: p.county,
        category: p.category,
        title: p.title,
        requested: Number(p.requested),
        experts: scores.length,
        mean: mean === null ? null : { value: mean, numFmt: "0.00" },
        score:
          p.score_micro === null
            ? null
            : { value: Number(p.score_micro) / 1e6, numFmt: "0.000000" },
        state: PROPOSAL_STATES[p.state] ?? p.state,
        funded: p.funded_amount === null ? null : Number(p.funded_amount),
        note: p.decision_note,
      });
    }
  }
  addSheet(
    book,
    "评审排序",
    [
      { key: "call", header: "征集编号" },
      { key: "rank", header: "排名", kind: "count" },
      { key: "number", header: "申报编号" },
      { key: "organization", header: "申报单位" },
      { key: "county", header: "县（市、区）" },
      { key: "category", header: "类别" },
      { key: "title", header: "项目名称" },
      { key: "requested", header: "申请金额（元）", kind: "yuan" },
      { key: "experts", header: "评分专家数", kind: "count" },
      { key: "mean", header: "平均分" },
      { key: "score", header: "标准分" },
      { key: "state", header: "状态" },
      { key: "funded", header: "安排金额（元）", kind: "yuan" },
      { key: "note", header: "说明" },
    ],
    rows,
  );
  addSheet(
    book,
    "征集",
    [
      { key: "number", header: "征集编号" },
      { key: "title", header: "名称" },
      { key: "budget", header: "预算（元）", kind: "yuan" },
      { key: "allocated", header: "已安排（元）", kind: "yuan" },
      { key: "opensOn", header: "开始日期", kind: "date" },
      { key: "closesOn", header: "截止日期", kind: "date" },
      { key: "state", header: "状态" },
    ],
    calls.map((c) => ({
      number: c.number,
      title: c.title,
      budget: c.budget,
      allocated: c.allocated,
      opensOn: c.opensOn,
      closesOn: c.closesOn,
      state: c.stateName,
    })),
  );
  return book;
}
