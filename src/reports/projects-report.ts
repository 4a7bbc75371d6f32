import type ExcelJS from "exceljs";
import type { Actor } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import { listCalls } from "../projects/list-calls.ts";
import { PROPOSAL_STATE_NAMES } from "../projects/states.ts";
import { type ReportParams, requireYear } from "./report-params.ts";
import { proposalRowsOfCall, proposalScoreTotals } from "./reports-repository.ts";
import { addSheet } from "./workbook.ts";

/**
 * 公共项目评审排序 (三（三）4): each call's proposals in rank order with the experts' mean and
 * standard scores, then the calls. Organizations only — no person's data.
 */
export async function buildProjectsReport(
  ctx: Context,
  actor: Actor,
  params: ReportParams,
  book: ExcelJS.Workbook,
): Promise<void> {
  const year = requireYear(params);
  const calls = await listCalls(ctx, actor, year);
  const db = ctx.database.db;
  const rows = [];
  for (const call of calls) {
    const proposals = (await proposalRowsOfCall(db, call.id, params.county)).sort(
      (a, b) =>
        (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
        (a.number < b.number ? -1 : 1),
    );
    for (const p of proposals) {
      const scores = await proposalScoreTotals(db, p.id);
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
        state: PROPOSAL_STATE_NAMES[p.state],
        funded: p.funded_amount === null ? null : Number(p.funded_amount),
        note: p.decision_note,
      });
    }
  }
  await addSheet(
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
  await addSheet(
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
}
