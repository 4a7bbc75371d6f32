import { randomUUID } from "node:crypto";
import { z } from "zod";
import { appendAudit } from "../audit/audit-log.ts";
import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { awardCase, releaseGrant } from "../awards/awards.ts";
import { civilDateSchema } from "../calculate/request.ts";
import { loadCalendar } from "../calendar/calendar.ts";
import { endOfWorkingDays } from "../calendar/working-days.ts";
import { beijingToday, instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { nextCounter } from "../db/counters.ts";
import { inTransaction, type Tx } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { idempotent } from "../ledger/idempotency.ts";
import { lockOrganization } from "../organizations/organizations-repository.ts";
import { closeProjectPublicity, projectPublicityEntries } from "../projects/project-funding.ts";
import { loadSettings } from "../settings/settings.ts";
import { fileGuardedObjection, type ObjectionAnswer } from "./objection-guard.ts";

/**
 * Publicity (公示): the city publishes approved cases for a number of working days; anyone may
 * object during the period; an open objection holds its case until a city official resolves it;
 * when the period has ended, the cases without an open objection become awards.
 */

const text = (max: number) =>
  z.string().trim().min(1, "不能为空").max(max, `不能超过 ${max} 个字符`);

export const publicityInputSchema = z.object({
  title: text(200),
  // A publicity period runs a few weeks: a start beyond 2100 is a typing error, and the calendar
  // arithmetic has no civil dates past 9999.
  startDate: civilDateSchema.refine((d) => d <= "2100-12-31", "公示开始日期不能晚于 2100-12-31"),
  workingDays: z.number().int().min(1).max(30).optional(),
  applicationIds: z.array(z.string().uuid()).min(1, "至少选择一个审核通过的申报").max(1000),
});

export const objectionInputSchema = z.object({
  applicationId: z.string().uuid("应为申报编号"),
  name: text(50),
  contact: text(100),
  reason: text(2000),
});

export async function createPublicityBatch(
  ctx: Context,
  actor: Actor,
  input: z.output<typeof publicityInputSchema>,
) {
  requireAccess(actor, "publicity.manage");
  const settings = await loadSettings(ctx.database.db);
  const workingDays = input.workingDays ?? settings["general.publicityWorkingDays"];
  const at = instant(ctx);
  return inTransaction(ctx.database, async (trx) => {
    const calendar = await loadCalendar(trx);
    const endDate = endOfWorkingDays(calendar, input.startDate, workingDays);
    const id = randomUUID();
    const year = input.startDate.slice(0, 4);
    const number = `GS-${year}-${String(await nextCounter(trx, `publicity_number:${year}`)).padStart(4, "0")}`;
    await trx
      .insertInto("publicity_batches")
      .values({
        id,
        number,
        title: input.title,
        start_date: input.startDate,
        working_days: workingDays,
        end_date: endDate,
        state: "open",
        created_by: actor.userId,
        created_at: at,
        closed_at: null,
        kind: "awards",
      })
      .execute();
    for (const [i, appId] of [...new Set(input.applicationIds)].entries()) {
      const app = await trx
        .selectFrom("applications")
        .selectAll()
        .where("id", "=", appId)
        .executeTakeFirst();
      if (!app) throw new AppError("invalid_field", "申报不存在", `applicationIds[${i}]`);
      if (app.state !== "approved") {
        throw new AppError(
          "invalid_state",
          `申报 ${app.number} 不是“审核通过”状态，不能公示`,
          `applicationIds[${i}]`,
        );
      }
      const moved = await trx
        .updateTable("applications")
        .set({ state: "publicity", updated_at: at, version: app.version + 1 })
        .where("id", "=", appId)
        .where("state", "=", "approved")
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1)
        throw new AppError(
          "invalid_state",
          `申报 ${app.number} 状态已变化`,
          `applicationIds[${i}]`,
        );
      await trx
        .insertInto("publicity_entries")
        .values({
          batch_id: id,
          application_id: appId,
          amount: app.expected_amount ?? 0,
          funding_source: app.funding_source ?? "county",
          outcome: null,
          note: null,
        })
        .execute();
    }
    await appendAudit(trx, ctx.database.dialect, at, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "publicity.create",
      targetType: "publicity_batch",
      targetId: id,
      after: {
        number,
        startDate: input.startDate,
        endDate,
        workingDays,
        applications: input.applicationIds.length,
      },
      ip: actor.ip,
      outcome: "success",
    });
    return { id, number, startDate: input.startDate, endDate, workingDays };
  });
}

