import type ExcelJS from "exceljs";
import { z } from "zod";
import { STATE_NAMES, STATES } from "../applications/states.ts";
import { recordAudit } from "../audit/audit-log.ts";
import { can, type Permission, requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { AWARD_STATE_NAMES } from "../awards/awards.ts";
import { SOURCE_NAMES } from "../budgets/budgets.ts";
import { countySchema } from "../calculate/request.ts";
import { beijingToday, instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { AppError } from "../errors.ts";
import { toBudget } from "../ledger/ledger.ts";
import { COUNTIES, type County, isCounty } from "../organizations/counties.ts";
import type { PolicyItem } from "../policy/pack.ts";
import { fromNumber, SCALE } from "../targets/decimal.ts";
import { listTargets } from "../targets/targets.ts";
import { parseWith } from "../validation.ts";
import { buildAssessmentReport, buildProjectsReport } from "./programme-reports.ts";
import {
  addSheet,
  type Column,
  FORMATS,
  type Formatted,
  newWorkbook,
  sumOf,
  workbookBuffer,
} from "./workbook.ts";

/**
 * The .xlsx reports officials exchange. Each kind is one entry of REPORTS: its Chinese title, the
 * permission it needs and how it builds its workbook. The dispatcher (exportReport) checks the
 * parameters, scopes the caller (a county's staff get their own county) and checks access once,
 * so a new kind is one entry here and nothing in the adapters.
 *
 * A county filter means the organization's county (where the money goes); `source` means the
 * budget that pays (city, or a county's own). No report carries a contact name or phone; bank
 * accounts appear only in `payments`, only for report.personal (finance).
 */

/** The parameters a report is built with, after scoping. */
export interface ReportParams {
  readonly year: number | null;
  /** The organizations' county, or null for the whole city. */
  readonly county: County | null;
  /** "city" or a county's budget; null for every source. */
  readonly source: string | null;
}

export interface ReportDefinition {
  /** The report's Chinese name: in the list of reports and in the file name. */
  readonly title: string;
  /** Checked with the report's county as scope. */
  readonly permission: Permission;
  readonly year: "required" | "optional";
  /** Whether `source` filters this report (otherwise passing it is refused). */
  readonly bySource: boolean;
  build(ctx: Context, actor: Actor, params: ReportParams): Promise<ExcelJS.Workbook>;
}

const yearSchema = z.coerce
  .number()
  .int("应为整数年份")
  .min(2000, "年度应在 2000 至 2100 之间")
  .max(2100, "年度应在 2000 至 2100 之间");

const sourceSchema = z
  .string()
  .refine((v) => v === "city" || isCounty(v), { message: "应为 city 或县（市、区）名称" });

/** The query of every report (HTTP query string, CLI options): all text, coerced here. */
export const reportQuerySchema = z.object({
  year: yearSchema.optional().meta({ description: "年度（奖励、拨付按预算年度；公示按开始日期）" }),
  county: countySchema.optional().meta({ description: "县（市、区）；县级用户缺省为本县" }),
  source: sourceSchema.optional().meta({ description: "资金来源：city 或县（市、区）名称" }),
});

const LIVE_AWARD_STATES = ["reserved", "paid"];
const LINE_STATE_NAMES: Record<string, string> = {
  pending: "待拨付",
  paid: "已拨付",
  failed: "失败",
};
const BATCH_STATE_NAMES: Record<string, string> = { open: "公示中", closed: "已结束" };
const ENTRY_OUTCOME_NAMES: Record<string, string> = {
  awarded: "已奖励",
  rejected: "异议成立，不予奖励",
  waiting_budget: "等待预算",
};

// ── Shared reads ──────────────────────────────────────────────────────────────

function itemOf(ctx: Context, policyId: string | null, id: string): PolicyItem | undefined {
  const pack = policyId ? ctx.registry.pack(policyId) : undefined;
  return (
    pack?.items.get(id) ??
    ctx.registry.packs.map((p) => p.items.get(id)).find((i) => i !== undefined)
  );
}

/** Item ids in catalog order: 1.2.a before 1.10.a. */
const byItemId = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });

/** Budgets in their usual order: the city's fund, then the counties as listed. */
const sourceRank = (s: string) => (s === "city" ? -1 : COUNTIES.indexOf(s as County));

function requireYear(params: ReportParams): number {
  if (params.year === null) throw new AppError("missing_field", "须指定年度", "year");
  return params.year;
}

interface AwardView {
  readonly number: string;
  readonly organization: string;
  readonly uscc: string;
  readonly county: string;
  readonly item: string;
  readonly itemTitle: string;
  readonly group: string;
  readonly clause: string;
  readonly amount: number;
  readonly year: number;
  readonly source: string;
  readonly state: string;
  readonly awardedOn: string;
  readonly paidOn: string | null;
}

/** Awards with what the reports show of their organization (name, code, county; nothing else). */
async function loadAwards(
  ctx: Context,
  f: { year?: number | undefined; county: string | null; source: string | null },
): Promise<AwardView[]> {
  let q = ctx.database.db
    .selectFrom("awards")
    .innerJoin("organizations", "organizations.id", "awards.organization_id")
    .innerJoin("applications", "applications.id", "awards.application_id")
    .select([
      "awards.number",
      "awards.item",
      "awards.clause",
      "awards.amount",
      "awards.year",
      "awards.source",
      "awards.state",
      "awards.awarded_on",
      "awards.paid_on",
      "applications.policy_id",
      "organizations.name",
      "organizations.uscc",
      "organizations.county",
    ])
    .orderBy("awards.number");
  if (f.year !== undefined) q = q.where("awards.year", "=", f.year);
  if (f.county) q = q.where("organizations.county", "=", f.county);
  if (f.source) q = q.where("awards.source", "=", f.source);
  return (await q.execute()).map((r) => {
    const item = itemOf(ctx, r.policy_id, r.item);
    return {
      number: r.number,
      organization: r.name,
      uscc: r.uscc,
      county: r.county,
      item: r.item,
      itemTitle: item?.title ?? r.item,
      group: item?.group ?? "其他",
      clause: r.clause,
      amount: Number(r.amount),
      year: Number(r.year),
      source: r.source,
      state: r.state,
      awardedOn: r.awarded_on,
      paidOn: r.paid_on,
    };
  });
}

interface Tally {
  count: number;
  amount: number;
}

/** Count and amount of the live awards (reserved or paid) per key, in the order of `keys`. */
function tally(
  awards: readonly AwardView[],
  keyOf: (a: AwardView) => string,
  keys: readonly string[] = [],
): Map<string, Tally> {
  const out = new Map<string, Tally>(keys.map((k) => [k, { count: 0, amount: 0 }]));
  for (const a of awards) {
    if (!LIVE_AWARD_STATES.includes(a.state)) continue;
    const t = out.get(keyOf(a)) ?? { count: 0, amount: 0 };
    t.count += 1;
    t.amount += a.amount;
    out.set(keyOf(a), t);
  }
  return out;
}

const tallyColumns = <K extends string>(key: K, header: string) =>
  [
    { key, header },
    { key: "count", header: "奖励数", kind: "count" },
    { key: "amount", header: "金额（元）", kind: "yuan" },
  ] as const satisfies readonly Column[];

function tallySheet(
  book: ExcelJS.Workbook,
  name: string,
  header: string,
  tallies: Map<string, Tally>,
): void {
  const rows = [...tallies].map(([label, t]) => ({ label, count: t.count, amount: t.amount }));
  addSheet(book, name, tallyColumns("label", header), rows, [
    { label: "合计", count: sumOf(rows, (r) => r.count), amount: sumOf(rows, (r) => r.amount) },
  ]);
}

