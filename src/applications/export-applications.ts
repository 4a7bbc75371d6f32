import { recordExport } from "../audit/record-export.ts";
import type { Actor } from "../auth/roles.ts";
import { beijingDate, beijingToday } from "../clock.ts";
import type { Context } from "../context.ts";
import { addSheet, type Column, newWorkbook, workbookBuffer } from "../reports/workbook.ts";
import { type ApplicationListFilter, listAllApplications } from "./applications.ts";

type Key =
  | "number"
  | "organization"
  | "uscc"
  | "county"
  | "item"
  | "itemTitle"
  | "clause"
  | "subject"
  | "state"
  | "amount"
  | "funding"
  | "submittedOn"
  | "updatedOn";

const COLUMNS: readonly Column<Key>[] = [
  { key: "number", header: "申报编号" },
  { key: "organization", header: "组织名称" },
  { key: "uscc", header: "统一社会信用代码" },
  { key: "county", header: "县（市、区）" },
  { key: "item", header: "奖励项目编号" },
  { key: "itemTitle", header: "奖励项目" },
  { key: "clause", header: "条款" },
  { key: "subject", header: "奖励对象" },
  { key: "state", header: "状态" },
  { key: "amount", header: "预计金额（元）", kind: "yuan" },
  { key: "funding", header: "资金承担" },
  { key: "submittedOn", header: "首次提交", kind: "date" },
  { key: "updatedOn", header: "最近更新", kind: "date" },
];

/** 导出当前筛选: the review list under the caller's filter and scope, every page, as .xlsx. */
export async function exportApplications(
  ctx: Context,
  actor: Actor,
  filter: ApplicationListFilter,
): Promise<{ name: string; data: Buffer }> {
  const cases = await listAllApplications(ctx, actor, filter);
  const book = newWorkbook(ctx.now(), "申报列表");
  await addSheet(
    book,
    "申报列表",
    COLUMNS,
    cases.map((a) => ({
      number: a.number,
      organization: a.organization.name,
      uscc: a.organization.uscc,
      county: a.organization.county,
      item: a.item,
      itemTitle: a.itemTitle,
      clause: a.clause,
      subject: a.subject,
      state: a.stateName,
      amount: a.expectedAmount,
      funding: a.fundingSourceName,
      submittedOn: a.submittedAt ? beijingDate(a.submittedAt) : null,
      updatedOn: beijingDate(a.updatedAt),
    })),
  );
  const data = await workbookBuffer(book);
  await recordExport(ctx, actor, "applications", filter);
  return { name: `申报列表-${beijingToday(ctx)}.xlsx`, data };
}