/** The public list of a batch: organization name, item, amount, county — no personal data. */
export async function publicBatches(ctx: Context) {
  const batches = await ctx.database.db
    .selectFrom("publicity_batches")
    .selectAll()
    .orderBy("start_date", "desc")
    .execute();
  return batches.map((b) => ({
    id: b.id,
    number: b.number,
    title: b.title,
    startDate: b.start_date,
    endDate: b.end_date,
    workingDays: b.working_days,
    state: b.state,
    kind: b.kind,
  }));
}

export async function publicBatch(ctx: Context, id: string) {
  const batch = await ctx.database.db
    .selectFrom("publicity_batches")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!batch) throw new AppError("not_found", "公示不存在", "id");
  if (batch.kind === "projects") {
    return {
      id: batch.id,
      number: batch.number,
      title: batch.title,
      startDate: batch.start_date,
      endDate: batch.end_date,
      state: batch.state,
      kind: batch.kind,
      entries: [],
      projects: await projectPublicityEntries(ctx, batch.id),
    };
  }
  const entries = await ctx.database.db
    .selectFrom("publicity_entries")
    .innerJoin("applications", "applications.id", "publicity_entries.application_id")
    .innerJoin("organizations", "organizations.id", "applications.organization_id")
    .select([
      "applications.id as applicationId",
      "applications.number as number",
      "applications.item as item",
      "organizations.name as organization",
      "organizations.county as county",
      "publicity_entries.amount as amount",
      "publicity_entries.outcome as outcome",
    ])
    .where("publicity_entries.batch_id", "=", id)
    .orderBy("applications.number")
    .execute();
  return {
    id: batch.id,
    number: batch.number,
    title: batch.title,
    startDate: batch.start_date,
    endDate: batch.end_date,
    state: batch.state,
    kind: batch.kind,
    projects: [],
    entries: entries.map((e) => {
      const item = ctx.registry.packs.map((p) => p.items.get(e.item)).find((i) => i !== undefined);
      return {
        ...e,
        amount: Number(e.amount),
        itemTitle: item?.title ?? e.item,
        clause: item?.clause ?? null,
      };
    }),
  };
}

/** A publicity batch that takes objections today (its period), or the error saying why not. */
export async function batchOpenForObjections(trx: Tx, batchId: string, today: string) {
  const batch = await trx
    .selectFrom("publicity_batches")
    .selectAll()
    .where("id", "=", batchId)
    .executeTakeFirst();
  if (!batch) throw new AppError("not_found", "公示不存在", "id");
  if (today < batch.start_date || today > batch.end_date) {
    throw new AppError(
      "invalid_state",
      `公示期为 ${batch.start_date} 至 ${batch.end_date}，当前不在公示期内`,
      "batchId",
    );
  }
  return batch;
}

/**
 * Anyone may object during the period; name and contact are required and never published. An
 * identical objection is answered with the first, and one source has a limit per batch (see
 * objection-guard.ts).
 */
