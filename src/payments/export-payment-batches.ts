import { recordExport } from "../audit/record-export.ts";
import type { Actor } from "../auth/roles.ts";
import { beijingDate, beijingToday } from "../clock.ts";
import type { Context } from "../context.ts";
import { addSheet, newWorkbook, sumOf, workbookBuffer } from "../reports/workbook.ts";
import { type BatchFilter, listPaymentBatches } from "./list-payment-batches.ts";

/** 导出当前筛选 of the batches list: every matching batch (all pages) with its totals. */
export async function exportPaymentBatches(
  ctx: Context,
  actor: Actor,
  filter: BatchFilter,
): Promise<{ name: string; data: Buffer }> {
  const batches = await listPaymentBatches(ctx, actor, filter);
  const book = newWorkbook(ctx.now(), "拨付批次");
  await addSheet(
    book,
    "拨付批次",
    [
      { key: "number", header: "批次编号" },
      { key: "year", header: "预算年度", kind: "text" },
      { key: "source", header: "资金来源" },
      { key: "state", header: "状态" },
      { key: "createdAt", header: "生成日期", kind: "date" },
      { key: "lastPaidDate", header: "最近拨付日期", kind: "date" },
      { key: "lines", header: "笔数", kind: "count" },
      { key: "total", header: "合计（元）", kind: "yuan" },
      { key: "pending", header: "待拨付（元）", kind: "yuan" },
      { key: "paid", header: "已拨付（元）", kind: "yuan" },
      { key: "failed", header: "失败（元）", kind: "yuan" },
    ],
    batches.map((b) => ({
      number: b.number,
      year: String(b.year),
      source: b.sourceName,
      state: b.stateName,
      createdAt: beijingDate(b.createdAt),
      lastPaidDate: b.lastPaidDate,
      lines: b.lines,
      total: b.total,
      pending: b.pending,
      paid: b.paid,
      failed: b.failed,
    })),
    [
      {
        number: "合计",
        lines: sumOf(batches, (b) => b.lines),
        total: sumOf(batches, (b) => b.total),
        pending: sumOf(batches, (b) => b.pending),
        paid: sumOf(batches, (b) => b.paid),
        failed: sumOf(batches, (b) => b.failed),
      },
    ],
  );
  const data = await workbookBuffer(book);
  await recordExport(ctx, actor, "payment-batches", filter);
  return { name: `拨付批次-${beijingToday(ctx)}.xlsx`, data };
}
