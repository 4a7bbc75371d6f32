import { randomUUID } from "node:crypto";
import { z } from "zod";
import { subjectKey } from "../applications/application-input.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { civilDateSchema, countySchema, usccSchema } from "../calculate/request.ts";
import { beijingToday, instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { nextCounter } from "../db/counters.ts";
import { type DB, inTransaction, isUniqueViolation } from "../db/database.ts";
import {
  documentsOf,
  openDocument,
  recordDocument,
  storeFile,
  type UploadedFile,
} from "../documents/documents.ts";
import { AppError } from "../errors.ts";
import type { PolicyPack, Target } from "../policy/pack.ts";
import { formatDecimal, parseDecimal, SCALE } from "./decimal.ts";
import {
  CITY_WIDE,
  type Contribution,
  history,
  type Progress,
  progressOn,
  STATUS_NAMES,
  type TargetInputs,
} from "./progress.ts";

/**
 * The 2025 targets of 二、总体目标: baselines, records and manual values entered by officials,
 * and the progress counted from them and from the system's awards (definitions in the pack).
 */

const text = (max: number) =>
  z.string().trim().min(1, "不能为空").max(max, `不能超过 ${max} 个字符`);
const decimalText = z
  .union([z.string(), z.number()], {
    error: (issue) =>
      issue.input === undefined ? "缺少必填字段（非负数）" : "应为非负数（数字或数字文本）",
  })
  .transform((v) => (typeof v === "number" ? String(v) : v))
  .meta({ example: "12", description: "非负数，最多 4 位小数" });
export const countyOrCity = z
  .string()
  .refine((v) => v === CITY_WIDE || countySchema.safeParse(v).success, {
    message: `应为县（市、区）名称或“${CITY_WIDE}”`,
  });

export const baselineInputSchema = z.object({
  targetId: text(100),
  county: countyOrCity,
  value: decimalText,
  asOf: civilDateSchema,
  source: text(200),
  note: z.string().max(1000).optional(),
});

export const recordInputSchema = z.object({
  targetId: text(100),
  county: countySchema,
  organizationName: text(200),
  uscc: usccSchema.optional(),
  subject: text(200),
  eventDate: civilDateSchema,
  endedOn: civilDateSchema.nullable().optional(),
  source: text(200),
  note: z.string().max(1000).optional(),
});

export const valueInputSchema = z.object({
  targetId: text(100),
  county: countyOrCity.default(CITY_WIDE),
  value: decimalText,
  periodStart: civilDateSchema,
  periodEnd: civilDateSchema,
  source: text(200),
  note: z.string().max(1000).optional(),
});

/** The pack whose targets are meant: the given one, or the newest pack that sets targets. */
export function targetPack(ctx: Context, policyId?: string): PolicyPack {
  if (policyId) {
    const pack = ctx.registry.pack(policyId);
    if (!pack) throw new AppError("not_found", `政策 ${policyId} 不存在`, "policy");
    return pack;
  }
  const packs = ctx.registry.packs.filter((p) => p.targets.length > 0);
  const pack = packs[packs.length - 1];
  if (!pack) throw new AppError("not_found", "没有设定目标的政策", "policy");
  return pack;
}

export function findTarget(ctx: Context, id: string): { pack: PolicyPack; target: Target } {
  for (const pack of ctx.registry.packs) {
    const target = pack.targets.find((t) => t.id === id);
    if (target) return { pack, target };
  }
  throw new AppError("not_found", `目标 ${id} 不存在`, "targetId");
}

async function audit(
  ctx: Context,
  trx: Parameters<typeof appendAudit>[0],
  actor: Actor,
  action: string,
  targetType: string,
  targetId: string,
  after: unknown,
) {
  await appendAudit(trx, ctx.database.dialect, instant(ctx), {
    actorId: actor.userId,
    actorRole: actor.role,
    action,
    targetType,
    targetId,
    after,
    ip: actor.ip,
    outcome: "success",
  });
}

/** A target measured as a count takes whole numbers; a rate at most 100. */
function checkValue(target: Target, scaled: number, field: string) {
  if (target.counting.kind === "distinct" && scaled % SCALE !== 0)
    throw new AppError("invalid_field", `${target.indicator} 是计数，应为整数`, field);
  if (target.unit === "%" && scaled > 100 * SCALE)
    throw new AppError("invalid_field", "百分比不能超过 100", field);
}

export async function addBaseline(
  ctx: Context,
  actor: Actor,
  input: z.output<typeof baselineInputSchema>,
) {
  requireAccess(actor, "target.manage");
  const { target } = findTarget(ctx, input.targetId);
  const value = parseDecimal(input.value, "value");
  checkValue(target, value, "value");
  if (input.asOf > beijingToday(ctx))
    throw new AppError("invalid_field", "基数日期不能晚于今天", "asOf");
  return inTransaction(ctx.database, async (trx) => {
    const id = randomUUID();
    await trx
      .insertInto("target_baselines")
      .values({
        id,
        seq: await nextCounter(trx, "target_baseline_seq"),
        target_id: target.id,
        county: input.county,
        value: formatDecimal(value),
        as_of: input.asOf,
        source: input.source,
        note: input.note ?? null,
        created_by: actor.userId,
        created_at: instant(ctx),
      })
      .execute();
    await audit(ctx, trx, actor, "target.baseline", "target", target.id, {
      id,
      county: input.county,
      value: formatDecimal(value),
      asOf: input.asOf,
      source: input.source,
    });
    return {
      id,
      targetId: target.id,
      county: input.county,
      value: formatDecimal(value),
      asOf: input.asOf,
    };
  });
}

export async function addRecord(
  ctx: Context,
  actor: Actor,
  input: z.output<typeof recordInputSchema>,
) {
  requireAccess(actor, "target.record", { county: input.county });
  const { target } = findTarget(ctx, input.targetId);
  if (target.counting.kind !== "distinct")
    throw new AppError(
      "invalid_field",
      `${target.indicator} 由授权官员录入数值，不登记成果`,
      "targetId",
    );
  const byOrganization = target.counting.unit === "organization";
  if (byOrganization && !input.uscc)
    throw new AppError("missing_field", "按组织计数的目标须填写统一社会信用代码", "uscc");
  if (input.endedOn && input.endedOn <= input.eventDate)
    throw new AppError("invalid_field", "失效日期应晚于取得日期", "endedOn");
  if (input.eventDate > beijingToday(ctx))
    throw new AppError("invalid_field", "取得日期不能晚于今天", "eventDate");
  const key = byOrganization ? (input.uscc as string) : subjectKey(input.subject);
  const duplicate = () =>
    new AppError(
      "conflict",
      byOrganization ? "该组织已登记在此目标下" : "该成果已登记在此目标下",
      byOrganization ? "uscc" : "subject",
    );
  try {
    return await insertRecord(ctx, actor, input, target, key, duplicate);
  } catch (e) {
    // Two officials registering the same achievement at once: the partial unique index
    // (target_records_one_live) refuses the second, which is the same conflict.
    if (isUniqueViolation(e)) throw duplicate();
    throw e;
  }
}

async function insertRecord(
  ctx: Context,
  actor: Actor,
  input: z.output<typeof recordInputSchema>,
  target: Target,
  key: string,
  duplicate: () => AppError,
) {
  return inTransaction(ctx.database, async (trx) => {
    const existing = await trx
      .selectFrom("target_records")
      .select("id")
      .where("target_id", "=", target.id)
      .where("subject_key", "=", key)
      .where("withdrawn_at", "is", null)
      .executeTakeFirst();
    if (existing) throw duplicate();
    const id = randomUUID();
    await trx
      .insertInto("target_records")
      .values({
        id,
        target_id: target.id,
        county: input.county,
        organization_name: input.organizationName,
        uscc: input.uscc ?? null,
        subject: input.subject,
        subject_key: key,
        event_date: input.eventDate,
        ended_on: input.endedOn ?? null,
        source: input.source,
        note: input.note ?? null,
        created_by: actor.userId,
        created_at: instant(ctx),
      })
      .execute();
    await audit(ctx, trx, actor, "target.record", "target_record", id, {
      targetId: target.id,
      county: input.county,
      subject: input.subject,
      eventDate: input.eventDate,
    });
    return { id, targetId: target.id, county: input.county, subject: input.subject };
  });
}

export async function withdrawRecord(ctx: Context, actor: Actor, id: string, reason: string) {
  const row = await ctx.database.db
    .selectFrom("target_records")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw new AppError("not_found", "记录不存在", "id");
  requireAccess(actor, "target.record", { county: row.county }, { type: "target_record", id });
  if (row.withdrawn_at) throw new AppError("invalid_state", "该记录已撤回", "id");
  if (reason.trim() === "") throw new AppError("missing_field", "撤回须说明理由", "reason");
  return inTransaction(ctx.database, async (trx) => {
    const at = instant(ctx);
    const done = await trx
      .updateTable("target_records")
      .set({ withdrawn_at: at, withdrawn_by: actor.userId, withdrawn_reason: reason })
      .where("id", "=", id)
      .where("withdrawn_at", "is", null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1)
      throw new AppError("invalid_state", "该记录已撤回", "id");
    await audit(ctx, trx, actor, "target.withdrawRecord", "target_record", id, { reason });
    return { id, withdrawnAt: at };
  });
}

export async function addValue(
  ctx: Context,
  actor: Actor,
  input: z.output<typeof valueInputSchema>,
  evidence: UploadedFile | null = null,
) {
  requireAccess(actor, "target.manage");
  const { target } = findTarget(ctx, input.targetId);
  if (target.counting.kind !== "manual")
    throw new AppError(
      "invalid_field",
      `${target.indicator} 由系统计数，请登记基数或成果`,
      "targetId",
    );
  const value = parseDecimal(input.value, "value");
  checkValue(target, value, "value");
  if (input.periodEnd < input.periodStart)
    throw new AppError("invalid_field", "统计期结束日期不能早于开始日期", "periodEnd");
  if (input.periodEnd > beijingToday(ctx))
    throw new AppError("invalid_field", "统计期尚未结束", "periodEnd");
  const stored = evidence ? storeFile(ctx, evidence, "evidence") : null;
  return inTransaction(ctx.database, async (trx) => {
    const id = randomUUID();
    const at = instant(ctx);
    await trx
      .insertInto("target_values")
      .values({
        id,
        seq: await nextCounter(trx, "target_value_seq"),
        target_id: target.id,
        county: input.county,
        value: formatDecimal(value),
        period_start: input.periodStart,
        period_end: input.periodEnd,
        source: input.source,
        note: input.note ?? null,
        created_by: actor.userId,
        created_at: at,
      })
      .execute();
    const document = stored
      ? await recordDocument(trx, actor, { type: "target_value", id }, stored, at)
      : null;
    await audit(ctx, trx, actor, "target.value", "target", target.id, {
      id,
      county: input.county,
      value: formatDecimal(value),
      period: [input.periodStart, input.periodEnd],
      source: input.source,
      evidence: document?.sha256 ?? null,
    });
    return {
      id,
      targetId: target.id,
      county: input.county,
      value: formatDecimal(value),
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      evidence: document,
    };
  });
}

/** Everything recorded for one target: its baselines, contributions and values. */
export async function loadInputs(db: DB, pack: PolicyPack, target: Target): Promise<TargetInputs> {
  return (await loadInputsFor(db, pack, [target])).get(target.id) as TargetInputs;
}

/**
 * The inputs of several targets in four queries (baselines, values, awards of every counted item,
 * records), whatever the number of targets: the dashboard reads them all at once.
 */
export async function loadInputsFor(
  db: DB,
  pack: PolicyPack,
  targets: readonly Target[],
): Promise<Map<string, TargetInputs>> {
  const ids = targets.map((t) => t.id);
  const out = new Map<string, TargetInputs>();
  if (ids.length === 0) return out;
  const baselineRows = await db
    .selectFrom("target_baselines")
    .selectAll()
    .where("target_id", "in", ids)
    .orderBy("seq")
    .execute();
  const valueRows = await db
    .selectFrom("target_values")
    .selectAll()
    .where("target_id", "in", ids)
    .execute();
  const items = [
    ...new Set(targets.flatMap((t) => (t.counting.kind === "distinct" ? t.counting.items : []))),
  ];
  const awards =
    items.length === 0
      ? []
      : await db
          .selectFrom("awards")
          .innerJoin("applications", "applications.id", "awards.application_id")
          .innerJoin("organizations", "organizations.id", "awards.organization_id")
          .select([
            "awards.number",
            "awards.item",
            "applications.subject",
            "applications.event_date",
            "applications.county",
            "organizations.uscc",
            "organizations.name",
          ])
          .where("awards.item", "in", items)
          .where("awards.state", "in", ["reserved", "paid"])
          .where("applications.policy_id", "=", pack.id)
          .execute();
  const recordRows = await db
    .selectFrom("target_records")
    .selectAll()
    .where("target_id", "in", ids)
    .where("withdrawn_at", "is", null)
    .execute();
  const folded = new Map<string, string>();
  const fold = (subject: string) => {
    let key = folded.get(subject);
    if (key === undefined) {
      key = subjectKey(subject);
      folded.set(subject, key);
    }
    return key;
  };
  for (const target of targets) {
    // The latest row of each county is its baseline; earlier rows are history.
    const latest = new Map(
      baselineRows.filter((b) => b.target_id === target.id).map((b) => [b.county, b]),
    );
    const baselines = [...latest.values()].map((b) => ({
      county: b.county,
      value: parseDecimal(b.value, "value"),
      asOf: b.as_of,
      source: b.source,
    }));
    const values = valueRows
      .filter((v) => v.target_id === target.id)
      .map((v) => ({
        county: v.county,
        value: parseDecimal(v.value, "value"),
        periodStart: v.period_start,
        periodEnd: v.period_end,
        source: v.source,
        seq: Number(v.seq),
      }));
    const contributions: Contribution[] = [];
    if (target.counting.kind === "distinct") {
      const byOrganization = target.counting.unit === "organization";
      const counted = new Set(target.counting.items);
      for (const a of awards)
        if (counted.has(a.item))
          contributions.push({
            key: byOrganization ? a.uscc : fold(a.subject),
            county: a.county,
            eventDate: a.event_date,
            endedOn: null,
            source: "award",
            ref: a.number,
            label: `${a.item} ${a.subject}`,
            organizationName: a.name,
          });
      for (const r of recordRows)
        if (r.target_id === target.id)
          contributions.push({
            key: byOrganization ? (r.uscc ?? r.subject_key) : r.subject_key,
            county: r.county,
            eventDate: r.event_date,
            endedOn: r.ended_on,
            source: "record",
            ref: r.id,
            label: r.subject,
            organizationName: r.organization_name,
          });
    }
    out.set(target.id, { baselines, contributions, values });
  }
  return out;
}

function presentProgress(target: Target, p: Progress) {
  const fmt = (v: number | null) => (v === null ? null : formatDecimal(v));
  return {
    on: p.on,
    value: fmt(p.value),
    target: fmt(p.target),
    expected: fmt(p.expected),
    status: p.status,
    statusName: STATUS_NAMES[p.status],
    final: p.final,
    percent: p.value === null ? null : Math.min(100, Math.floor((p.value * 1000) / p.target) / 10),
    counties: p.counties.map((c) => ({
      county: c.county,
      baseline: formatDecimal(c.baseline),
      counted: c.counted,
      value: formatDecimal(c.value),
    })),
    unit: target.unit,
  };
}

function describe(pack: PolicyPack, target: Target) {
  return {
    id: target.id,
    policy: pack.id,
    indicator: target.indicator,
    comparator: target.comparator,
    comparatorText: target.comparator === "gt" ? "高于（>）" : "达到（≥）",
    value: formatDecimal(Math.round(target.value * SCALE)),
    unit: target.unit,
    deadline: target.deadline,
    ref: target.ref,
    counting: target.counting,
  };
}

/** Progress of every target of a pack on a day (today by default). */
export async function listTargets(
  ctx: Context,
  actor: Actor | null,
  query: { asOf?: string | undefined; policy?: string | undefined; county?: string | undefined },
) {
  if (actor) requireAccess(actor, "target.read");
  const pack = targetPack(ctx, query.policy);
  const asOf = query.asOf ?? beijingToday(ctx);
  const out = [];
  const all = await loadInputsFor(ctx.database.db, pack, pack.targets);
  for (const target of pack.targets) {
    const inputs = all.get(target.id) as TargetInputs;
    const progress = presentProgress(target, progressOn(target, pack.effective, inputs, asOf));
    out.push({
      ...describe(pack, target),
      progress: query.county
        ? { ...progress, counties: progress.counties.filter((c) => c.county === query.county) }
        : progress,
    });
  }
  return { policy: pack.id, asOf, items: out };
}

/** One target: progress, history and everything entered for it. */
export async function getTarget(ctx: Context, actor: Actor | null, id: string, asOf?: string) {
  if (actor) requireAccess(actor, "target.read");
  const { pack, target } = findTarget(ctx, id);
  const day = asOf ?? beijingToday(ctx);
  const db = ctx.database.db;
  const inputs = await loadInputs(db, pack, target);
  const baselines = await db
    .selectFrom("target_baselines")
    .selectAll()
    .where("target_id", "=", id)
    .orderBy("seq", "desc")
    .execute();
  const values = await db
    .selectFrom("target_values")
    .selectAll()
    .where("target_id", "=", id)
    .orderBy("seq", "desc")
    .execute();
  const valueViews = [];
  for (const v of values)
    valueViews.push({
      id: v.id,
      county: v.county,
      value: v.value,
      periodStart: v.period_start,
      periodEnd: v.period_end,
      source: v.source,
      note: v.note,
      createdAt: v.created_at,
      evidence: await documentsOf(db, "target_value", v.id),
    });
  return {
    ...describe(pack, target),
    asOf: day,
    progress: presentProgress(target, progressOn(target, pack.effective, inputs, day)),
    history: history(target, pack.effective, inputs, day).map((h) => ({
      on: h.on,
      value: h.value === null ? null : formatDecimal(h.value),
    })),
    baselines: baselines.map((b) => ({
      id: b.id,
      county: b.county,
      value: b.value,
      asOf: b.as_of,
      source: b.source,
      note: b.note,
      createdAt: b.created_at,
    })),
    values: valueViews,
  };
}

/** The awards and records that make up a target's count on a day (no personal data). */
export async function targetContributions(
  ctx: Context,
  actor: Actor | null,
  id: string,
  query: { asOf?: string | undefined; county?: string | undefined },
) {
  if (actor) requireAccess(actor, "target.read");
  const { pack, target } = findTarget(ctx, id);
  const day = query.asOf ?? beijingToday(ctx);
  const inputs = await loadInputs(ctx.database.db, pack, target);
  const p = progressOn(target, pack.effective, inputs, day);
  const items = p.counted
    .filter((c) => !query.county || c.county === query.county)
    .map((c) => ({
      county: c.county,
      organizationName: c.organizationName,
      subject: c.label,
      eventDate: c.eventDate,
      endedOn: c.endedOn,
      source: c.source,
      ref: c.ref,
    }));
  return { targetId: id, on: p.on, total: items.length, items };
}

/** Attaches an evidence file to an entered value (the value itself never changes). */
export async function addValueEvidence(
  ctx: Context,
  actor: Actor,
  valueId: string,
  file: UploadedFile,
) {
  requireAccess(actor, "target.manage", {}, { type: "target_value", id: valueId }, "target.read");
  const row = await ctx.database.db
    .selectFrom("target_values")
    .select("id")
    .where("id", "=", valueId)
    .executeTakeFirst();
  if (!row) throw new AppError("not_found", "数值记录不存在", "id");
  const stored = storeFile(ctx, file);
  return inTransaction(ctx.database, async (trx) => {
    const at = instant(ctx);
    const document = await recordDocument(
      trx,
      actor,
      { type: "target_value", id: valueId },
      stored,
      at,
    );
    await audit(ctx, trx, actor, "target.valueEvidence", "target_value", valueId, {
      document: document.id,
      sha256: document.sha256,
    });
    return document;
  });
}

export async function openValueEvidence(
  ctx: Context,
  actor: Actor,
  valueId: string,
  documentId: string,
) {
  requireAccess(actor, "target.read", {}, { type: "target_value", id: valueId });
  return openDocument(ctx.database.db, ctx, "target_value", valueId, documentId);
}