export async function fileObjection(
  ctx: Context,
  batchId: string,
  input: z.output<typeof objectionInputSchema>,
  ip: string | null,
): Promise<ObjectionAnswer> {
  const today = beijingToday(ctx);
  const at = instant(ctx);
  const filing = {
    table: "objections",
    batchId,
    subjectId: input.applicationId,
    text: input,
    ip,
  } as const;
  return fileGuardedObjection(ctx, filing, {
    check: async (trx) => {
      await batchOpenForObjections(trx, batchId, today);
      const entry = await trx
        .selectFrom("publicity_entries")
        .select("application_id")
        .where("batch_id", "=", batchId)
        .where("application_id", "=", input.applicationId)
        .executeTakeFirst();
      if (!entry) throw new AppError("invalid_field", "该申报不在本批公示中", "applicationId");
    },
    insert: async (trx, marks) => {
      const id = randomUUID();
      await trx
        .insertInto("objections")
        .values({
          id,
          batch_id: batchId,
          application_id: input.applicationId,
          name: input.name,
          contact: input.contact,
          reason: input.reason,
          state: "open",
          resolution: null,
          resolved_by: null,
          resolved_at: null,
          created_at: at,
          source: marks.source,
          fingerprint: marks.fingerprint,
        })
        .execute();
      await appendAudit(trx, ctx.database.dialect, at, {
        actorId: null,
        actorRole: "public",
        action: "publicity.object",
        targetType: "application",
        targetId: input.applicationId,
        // The objector's name and contact stay in the objection, not in the audit trail.
        after: { objection: id, batch: batchId },
        ip,
        outcome: "success",
      });
      return id;
    },
  });
}

/** What the city sees of an objection: not the hashes kept against repeats and floods. */
const OBJECTION_COLUMNS = [
  "id",
  "batch_id",
  "application_id",
  "name",
  "contact",
  "reason",
  "state",
  "resolution",
  "resolved_by",
  "resolved_at",
  "created_at",
] as const;

export async function listObjections(ctx: Context, actor: Actor, batchId: string) {
  requireAccess(actor, "publicity.manage");
  return ctx.database.db
    .selectFrom("objections")
    .select(OBJECTION_COLUMNS)
    .where("batch_id", "=", batchId)
    .orderBy("created_at")
    .execute();
}

/** upheld → the case is rejected with the reason; dismissed → it continues to its award. */
export async function resolveObjection(
  ctx: Context,
  actor: Actor,
  objectionId: string,
  input: { outcome: "upheld" | "dismissed"; resolution: string },
) {
  requireAccess(actor, "publicity.manage");
  const at = instant(ctx);
  return inTransaction(ctx.database, async (trx) => {
    const objection = await trx
      .selectFrom("objections")
      .selectAll()
      .where("id", "=", objectionId)
      .executeTakeFirst();
    if (!objection) throw new AppError("not_found", "异议不存在", "id");
    if (objection.state !== "open") throw new AppError("invalid_state", "该异议已处理", "id");
    await trx
      .updateTable("objections")
      .set({
        state: input.outcome,
        resolution: input.resolution,
        resolved_by: actor.userId,
        resolved_at: at,
      })
      .where("id", "=", objectionId)
      .execute();
    if (input.outcome === "upheld") {
      const app = await trx
        .selectFrom("applications")
        .selectAll()
        .where("id", "=", objection.application_id)
        .executeTakeFirstOrThrow();
      await lockOrganization(trx, ctx.database.dialect, app.organization_id);
      if (app.state === "publicity") {
        await trx
          .updateTable("applications")
          .set({
            state: "rejected",
            last_comment: `公示异议成立：${input.resolution}`,
            updated_at: at,
            version: app.version + 1,
          })
          .where("id", "=", app.id)
          .execute();
        await trx
          .updateTable("publicity_entries")
          .set({ outcome: "rejected", note: input.resolution })
          .where("batch_id", "=", objection.batch_id)
          .where("application_id", "=", app.id)
          .execute();
        await releaseGrant(ctx, trx, app.id);
      }
    }
    await appendAudit(trx, ctx.database.dialect, at, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "publicity.resolveObjection",
      targetType: "objection",
      targetId: objectionId,
      before: { state: "open" },
      after: { state: input.outcome, resolution: input.resolution },
      ip: actor.ip,
      outcome: "success",
    });
    return { id: objectionId, state: input.outcome };
  });
}

