import { randomUUID } from "node:crypto";
import { z } from "zod";
import { appendAudit } from "../audit/audit-log.ts";
import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { countySchema } from "../calculate/request.ts";
import { loadCalendar } from "../calendar/calendar.ts";
import { endOfWorkingDays } from "../calendar/working-days.ts";
import { beijingDate, beijingYear, instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { nextCounter, nextInstantMillis } from "../db/counters.ts";
import {
  type DB,
  type Dialect,
  inTransaction,
  isUniqueViolation,
  type Tx,
} from "../db/database.ts";
import type { AssessmentRunTable, AssessmentSchemeTable } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { COUNTIES } from "../organizations/counties.ts";
import { addDays } from "../policy/dates.ts";
import { formatDecimal, parseDecimal, SCALE } from "../targets/decimal.ts";
import { countedOn } from "../targets/progress.ts";
import { loadInputs, targetPack } from "../targets/targets.ts";
import { parseWith } from "../validation.ts";
import {
  type AssessmentResult,
  type Difference,
  differences,
  type Indicator,
  type Inputs,
  score,
} from "./scoring.ts";

/**
 * The county assessment of 四（一）: a yearly, versioned scheme of weighted indicators; the raw
 * values of each county read from the system's records (or entered by the city); runs that keep
 * what they scored, so that any run can be recomputed and checked later.
 */

// ── input ────────────────────────────────────────────────────────────────────

const text = (max: number) =>
  z.string().trim().min(1, "不能为空").max(max, `不能超过 ${max} 个字符`);

const unknownKeys = (issue: { code: string; keys?: string[] }) =>
  issue.code === "unrecognized_keys" ? `不认识的字段：${(issue.keys ?? []).join("、")}` : undefined;

/** A non-negative decimal with at most 4 places, kept as text ("12", "99.5"). */
const decimalText = z
  .union([z.string(), z.number()], { error: "应为非负数" })
  .transform((v) => (typeof v === "number" ? String(v) : v.trim()))
  .refine((v) => isDecimal(v), "应为非负数，最多 4 位小数")
  .transform((v) => formatDecimal(parseDecimal(v, "value")))
  .meta({ example: "12.5", description: "非负数，最多 4 位小数" });

function isDecimal(v: string): boolean {
  try {
    parseDecimal(v, "value");
    return true;
  } catch {
    return false;
  }
}

const year = z
  .number({ error: "应为年度（整数）" })
  .int("应为年度（整数）")
  .min(2000, "年度应在 2000 至 2100 之间")
  .max(2100, "年度应在 2000 至 2100 之间");

const ruleSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("relative") }, { error: unknownKeys }),
    z.strictObject(
      { kind: z.literal("threshold"), threshold: decimalText },
      { error: unknownKeys },
    ),
    z.strictObject(
      { kind: z.literal("linear"), min: decimalText, max: decimalText },
      { error: unknownKeys },
    ),
  ],
  { error: "计分规则应为 relative（相对最优值）、threshold（达标得分）或 linear（区间线性）" },
);

const sourceSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject(
      {
        kind: z.literal("awards"),
        measure: z.enum(["count", "amount"], { error: "应为 count（项数）或 amount（金额）" }),
        items: z.array(text(20)).min(1, "至少列一个奖励项目").max(100).optional(),
      },
      { error: unknownKeys },
    ),
    z.strictObject(
      {
        kind: z.literal("targets"),
        targetIds: z.array(text(100)).min(1, "至少列一个目标").max(50).optional(),
      },
      { error: unknownKeys },
    ),
    z.strictObject({ kind: z.literal("objections_upheld") }, { error: unknownKeys }),
    z.strictObject(
      {
        kind: z.literal("review_timeliness"),
        days: z
          .number({ error: "应为工作日数（整数）" })
          .int("应为工作日数（整数）")
          .min(1, "至少 1 个工作日")
          .max(60, "不能超过 60 个工作日"),
      },
      { error: unknownKeys },
    ),
    z.strictObject({ kind: z.literal("manual") }, { error: unknownKeys }),
  ],
  {
    error:
      "数据来源应为 awards、targets、objections_upheld、review_timeliness 或 manual（人工录入）",
  },
);