const countiesOf = (params: ReportParams): readonly string[] =>
  params.county ? [params.county] : COUNTIES;

// ── 奖励汇总 ───────────────────────────────────────────────────────────────────

async function buildAwards(ctx: Context, _actor: Actor, params: ReportParams) {
  const year = requireYear(params);
  const book = newWorkbook(ctx.now());
  const awards = await loadAwards(ctx, { year, county: params.county, source: params.source });
  addSheet(
    book,
    "明细",
    [
      { key: "number", header: "奖励编号" },
      { key: "organization", header: "组织名称" },
      { key: "uscc", header: "统一社会信用代码" },
      { key: "county", header: "县（市、区）" },
      { key: "item", header: "项目编号" },
      { key: "itemTitle", header: "奖励项目" },
      { key: "clause", header: "政策条款" },
      { key: "amount", header: "金额（元）", kind: "yuan" },
      { key: "year", header: "预算年度", kind: "number" },
      { key: "source", header: "资金来源" },
      { key: "state", header: "状态" },
      { key: "awardedOn", header: "奖励日期", kind: "date" },
      { key: "paidOn", header: "拨付日期", kind: "date" },
    ],
    awards.map((a) => ({
      ...a,
      source: SOURCE_NAMES(a.source),
      state: AWARD_STATE_NAMES[a.state] ?? a.state,
    })),
  );
  tallySheet(
    book,
    "按县汇总",
    "县（市、区）",
    tally(awards, (a) => a.county, countiesOf(params)),
  );
  const byItem = tally(awards, (a) => a.item);
  const titles = new Map(awards.map((a) => [a.item, a.itemTitle]));
  const itemRows = [...byItem.keys()].sort(byItemId).map((item) => ({
    item,
    title: titles.get(item) ?? item,
    count: byItem.get(item)?.count ?? 0,
    amount: byItem.get(item)?.amount ?? 0,
  }));
  addSheet(
    book,
    "按项目汇总",
    [
      { key: "item", header: "项目编号" },
      { key: "title", header: "奖励项目" },
      { key: "count", header: "奖励数", kind: "count" },
      { key: "amount", header: "金额（元）", kind: "yuan" },
    ],
    itemRows,
    [
      {
        item: "合计",
        count: sumOf(itemRows, (r) => r.count),
        amount: sumOf(itemRows, (r) => r.amount),
      },
    ],
  );
  // Every year of the same scope, so that this year reads against the others.
  const allYears = await loadAwards(ctx, { county: params.county, source: params.source });
  const byYear = tally(allYears, (a) => String(a.year));
  const yearRows = [...byYear]
    .map(([y, t]) => ({ year: Number(y), count: t.count, amount: t.amount }))
    .sort((a, b) => a.year - b.year);
  addSheet(
    book,
    "按年度汇总",
    [
      { key: "year", header: "预算年度", kind: "number" },
      { key: "count", header: "奖励数", kind: "count" },
      { key: "amount", header: "金额（元）", kind: "yuan" },
    ],
    yearRows,
    [
      {
        year: "合计",
        count: sumOf(yearRows, (r) => r.count),
        amount: sumOf(yearRows, (r) => r.amount),
      },
    ],
  );
  return book;
}

// ── 拨付清单 ───────────────────────────────────────────────────────────────────