export interface CloseSummary {
  awarded: number;
  held: number;
  waiting: { application: string; message: string }[];
  closedBatches: string[];
  /** Public projects funded when their selection's publicity ended. */
  projectsFunded: number;
}

/**
 * Closes the publicity periods that have ended: each case without an open objection becomes an
 * award (in its own transaction, so a crash loses nothing and a rerun picks up where it stopped);
 * a batch closes when none of its cases is left open. Safe to run again at any time.
 */
export async function closePublicity(ctx: Context, actorId = "system"): Promise<CloseSummary> {
  const today = beijingToday(ctx);
  const summary: CloseSummary = {
    awarded: 0,
    held: 0,
    waiting: [],
    closedBatches: [],
    projectsFunded: 0,
  };
  const due = await ctx.database.db
    .selectFrom("publicity_batches")
    .selectAll()
    .where("kind", "=", "awards")
    .where("state", "=", "open")
    .where("end_date", "<", today)
    .orderBy("end_date")
    .execute();
  for (const batch of due) {
    // First applied, first awarded: when a budget cannot cover every due case, the order is
    // that of 五、附则's "first application".
    const entries = await ctx.database.db
      .selectFrom("publicity_entries")
      .innerJoin("applications", "applications.id", "publicity_entries.application_id")
      .select("publicity_entries.application_id")
      .where("publicity_entries.batch_id", "=", batch.id)
      .where((eb) =>
        eb.or([
          eb("publicity_entries.outcome", "is", null),
          eb("publicity_entries.outcome", "=", "waiting_budget"),
        ]),
      )
      .orderBy("applications.submitted_at")
      .orderBy("applications.number")
      .execute();
    for (const e of entries) {
      const outcome = await inTransaction(ctx.database, (trx) =>
        awardEntry(ctx, trx, batch.id, e.application_id, actorId),
      );
      if (outcome === "awarded") summary.awarded++;
      else if (outcome === "held") summary.held++;
      else if (outcome !== "skipped")
        summary.waiting.push({ application: e.application_id, message: outcome.message });
    }
    const left = await ctx.database.db
      .selectFrom("publicity_entries")
      .select("application_id")
      .where("batch_id", "=", batch.id)
      .where((eb) => eb.or([eb("outcome", "is", null), eb("outcome", "=", "waiting_budget")]))
      .execute();
    if (left.length === 0) {
      await ctx.database.db
        .updateTable("publicity_batches")
        .set({ state: "closed", closed_at: instant(ctx) })
        .where("id", "=", batch.id)
        .where("state", "=", "open")
        .execute();
      summary.closedBatches.push(batch.number);
    }
  }
  // Public-project selections are published and closed the same way (三（三）4).
  const projects = await closeProjectPublicity(ctx, actorId);
  summary.projectsFunded = projects.funded;
  summary.held += projects.held;
  for (const w of projects.waiting) summary.waiting.push({ application: "", message: w });
  summary.closedBatches.push(...projects.closedBatches);
  return summary;
}

/**
 * Awards one case whose publicity has ended (the explicit command; the scheduled close does the
 * same for every due case). Keyed: a replay returns the first result.
 */