const indicatorSchema = z.strictObject(
  {
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,49}$/, "应为小写字母、数字、-、_ 组成的标识，最多 50 个字符"),
    name: text(50),
    weight: z
      .number({ error: "权重应为整数分值" })
      .int("权重应为整数分值")
      .min(1, "权重至少为 1")
      .max(100, "权重不能超过 100"),
    direction: z.enum(["higher", "lower"], {
      error: "应为 higher（越高越好）或 lower（越低越好）",
    }),
    rule: ruleSchema,
    source: sourceSchema,
  },
  { error: unknownKeys },
);

export const schemeInputSchema = z
  .object({
    year,
    note: z.string().trim().max(1000, "不能超过 1000 个字符").optional(),
    indicators: z
      .array(indicatorSchema, { error: "应为指标数组" })
      .min(1, "至少一个指标")
      .max(30, "不能超过 30 个指标"),
  })
  .superRefine((scheme, ctx) => {
    const seen = new Set<string>();
    scheme.indicators.forEach((indicator, i) => {
      if (seen.has(indicator.id))
        ctx.addIssue({
          code: "custom",
          path: ["indicators", i, "id"],
          message: `指标标识 ${indicator.id} 重复`,
        });
      seen.add(indicator.id);
      const rule = indicator.rule;
      if (rule.kind === "linear" && parseDecimal(rule.min, "min") >= parseDecimal(rule.max, "max"))
        ctx.addIssue({
          code: "custom",
          path: ["indicators", i, "rule", "max"],
          message: "上限应大于下限",
        });
    });
    const total = scheme.indicators.reduce((sum, ind) => sum + ind.weight, 0);
    if (total !== 100)
      ctx.addIssue({
        code: "custom",
        path: ["indicators"],
        message: `各指标权重之和应为 100，现为 ${total}`,
      });
  });

export const assessmentValueInputSchema = z.object({
  year,
  county: countySchema,
  indicatorId: text(50),
  value: decimalText,
  source: text(200),
});

export const runInputSchema = z.object({
  year,
  version: z
    .number()
    .int("应为版本号（正整数）")
    .min(1, "应为版本号（正整数）")
    .max(1_000_000, "版本号过大")
    .optional(),
});

export type SchemeInput = z.input<typeof schemeInputSchema>;

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = parseWith(schema, input);
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
}

// ── the default scheme ───────────────────────────────────────────────────────

/**
 * A scheme for the demo and a starting point for the city. 四（一） asks for a 科学规范的质量强市工作
 * 绩效考核评价体系 without naming indicators; these read the outcomes the policy pursues (the 2025
 * targets of 二, rewards won under 三, standards led under 三（二）1) and the county's part in the
 * process (upheld objections, timely first-instance review). Callers add the year.
 */
export function defaultScheme(): { note: string; indicators: Indicator[] } {
  return {
    note: "默认方案：质量目标贡献、获奖励项目与金额、主导制定标准、公示异议、县级审核及时率",
    indicators: [
      {
        id: "target-contributions",
        name: "2025 年质量目标贡献",
        weight: 25,
        direction: "higher",
        rule: { kind: "relative" },
        source: { kind: "targets" },
      },
      {
        id: "awards-won",
        name: "获奖励项目数",
        weight: 20,
        direction: "higher",
        rule: { kind: "relative" },
        source: { kind: "awards", measure: "count" },
      },
      {
        id: "award-amount",
        name: "获奖励金额",
        weight: 15,
        direction: "higher",
        rule: { kind: "relative" },
        source: { kind: "awards", measure: "amount" },
      },
      {
        id: "standards-led",
        name: "主导制修订标准",
        weight: 15,
        direction: "higher",
        rule: { kind: "relative" },
        source: { kind: "awards", measure: "count", items: ["2.1.a", "2.1.b", "2.1.c", "2.1.d"] },
      },
      {
        id: "objections-upheld",
        name: "公示异议成立数",
        weight: 10,
        direction: "lower",
        rule: { kind: "threshold", threshold: "0" },
        source: { kind: "objections_upheld" },
      },
      {
        id: "review-timeliness",
        name: "县级审核及时率（10 个工作日）",
        weight: 15,
        direction: "higher",
        rule: { kind: "linear", min: "60", max: "100" },
        source: { kind: "review_timeliness", days: 10 },
      },
    ],
  };
}

