import { recordExport } from "../audit/record-export.ts";
import type { Actor } from "../auth/roles.ts";
import { SOURCE_NAMES } from "../budgets/budgets.ts";
import { beijingToday } from "../clock.ts";
import type { Context } from "../context.ts";
import { addSheet, newWorkbook, sumOf, workbookBuffer } from "../reports/workbook.ts";
import type { AwardFilter } from "./awards-repository.ts";
import { listAwards } from "./list-awards.ts";

/** 导出当前筛选 of the awards list: every matching award (all pages), as the list shows them. */
export async function exportAwards(
  ctx: Context,
  actor: Actor,
  filter: AwardFilter,
): Promise<{ name: string; data: Buffer; rows: number }> {
  const awards = await listAwards(ctx, actor, filter);
  const book = newWorkbook(ctx.now(), "奖励");
  await addSheet(
    book,
    "奖励",
    [
      { key: "number", header: "奖励编号" },
      { key: "organization", header: "组织名称" },
      { key: "uscc", header: "统一社会信用代码" },
      { key: "county", header: "县（市、区）" },
      { key: "itemTitle", header: "奖励项目" },
      { key: "item", header: "项目编号" },
      { key: "clause", header: "政策条款" },
      { key: "amount", header: "金额（元）", kind: "yuan" },
      { key: "budget", header: "预算" },
      { key: "state", header: "状态" },
      { key: "awardedOn", header: "奖励日期", kind: "date" },
      { key: "paidOn", header: "拨付日期", kind: "date" },
      { key: "batch", header: "待拨付批次" },
      { key: "reason", header: "撤销或追回理由" },
    ],
    awards.map((a) => ({
      number: a.number,
      organization: a.organization.name,
      uscc: a.organization.uscc,
      county: a.organization.county,
      itemTitle: a.itemTitle,
      item: a.item,
      clause: a.clause,
      amount: a.amount,
      budget: `${a.year} 年${SOURCE_NAMES(a.source)}`,
      state: a.stateName,
      awardedOn: a.awardedOn,
      paidOn: a.paidOn,
      batch: a.pendingBatch?.number ?? null,
      reason: a.reversalReason,
    })),
    [{ organization: "合计", amount: sumOf(awards, (a) => a.amount) }],
  );
  const data = await workbookBuffer(book);
  await recordExport(ctx, actor, "awards", filter);
  return { name: `奖励-${beijingToday(ctx)}.xlsx`, data, rows: awards.length };
}