export async function awardApplication(
  ctx: Context,
  actor: Actor,
  applicationId: string,
  idempotencyKey: string,
) {
  requireAccess(actor, "publicity.manage");
  const today = beijingToday(ctx);
  return inTransaction(ctx.database, async (trx) => {
    const { result } = await idempotent(
      trx,
      idempotencyKey,
      { op: "award", applicationId },
      instant(ctx),
      async () => {
        const entry = await trx
          .selectFrom("publicity_entries")
          .innerJoin("publicity_batches", "publicity_batches.id", "publicity_entries.batch_id")
          .select([
            "publicity_entries.batch_id as batchId",
            "publicity_batches.end_date as endDate",
          ])
          .where("publicity_entries.application_id", "=", applicationId)
          .orderBy("publicity_batches.end_date", "desc")
          .executeTakeFirst();
        if (!entry) throw new AppError("invalid_state", "该申报未经公示", "id");
        if (entry.endDate >= today)
          throw new AppError("invalid_state", `公示期至 ${entry.endDate} 止，期满后方可奖励`, "id");
        const outcome = await awardEntry(ctx, trx, entry.batchId, applicationId, actor.userId);
        if (outcome === "held")
          throw new AppError("invalid_state", "该申报有未处理的异议，暂缓奖励", "id");
        if (outcome === "skipped")
          throw new AppError("invalid_state", "该申报不在待奖励状态", "id");
        if (outcome !== "awarded") throw new AppError("conflict", outcome.message, "budget");
        const award = await trx
          .selectFrom("awards")
          .select(["id", "number", "amount", "year", "source"])
          .where("application_id", "=", applicationId)
          .executeTakeFirstOrThrow();
        return { ...award, amount: Number(award.amount) };
      },
    );
    return result;
  });
}

/** The explicit command of a city official: close what is due now (the same as the scheduled job). */
export function closeDuePublicity(ctx: Context, actor: Actor): Promise<CloseSummary> {
  requireAccess(actor, "publicity.manage");
  return closePublicity(ctx, actor.userId);
}

async function awardEntry(
  ctx: Context,
  trx: Tx,
  batchId: string,
  applicationId: string,
  actorId: string,
): Promise<"awarded" | "held" | "skipped" | { message: string }> {
  const app = await trx
    .selectFrom("applications")
    .selectAll()
    .where("id", "=", applicationId)
    .executeTakeFirstOrThrow();
  const org = await lockOrganization(trx, ctx.database.dialect, app.organization_id);
  const entry = await trx
    .selectFrom("publicity_entries")
    .selectAll()
    .where("batch_id", "=", batchId)
    .where("application_id", "=", applicationId)
    .executeTakeFirstOrThrow();
  if (
    !org ||
    app.state !== "publicity" ||
    (entry.outcome !== null && entry.outcome !== "waiting_budget")
  )
    return "skipped";
  const open = await trx
    .selectFrom("objections")
    .select("id")
    .where("application_id", "=", applicationId)
    .where("state", "=", "open")
    .executeTakeFirst();
  if (open) return "held";
  const at = instant(ctx);
  const outcome = await awardCase(
    ctx,
    trx,
    app,
    org,
    Number(entry.amount),
    entry.funding_source,
    actorId,
  );
  if (outcome.kind === "waiting_budget") {
    await trx
      .updateTable("publicity_entries")
      .set({ outcome: "waiting_budget", note: outcome.message })
      .where("batch_id", "=", batchId)
      .where("application_id", "=", applicationId)
      .execute();
    return { message: outcome.message };
  }
  await trx
    .updateTable("publicity_entries")
    .set({ outcome: "awarded", note: outcome.number })
    .where("batch_id", "=", batchId)
    .where("application_id", "=", applicationId)
    .execute();
  await trx
    .updateTable("applications")
    .set({ state: "awarded", updated_at: at, version: app.version + 1 })
    .where("id", "=", applicationId)
    .where("state", "=", "publicity")
    .execute();
  await appendAudit(trx, ctx.database.dialect, at, {
    actorId,
    actorRole: "system",
    action: "award.create",
    targetType: "award",
    targetId: outcome.awardId,
    after: {
      number: outcome.number,
      application: app.number,
      amount: Number(entry.amount),
      year: outcome.year,
      source: outcome.source,
    },
    ip: null,
    outcome: "success",
  });
  return "awarded";
}