// ── views ────────────────────────────────────────────────────────────────────

export interface SchemeView {
  readonly id: string;
  readonly year: number;
  readonly version: number;
  readonly note: string | null;
  readonly indicators: Indicator[];
  readonly createdBy: string;
  readonly createdAt: string;
}

function toScheme(row: AssessmentSchemeTable): SchemeView {
  return {
    id: row.id,
    year: Number(row.year),
    version: Number(row.version),
    note: row.note,
    indicators: JSON.parse(row.indicators) as Indicator[],
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

export interface RunView {
  readonly id: string;
  readonly year: number;
  readonly schemeId: string;
  readonly schemeVersion: number;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly inputs: Inputs;
  readonly results: AssessmentResult;
}

function toRun(row: AssessmentRunTable, version: number): RunView {
  return {
    id: row.id,
    year: Number(row.year),
    schemeId: row.scheme_id,
    schemeVersion: version,
    createdBy: row.created_by,
    createdAt: row.created_at,
    inputs: JSON.parse(row.inputs) as Inputs,
    results: JSON.parse(row.results) as AssessmentResult,
  };
}

/** An actor, or null for the operator running `qi` on the server. */
type Caller = Actor | null;

const OPERATOR = "operator";

async function audit(
  ctx: Context,
  trx: Tx,
  actor: Caller,
  action: string,
  targetType: string,
  targetId: string,
  after: unknown,
) {
  await appendAudit(trx, ctx.database.dialect, instant(ctx), {
    actorId: actor?.userId ?? OPERATOR,
    actorRole: actor?.role ?? OPERATOR,
    action,
    targetType,
    targetId,
    after,
    ip: actor?.ip ?? null,
    outcome: "success",
  });
}

// ── schemes ──────────────────────────────────────────────────────────────────

/** Item and target ids must name what the policy packs know; checked before anything is written. */
function checkReferences(ctx: Context, indicators: readonly Indicator[]) {
  indicators.forEach((indicator, i) => {
    const source = indicator.source;
    if (source.kind === "awards") {
      source.items?.forEach((item, j) => {
        if (!ctx.registry.packs.some((p) => p.items.has(item)))
          throw new AppError(
            "invalid_field",
            `奖励项目 ${item} 不存在`,
            `indicators[${i}].source.items[${j}]`,
          );
      });
    }
    if (source.kind === "targets" && source.targetIds) {
      const pack = targetPack(ctx);
      source.targetIds.forEach((id, j) => {
        const target = pack.targets.find((t) => t.id === id);
        const field = `indicators[${i}].source.targetIds[${j}]`;
        if (!target) throw new AppError("invalid_field", `目标 ${id} 不存在`, field);
        if (target.counting.kind !== "distinct")
          throw new AppError(
            "invalid_field",
            `目标 ${id}（${target.indicator}）由人工录入数值，不按县（市、区）计数`,
            field,
          );
      });
    }
  });
}

/** Saves a scheme for a year as its next version; an earlier version is never changed. */
export async function saveScheme(ctx: Context, actor: Caller, input: SchemeInput) {
  if (actor) requireAccess(actor, "assessment.manage");
  const scheme = parse(schemeInputSchema, input);
  checkReferences(ctx, scheme.indicators);
  try {
    return await inTransaction(ctx.database, async (trx) => {
      // The counter's row lock (PostgreSQL) puts concurrent saves of a year in line; the version
      // itself is read from the table, whose unique (year, version) backs it up.
      await nextCounter(trx, `assessment_scheme:${scheme.year}`);
      const last = await trx
        .selectFrom("assessment_schemes")
        .select((eb) => eb.fn.max("version").as("version"))
        .where("year", "=", scheme.year)
        .executeTakeFirst();
      const row: AssessmentSchemeTable = {
        id: randomUUID(),
        year: scheme.year,
        version: Number(last?.version ?? 0) + 1,
        indicators: JSON.stringify(scheme.indicators),
        note: scheme.note ?? null,
        created_by: actor?.userId ?? OPERATOR,
        created_at: instant(ctx),
      };
      await trx.insertInto("assessment_schemes").values(row).execute();
      await audit(ctx, trx, actor, "assessment.saveScheme", "assessment_scheme", row.id, {
        year: row.year,
        version: row.version,
        indicators: scheme.indicators.map((i) => `${i.id}:${i.weight}`),
      });
      return toScheme(row);
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError("conflict", "该年度方案刚被他人保存，请刷新后重试", "year");
    throw e;
  }
}

export async function listSchemes(ctx: Context, actor: Caller, year?: number) {
  if (actor) requireAccess(actor, "assessment.read");
  let q = ctx.database.db
    .selectFrom("assessment_schemes")
    .selectAll()
    .orderBy("year", "desc")
    .orderBy("version", "desc");
  if (year !== undefined) q = q.where("year", "=", year);
  return (await q.execute()).map(toScheme);
}

async function findScheme(db: DB, year: number, version?: number) {
  let q = db.selectFrom("assessment_schemes").selectAll().where("year", "=", year);
  q =
    version === undefined
      ? q.orderBy("version", "desc").limit(1)
      : q.where("version", "=", version);
  const row = await q.executeTakeFirst();
  if (!row)
    throw version === undefined
      ? new AppError("not_found", `${year} 年尚无考核方案`, "year")
      : new AppError("not_found", `${year} 年考核方案没有第 ${version} 版`, "version");
  return toScheme(row);
}

/** A year's scheme: the given version, or the latest. */
export async function getScheme(ctx: Context, actor: Caller, year: number, version?: number) {
  if (actor) requireAccess(actor, "assessment.read");
  return findScheme(ctx.database.db, year, version);
}

// ── values entered by the city ───────────────────────────────────────────────

/** A value of a manual indicator; a later entry for the same county replaces it (history kept). */
export async function addAssessmentValue(
  ctx: Context,
  actor: Caller,
  input: z.input<typeof assessmentValueInputSchema>,
) {
  if (actor) requireAccess(actor, "assessment.manage");
  const value = parse(assessmentValueInputSchema, input);
  const schemes = await ctx.database.db
    .selectFrom("assessment_schemes")
    .select("indicators")
    .where("year", "=", value.year)
    .execute();
  const manual = schemes.some((s) =>
    (JSON.parse(s.indicators) as Indicator[]).some(
      (i) => i.id === value.indicatorId && i.source.kind === "manual",
    ),
  );
  if (!manual)
    throw new AppError(
      "invalid_field",
      `${value.year} 年的考核方案中没有人工录入的指标 ${value.indicatorId}`,
      "indicatorId",
    );
  return inTransaction(ctx.database, async (trx) => {
    const id = randomUUID();
    const at = instant(ctx);
    await trx
      .insertInto("assessment_values")
      .values({
        id,
        seq: await nextCounter(trx, "assessment_value_seq"),
        year: value.year,
        county: value.county,
        indicator_id: value.indicatorId,
        value: value.value,
        source: value.source,
        created_by: actor?.userId ?? OPERATOR,
        created_at: at,
      })
      .execute();
    const view = {
      id,
      year: value.year,
      county: value.county,
      indicatorId: value.indicatorId,
      value: value.value,
      source: value.source,
      createdAt: at,
    };
    await audit(ctx, trx, actor, "assessment.value", "assessment_value", id, view);
    return view;
  });
}

// ── the raw values, read from the records ────────────────────────────────────

type CountyValues = Record<string, string | null>;

/** Whole counts or yuan per county as decimal text; a county without any has 0. */
function countsOf(map: Map<string, number>): CountyValues {
  return Object.fromEntries(COUNTIES.map((c) => [c, formatDecimal((map.get(c) ?? 0) * SCALE)]));
}

/**
 * Live awards (reserved or paid; cancelled and reversed ones are not) made in the year to
 * organizations of the county, by the application's county.
 */
async function awardValues(
  db: DB,
  year: number,
  measure: "count" | "amount",
  items: readonly string[] | undefined,
): Promise<CountyValues> {
  let q = db
    .selectFrom("awards")
    .innerJoin("applications", "applications.id", "awards.application_id")
    .select((eb) => [
      "applications.county as county",
      eb.fn.countAll<number>().as("n"),
      eb.fn.sum<number>("awards.amount").as("amount"),
    ])
    .where("awards.state", "in", ["reserved", "paid"])
    .where("awards.awarded_on", ">=", `${year}-01-01`)
    .where("awards.awarded_on", "<=", `${year}-12-31`)
    .groupBy("applications.county");
  if (items) q = q.where("awards.item", "in", [...items]);
  const rows = await q.execute();
  return countsOf(
    new Map(rows.map((r) => [r.county, Number(measure === "count" ? r.n : r.amount)])),
  );
}

/**
 * Contributions to the 2025 targets (二) counted for the county with an event date in the year,
 * each key once in the city for the county of its earliest contribution, as the dashboard counts.
 */
async function targetValues(
  ctx: Context,
  db: DB,
  year: number,
  targetIds: readonly string[] | undefined,
): Promise<CountyValues> {
  const pack = targetPack(ctx);
  const targets = pack.targets.filter((t) =>
    targetIds ? targetIds.includes(t.id) : t.counting.kind === "distinct",
  );
  const counts = new Map<string, number>();
  for (const target of targets) {
    const inputs = await loadInputs(db, pack, target);
    for (const c of countedOn(inputs, `${year}-12-31`))
      if (c.eventDate >= `${year}-01-01`) counts.set(c.county, (counts.get(c.county) ?? 0) + 1);
  }
  return countsOf(counts);
}

/** Objections upheld (公示异议成立) in the year against applications of the county. */
async function objectionValues(db: DB, year: number): Promise<CountyValues> {
  const [from, to] = beijingYear(year);
  const rows = await db
    .selectFrom("objections")
    .innerJoin("applications", "applications.id", "objections.application_id")
    .select((eb) => ["applications.county as county", eb.fn.countAll<number>().as("n")])
    .where("objections.state", "=", "upheld")
    .where("objections.resolved_at", ">=", from)
    .where("objections.resolved_at", "<", to)
    .groupBy("applications.county")
    .execute();
  return countsOf(new Map(rows.map((r) => [r.county, Number(r.n)])));
}

/**
 * The share (%) of the county's first-instance decisions of the year (approve, return or reject
 * taken from 已提交 or 县级初审中) made within `days` working days.
 *
 * The period runs from the case's latest submission before the decision, not from its
 * acceptance: acceptance is itself a county step (a return or reject may come without one), so
 * counting from it would let a late acceptance hide the delay; a resubmission after 退回补正
 * starts a new period. As with statutory periods, the day of submission is not counted; the
 * decision is timely on or before the `days`-th working day after it (the working-day calendar).
 * A county without a decision in the year has no value (null).
 */
async function timelinessValues(db: DB, year: number, days: number): Promise<CountyValues> {
  const [from, to] = beijingYear(year);
  const decisions = await db
    .selectFrom("application_events")
    .innerJoin("applications", "applications.id", "application_events.application_id")
    .select([
      "application_events.application_id as applicationId",
      "application_events.seq as seq",
      "application_events.created_at as at",
      "applications.county as county",
    ])
    .where("application_events.action", "in", ["approve", "return", "reject"])
    .where("application_events.from_state", "in", ["submitted", "county_review"])
    .where("application_events.created_at", ">=", from)
    .where("application_events.created_at", "<", to)
    .execute();
  const ids = [...new Set(decisions.map((d) => d.applicationId))];
  const submissions = new Map<string, { seq: number; at: string }[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom("application_events")
      .select(["application_id", "seq", "created_at"])
      .where("action", "=", "submit")
      .where("application_id", "in", ids.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      const list = submissions.get(r.application_id) ?? [];
      list.push({ seq: Number(r.seq), at: r.created_at });
      submissions.set(r.application_id, list);
    }
  }
  const calendar = await loadCalendar(db);
  const tally = new Map<string, { timely: number; all: number }>();
  for (const d of decisions) {
    const submitted = (submissions.get(d.applicationId) ?? [])
      .filter((s) => s.seq < Number(d.seq))
      .sort((a, b) => b.seq - a.seq)[0];
    if (!submitted) continue;
    const deadline = endOfWorkingDays(calendar, addDays(beijingDate(submitted.at), 1), days);
    const t = tally.get(d.county) ?? { timely: 0, all: 0 };
    t.all++;
    if (beijingDate(d.at) <= deadline) t.timely++;
    tally.set(d.county, t);
  }
  return Object.fromEntries(
    COUNTIES.map((c) => {
      const t = tally.get(c);
      if (!t || t.all === 0) return [c, null];
      // Percent, scaled by 10⁴ and rounded half up to 4 places.
      const scaled = Math.floor((2 * t.timely * 100 * SCALE + t.all) / (2 * t.all));
      return [c, formatDecimal(scaled)];
    }),
  );
}

/** The latest value entered for each county (by entry order); none → null. */
async function manualValues(db: DB, year: number, indicatorId: string): Promise<CountyValues> {
  const rows = await db
    .selectFrom("assessment_values")
    .select(["county", "value"])
    .where("year", "=", year)
    .where("indicator_id", "=", indicatorId)
    .orderBy("seq")
    .execute();
  const latest = new Map(rows.map((r) => [r.county, r.value]));
  return Object.fromEntries(COUNTIES.map((c) => [c, latest.get(c) ?? null]));
}

/** Every indicator's raw value per county for the year, read from the records. */
export async function computeInputs(
  ctx: Context,
  db: DB,
  year: number,
  indicators: readonly Indicator[],
): Promise<Inputs> {
  const out: Record<string, CountyValues> = {};
  for (const indicator of indicators) {
    const source = indicator.source;
    switch (source.kind) {
      case "awards":
        out[indicator.id] = await awardValues(db, year, source.measure, source.items);
        break;
      case "targets":
        out[indicator.id] = await targetValues(ctx, db, year, source.targetIds);
        break;
      case "objections_upheld":
        out[indicator.id] = await objectionValues(db, year);
        break;
      case "review_timeliness":
        out[indicator.id] = await timelinessValues(db, year, source.days);
        break;
      case "manual":
        out[indicator.id] = await manualValues(db, year, indicator.id);
        break;
    }
  }
  return out;
}

// ── runs ─────────────────────────────────────────────────────────────────────

/**
 * The instant of a new run: now, or 1 ms after the previous run when that is not earlier, so
 * that runs are ordered by their instants and "the latest run" of a year is always one run.
 */
async function nextRunInstant(trx: Tx, dialect: Dialect, nowMs: number): Promise<string> {
  return new Date(
    await nextInstantMillis(trx, dialect, "assessment_run_clock", nowMs),
  ).toISOString();
}

/**
 * Scores the counties for a year with a version of its scheme (the latest by default) and keeps
 * the run: the scheme version, the inputs read from the records and the results.
 */
export async function runAssessment(
  ctx: Context,
  actor: Caller,
  input: z.input<typeof runInputSchema>,
): Promise<RunView> {
  if (actor) requireAccess(actor, "assessment.manage");
  const { year: y, version } = parse(runInputSchema, input);
  return inTransaction(ctx.database, async (trx) => {
    const scheme = await findScheme(trx, y, version);
    const inputs = await computeInputs(ctx, trx, y, scheme.indicators);
    const results = score(scheme, inputs);
    const row: AssessmentRunTable = {
      id: randomUUID(),
      scheme_id: scheme.id,
      year: y,
      inputs: JSON.stringify(inputs),
      results: JSON.stringify(results),
      created_by: actor?.userId ?? OPERATOR,
      created_at: await nextRunInstant(trx, ctx.database.dialect, ctx.now().getTime()),
    };
    await trx.insertInto("assessment_runs").values(row).execute();
    await audit(ctx, trx, actor, "assessment.run", "assessment_run", row.id, {
      year: y,
      version: scheme.version,
      ranking: results.counties.map((c) => `${c.rank}.${c.county} ${c.total}`),
    });
    return toRun(row, scheme.version);
  });
}

function runsQuery(db: DB) {
  return db
    .selectFrom("assessment_runs")
    .innerJoin("assessment_schemes", "assessment_schemes.id", "assessment_runs.scheme_id")
    .selectAll("assessment_runs")
    .select("assessment_schemes.version as version");
}

/** The runs, newest first, with their ranking (not their inputs). */
export async function listRuns(ctx: Context, actor: Caller, year?: number) {
  if (actor) requireAccess(actor, "assessment.read");
  let q = runsQuery(ctx.database.db)
    .orderBy("assessment_runs.created_at", "desc")
    .orderBy("assessment_runs.id");
  if (year !== undefined) q = q.where("assessment_runs.year", "=", year);
  return (await q.execute()).map((row) => {
    const run = toRun(row, Number(row.version));
    return {
      id: run.id,
      year: run.year,
      schemeId: run.schemeId,
      schemeVersion: run.schemeVersion,
      createdBy: run.createdBy,
      createdAt: run.createdAt,
      ranking: run.results.counties.map((c) => ({
        county: c.county,
        rank: c.rank,
        total: c.total,
      })),
    };
  });
}

export async function getRun(ctx: Context, actor: Caller, id: string): Promise<RunView> {
  if (actor) requireAccess(actor, "assessment.read");
  const row = await runsQuery(ctx.database.db)
    .where("assessment_runs.id", "=", id)
    .executeTakeFirst();
  if (!row) throw new AppError("not_found", "考核计算记录不存在", "id");
  return toRun(row, Number(row.version));
}

/** The newest run of a year, or null when the year has none. */
export async function latestRun(ctx: Context, actor: Caller, year: number) {
  if (actor) requireAccess(actor, "assessment.read");
  const row = await runsQuery(ctx.database.db)
    .where("assessment_runs.year", "=", year)
    .orderBy("assessment_runs.created_at", "desc")
    .orderBy("assessment_runs.id")
    .limit(1)
    .executeTakeFirst();
  return row ? toRun(row, Number(row.version)) : null;
}

/** Scores a run's stored inputs again with its stored scheme version and compares. */
export async function verifyRun(
  ctx: Context,
  actor: Caller,
  id: string,
): Promise<{ ok: boolean; differences: Difference[] }> {
  const run = await getRun(ctx, actor, id);
  const scheme = await ctx.database.db
    .selectFrom("assessment_schemes")
    .selectAll()
    .where("id", "=", run.schemeId)
    .executeTakeFirstOrThrow();
  const recomputed = JSON.parse(JSON.stringify(score(toScheme(scheme), run.inputs)));
  const found = differences(run.results, recomputed);
  return { ok: found.length === 0, differences: found };
}