async function buildPayments(ctx: Context, actor: Actor, params: ReportParams) {
  const year = requireYear(params);
  const book = newWorkbook(ctx.now());
  // The bank columns exist only for finance: for anyone else they are not read at all.
  const personal = can(actor, "report.personal", params.county ? { county: params.county } : {});
  let q = ctx.database.db
    .selectFrom("payment_lines")
    .innerJoin("payment_batches", "payment_batches.id", "payment_lines.batch_id")
    .innerJoin("awards", "awards.id", "payment_lines.award_id")
    .innerJoin("organizations", "organizations.id", "awards.organization_id")
    .select([
      "payment_batches.number as batch",
      "payment_batches.source as source",
      "awards.number as award",
      "organizations.name as organization",
      "organizations.uscc as uscc",
      "organizations.county as county",
      "payment_lines.amount as amount",
      "payment_lines.state as state",
      "payment_lines.treasury_ref as treasuryRef",
      "payment_lines.paid_date as paidDate",
      "payment_lines.failure_reason as failureReason",
    ])
    // The account each line was sent with (verified then), not the organization's latest.
    .$if(personal, (qb) =>
      qb
        .leftJoin("bank_accounts", "bank_accounts.id", "payment_lines.bank_account_id")
        .select(["bank_accounts.bank_name as bankName", "bank_accounts.account as bankAccount"]),
    )
    .where("payment_batches.year", "=", year)
    .orderBy("payment_batches.number")
    .orderBy("awards.number");
  if (params.county) q = q.where("organizations.county", "=", params.county);
  if (params.source) q = q.where("payment_batches.source", "=", params.source);
  const lines = (await q.execute()).map((l) => ({
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
    const rows = lines
      .filter((l) => source === null || l.source === source)
      .map((l) => ({ ...l, state: LINE_STATE_NAMES[l.state] ?? l.state }));
    const total = (state: string) =>
      sumOf(
        rows.filter((r) => r.state === LINE_STATE_NAMES[state]),
        (r) => r.amount,
      );
    addSheet(book, source === null ? "拨付清单" : SOURCE_NAMES(source), columns, rows, [
      { batch: "已拨付合计", amount: total("paid") },
      { batch: "待拨付合计", amount: total("pending") },
    ]);
  }
  return book;
}

// ── 公示名单 ───────────────────────────────────────────────────────────────────

async function buildPublicity(ctx: Context, _actor: Actor, params: ReportParams) {
  const year = requireYear(params);
  const book = newWorkbook(ctx.now());
  const db = ctx.database.db;
  // A batch belongs to the year it starts in (its number GS-<year>-… says the same). Public
  // projects' publicity (kind "projects") belongs with the projects report.
  const batches = await db
    .selectFrom("publicity_batches")
    .selectAll()
    .where("kind", "=", "awards")
    .where("start_date", ">=", `${year}-01-01`)
    .where("start_date", "<=", `${year}-12-31`)
    .orderBy("number")
    .execute();
  const ids = batches.map((b) => b.id);
  let entries: {
    batchId: string;
    applicationId: string;
    number: string;
    organization: string;
    county: string;
    item: string;
    policyId: string | null;
    amount: number;
    fundingSource: string;
    outcome: string | null;
  }[] = [];
  const objections = new Map<string, { all: number; open: number }>();
  if (ids.length > 0) {
    let q = db
      .selectFrom("publicity_entries")
      .innerJoin("applications", "applications.id", "publicity_entries.application_id")
      .innerJoin("organizations", "organizations.id", "applications.organization_id")
      .select([
        "publicity_entries.batch_id as batchId",
        "publicity_entries.application_id as applicationId",
        "applications.number as number",
        "organizations.name as organization",
        "organizations.county as county",
        "applications.item as item",
        "applications.policy_id as policyId",
        "publicity_entries.amount as amount",
        "publicity_entries.funding_source as fundingSource",
        "publicity_entries.outcome as outcome",
      ])
      .where("publicity_entries.batch_id", "in", ids)
      .orderBy("applications.number");
    if (params.county) q = q.where("organizations.county", "=", params.county);
    entries = (await q.execute()).map((e) => ({ ...e, amount: Number(e.amount) }));
    // Objections are counted, never listed: the objector's name and contact are not read here.
    const filed = await db
      .selectFrom("objections")
      .select(["batch_id", "application_id", "state"])
      .where("batch_id", "in", ids)
      .execute();
    for (const o of filed) {
      const key = `${o.batch_id}/${o.application_id}`;
      const n = objections.get(key) ?? { all: 0, open: 0 };
      n.all += 1;
      if (o.state === "open") n.open += 1;
      objections.set(key, n);
    }
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
        state: BATCH_STATE_NAMES[b.state] ?? b.state,
        entries: mine.length,
        amount: sumOf(mine, (e) => e.amount),
        objections: sumOf(mine, (e) => objectionsOf(e).all),
      };
    })
    // A county sees the batches that list its organizations.
    .filter((b) => params.county === null || b.entries > 0);
  addSheet(
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
          : (ENTRY_OUTCOME_NAMES[e.outcome] ?? e.outcome),
      objections: objectionsOf(e).all,
      openObjections: objectionsOf(e).open,
    };
  });
  entryRows.sort((a, b) => (a.batch === b.batch ? 0 : a.batch < b.batch ? -1 : 1));
  addSheet(
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
  return book;
}

