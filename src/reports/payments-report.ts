import type ExcelJS from "exceljs";
import { can } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { SOURCE_NAMES } from "../budgets/budgets.ts";
import type { Context } from "../context.ts";
import { LINE_STATE_NAMES, type LineState } from "../payments/states.ts";
import { sourceRank } from "./report-helpers.ts";
import { type ReportParams, requireYear } from "./report-params.ts";
import { paymentLineRows } from "./reports-repository.ts";
import { addSheet, type Column, sumOf } from "./workbook.ts";

/**
 * 拨付清单: the payment lines of a budget year, one sheet per paying budget, with the paid and
 * pending totals. Bank accounts appear here only, and only for report.personal (finance).
 */
export async function buildPaymentsReport(
  ctx: Context,
  actor: Actor,
  params: ReportParams,
  book: ExcelJS.Workbook,
): Promise<void> {
  const year = requireYear(params);
  // The bank columns exist only for finance: for anyone else they are not read at all.
  const personal = can(actor, "report.personal", params.county ? { county: params.county } : {});
  const found = await paymentLineRows(ctx.database.db, {
    year,
    county: params.county,
    source: params.source,
    withBank: personal,
  });
  const lines = found.map((l) => ({
    ...l,
    amount: Number(l.amount),
    bankName: l.bankName ?? null,
    bankAccount: l.bankAccount ?? null,
  }));
  const columns = [
    { key: "batch", header: "批次编号" },
    { key: "award", header: "奖励编号" },
    { key: "organization", header: "组织名称" },
    { key: "uscc", header: "统一社会信用代码" },
    { key: "county", header: "县（市、区）" },
    ...(personal
      ? ([
          { key: "bankName", header: "开户银行" },
          { key: "bankAccount", header: "银行账号" },
        ] as const)
      : []),
    { key: "amount", header: "金额（元）", kind: "yuan" },
    { key: "state", header: "状态" },
    { key: "treasuryRef", header: "国库支付凭证号" },
    { key: "paidDate", header: "支付日期", kind: "date" },
    { key: "failureReason", header: "失败原因" },
  ] as const satisfies readonly Column[];
  const sources = params.source
    ? [params.source]
    : [...new Set(lines.map((l) => l.source))].sort((a, b) => sourceRank(a) - sourceRank(b));
  for (const source of sources.length > 0 ? sources : [null]) {
    const mine = lines.filter((l) => source === null || l.source === source);
    const total = (state: LineState) =>
      sumOf(
        mine.filter((l) => l.state === state),
        (l) => l.amount,
      );
    const rows = mine.map((l) => ({ ...l, state: LINE_STATE_NAMES[l.state] }));
    await addSheet(book, source === null ? "拨付清单" : SOURCE_NAMES(source), columns, rows, [
      { batch: "已拨付合计", amount: total("paid") },
      { batch: "待拨付合计", amount: total("pending") },
    ]);
  }
}
