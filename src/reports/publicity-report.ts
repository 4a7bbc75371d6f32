import type ExcelJS from "exceljs";
import type { Actor } from "../auth/roles.ts";
import { SOURCE_NAMES } from "../budgets/budgets.ts";
import type { Context } from "../context.ts";
import { type EntryState, PUBLICITY_BATCH_MACHINE } from "../publicity/states.ts";
import { itemOf } from "./report-helpers.ts";
import { type ReportParams, requireYear } from "./report-params.ts";
import {
  awardPublicityBatches,
  objectionStates,
  publicityEntryRows,
} from "./reports-repository.ts";
import { addSheet, sumOf } from "./workbook.ts";

/**
 * An entry's outcome as the published list words it: it says what the outcome means for the
 * award, which the entry's own state names (公示条目) leave to the reader.
 */
const ENTRY_OUTCOME_NAMES: Record<Exclude<EntryState, "listed">, string> = {
  awarded: "已奖励",
  rejected: "异议成立，不予奖励",
  waiting_budget: "等待预算",
};

/**
 * 公示名单: the awards' publicity batches that start in the year, then their entries with the
 * number of objections (counted, never listed).
 */
export async function buildPublicityReport(
  ctx: Context,
  _actor: Actor,
  params: ReportParams,
  book: ExcelJS.Workbook,
): Promise<void> {
  const year = requireYear(params);
  const db = ctx.database.db;
  const batches = await awardPublicityBatches(db, year);
  const ids = batches.map((b) => b.id);
  const entries = (await publicityEntryRows(db, ids, params.county)).map((e) => ({
    ...e,
    amount: Number(e.amount),
  }));
  const objections = new Map<string, { all: number; open: number }>();
  for (const o of await objectionStates(db, ids)) {
    const key = `${o.batch_id}/${o.application_id}`;
    const n = objections.get(key) ?? { all: 0, open: 0 };
    n.all += 1;
    if (o.state === "open") n.open += 1;
    objections.set(key, n);
  }
  const objectionsOf = (e: { batchId: string; applicationId: string }) =>
    objections.get(`${e.batchId}/${e.applicationId}`) ?? { all: 0, open: 0 };
  const batchRows = batches
    .map((b) => {
      const mine = entries.filter((e) => e.batchId === b.id);
      return {
        number: b.number,
        title: b.title,
        startDate: b.start_date,
        endDate: b.end_date,
        workingDays: Number(b.working_days),
        state: PUBLICITY_BATCH_MACHINE.stateNames[b.state],
        entries: mine.length,
        amount: sumOf(mine, (e) => e.amount),
        objections: sumOf(mine, (e) => objectionsOf(e).all),
      };
    })
    // A county sees the batches that list its organizations.
    .filter((b) => params.county === null || b.entries > 0);
  await addSheet(
    book,
    "公示批次",
    [
      { key: "number", header: "批次编号" },
      { key: "title", header: "标题" },
      { key: "startDate", header: "开始日期", kind: "date" },
      { key: "endDate", header: "结束日期", kind: "date" },
      { key: "workingDays", header: "公示工作日", kind: "count" },
      { key: "state", header: "状态" },
      { key: "entries", header: "公示项数", kind: "count" },
      { key: "amount", header: "公示金额（元）", kind: "yuan" },
      { key: "objections", header: "异议数", kind: "count" },
    ],
    batchRows,
    [
      {
        number: "合计",
        entries: sumOf(batchRows, (b) => b.entries),
        amount: sumOf(batchRows, (b) => b.amount),
        objections: sumOf(batchRows, (b) => b.objections),
      },
    ],
  );
  const batchOf = new Map(batches.map((b) => [b.id, b]));
  const entryRows = entries.map((e) => {
    const item = itemOf(ctx, e.policyId, e.item);
    const batch = batchOf.get(e.batchId);
    return {
      batch: batch?.number ?? "",
      number: e.number,
      organization: e.organization,
      county: e.county,
      item: e.item,
      itemTitle: item?.title ?? e.item,
      clause: item?.clause ?? "",
      amount: e.amount,
      source: SOURCE_NAMES(e.fundingSource === "city" ? "city" : e.county),
      outcome:
        e.outcome === null
          ? batch?.state === "open"
            ? "公示中"
            : "待处理"
          : ENTRY_OUTCOME_NAMES[e.outcome],
      objections: objectionsOf(e).all,
      openObjections: objectionsOf(e).open,
    };
  });
  entryRows.sort((a, b) => (a.batch === b.batch ? 0 : a.batch < b.batch ? -1 : 1));
  await addSheet(
    book,
    "公示名单",
    [
      { key: "batch", header: "批次编号" },
      { key: "number", header: "申报编号" },
      { key: "organization", header: "组织名称" },
      { key: "county", header: "县（市、区）" },
      { key: "item", header: "项目编号" },
      { key: "itemTitle", header: "奖励项目" },
      { key: "clause", header: "政策条款" },
      { key: "amount", header: "金额（元）", kind: "yuan" },
      { key: "source", header: "资金承担" },
      { key: "outcome", header: "结果" },
      { key: "objections", header: "异议数", kind: "count" },
      { key: "openObjections", header: "未处理异议数", kind: "count" },
    ],
    entryRows,
    [
      {
        batch: "合计",
        amount: sumOf(entryRows, (e) => e.amount),
        objections: sumOf(entryRows, (e) => e.objections),
        openObjections: sumOf(entryRows, (e) => e.openObjections),
      },
    ],
  );
}