// ── 目标进度 ───────────────────────────────────────────────────────────────────

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

async function targetSheets(
  ctx: Context,
  actor: Actor,
  book: ExcelJS.Workbook,
  params: ReportParams,
  withCounties: boolean,
) {
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
  addSheet(
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
  addSheet(
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

async function buildTargets(ctx: Context, actor: Actor, params: ReportParams) {
  const book = newWorkbook(ctx.now());
  await targetSheets(ctx, actor, book, params, true);
  return book;
}

// ── 年度总结 ───────────────────────────────────────────────────────────────────

async function buildAnnual(ctx: Context, actor: Actor, params: ReportParams) {
  const year = requireYear(params);
  const book = newWorkbook(ctx.now());
  const db = ctx.database.db;

  // Applications of the year: those first submitted in it (Beijing time), by their state now.
  let apps = db
    .selectFrom("applications")
    .select(["state", (eb) => eb.fn.countAll<number>().as("n")])
    .where("submitted_at", ">=", `${year - 1}-12-31T16:00:00.000Z`)
    .where("submitted_at", "<", `${year}-12-31T16:00:00.000Z`)
    .groupBy("state");
  if (params.county) apps = apps.where("county", "=", params.county);
  const counted = new Map((await apps.execute()).map((r) => [r.state, Number(r.n)]));
  const appRows = STATES.filter((s) => s !== "draft").map((s) => ({
    state: STATE_NAMES[s],
    count: counted.get(s) ?? 0,
  }));
  addSheet(
    book,
    "申报情况",
    [
      { key: "state", header: "状态" },
      { key: "count", header: "申报数", kind: "count" },
    ],
    appRows,
    [{ state: "合计", count: sumOf(appRows, (r) => r.count) }],
  );

  const awards = await loadAwards(ctx, { year, county: params.county, source: null });
  tallySheet(
    book,
    "奖励按县",
    "县（市、区）",
    tally(awards, (a) => a.county, countiesOf(params)),
  );
  const groups = [...new Set(ctx.registry.packs.flatMap((p) => p.itemList.map((i) => i.group)))];
  const byGroup = tally(awards, (a) => a.group, groups);
  for (const [g, t] of byGroup) if (t.count === 0) byGroup.delete(g);
  tallySheet(book, "奖励按类别", "类别", byGroup);

  // The budgets are read here, not through budget.read: the annual summary is for everyone with
  // report.read, leaders and county officials included. A county sees its own budget only.
  let budgets = db.selectFrom("budgets").selectAll().where("year", "=", year);
  if (params.county) budgets = budgets.where("source", "=", params.county);
  const budgetRows = (await budgets.execute())
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
  addSheet(
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

  await targetSheets(ctx, actor, book, params, false);
  return book;
}

// ── The registry ──────────────────────────────────────────────────────────────

/** Every report kind. */
export const REPORTS: Record<string, ReportDefinition> = {
  awards: {
    title: "奖励汇总",
    permission: "report.read",
    year: "required",
    bySource: true,
    build: buildAwards,
  },
  payments: {
    title: "拨付清单",
    permission: "report.read",
    year: "required",
    bySource: true,
    build: buildPayments,
  },
  publicity: {
    title: "公示名单",
    permission: "report.read",
    year: "required",
    bySource: false,
    build: buildPublicity,
  },
  targets: {
    title: "目标进度",
    permission: "report.read",
    year: "optional",
    bySource: false,
    build: buildTargets,
  },
  annual: {
    title: "年度总结",
    permission: "report.read",
    year: "required",
    bySource: false,
    build: buildAnnual,
  },
  assessment: {
    title: "县级考核得分",
    permission: "assessment.read",
    year: "required",
    bySource: false,
    build: buildAssessmentReport,
  },
  projects: {
    title: "公共项目评审排序",
    permission: "report.read",
    year: "required",
    bySource: false,
    build: buildProjectsReport,
  },
};

/** The kinds `actor` may export, for the list of reports. */
export function availableReports(actor: Actor) {
  return Object.entries(REPORTS)
    .filter(([, d]) => can(actor, "report.read") && can(actor, d.permission))
    .map(([kind, d]) => ({ kind, title: d.title, year: d.year, bySource: d.bySource }));
}

export interface ReportRequest {
  readonly kind: string;
  readonly definition: ReportDefinition;
  readonly year: number | null;
  readonly county: County | null;
  readonly source: string | null;
}

/** Checks the kind and the parameters, before anything is read (the CLI checks it first). */
export function reportRequest(kind: string, query: unknown): ReportRequest {
  const definition = Object.hasOwn(REPORTS, kind) ? REPORTS[kind] : undefined;
  if (!definition)
    throw new AppError(
      "not_found",
      `没有报表类型 ${JSON.stringify(kind)}，可选：${Object.keys(REPORTS).join("、")}`,
      "kind",
    );
  const parsed = parseWith(reportQuerySchema, query);
  if (!parsed.ok) throw parsed.error;
  const q = parsed.value;
  if (definition.year === "required" && q.year === undefined)
    throw new AppError("missing_field", `报表“${definition.title}”须指定年度 year`, "year");
  if (!definition.bySource && q.source !== undefined)
    throw new AppError("invalid_field", `报表“${definition.title}”不按资金来源筛选`, "source");
  return {
    kind,
    definition,
    year: q.year ?? null,
    county: (q.county as County | undefined) ?? null,
    source: q.source ?? null,
  };
}

export interface ReportFile {
  readonly name: string;
  readonly title: string;
  readonly data: Buffer;
}

/**
 * Builds one report for `actor`. County officials and county finance get their own county when
 * they name none; naming another county is refused (and audited as a denial). Each export is
 * audited: who took which list out of the system.
 */
export async function exportReport(
  ctx: Context,
  actor: Actor,
  kind: string,
  query: unknown,
): Promise<ReportFile> {
  const request = reportRequest(kind, query);
  const county = request.county ?? actor.county;
  // Every report is scoped by county through report.read; the kind may ask for more.
  for (const permission of new Set(["report.read" as const, request.definition.permission]))
    requireAccess(actor, permission, county ? { county } : {}, { type: "report", id: kind });
  const params: ReportParams = { year: request.year, county, source: request.source };
  const book = await request.definition.build(ctx, actor, params);
  book.title = request.definition.title;
  const data = await workbookBuffer(book);
  await recordAudit(ctx.database, instant(ctx), {
    actorId: actor.userId,
    actorRole: actor.role,
    action: "report.export",
    targetType: "report",
    targetId: kind,
    after: params,
    ip: actor.ip,
    outcome: "success",
  });
  const parts = [
    request.definition.title,
    String(request.year ?? progressDay(ctx, null)),
    county ?? "全市",
    ...(request.source ? [request.source === "city" ? "市级资金" : `${request.source}财政`] : []),
  ];
  return { name: `${parts.join("-")}.xlsx`, title: request.definition.title, data };
}
