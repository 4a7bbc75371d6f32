import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { subjectKey } from "../applications/application-input.ts";
import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { beijingToday, instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction, isUniqueViolation } from "../db/database.ts";
import { AppError } from "../errors.ts";
import type { Target } from "../policy/pack.ts";
import { findTarget } from "./target-pack.ts";
import { auditTargets } from "./targets-audit.ts";
import type { recordInputSchema } from "./targets-input.ts";
import { insertRecord, liveRecordOf } from "./targets-repository.ts";

/**
 * Registers an achievement that came without an application (a county quality award, a
 * secretariat), counted for a target like an award; each key once under a target.
 */
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
    return await writeRecord(ctx, actor, input, target, key, duplicate);
  } catch (e) {
    // Two officials registering the same achievement at once: the partial unique index
    // (target_records_one_live) refuses the second, which is the same conflict.
    if (isUniqueViolation(e)) throw duplicate();
    throw e;
  }
}

async function writeRecord(
  ctx: Context,
  actor: Actor,
  input: z.output<typeof recordInputSchema>,
  target: Target,
  key: string,
  duplicate: () => AppError,
) {
  return inTransaction(ctx.database, async (trx) => {
    if (await liveRecordOf(trx, target.id, key)) throw duplicate();
    const id = randomUUID();
    await insertRecord(trx, {
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
      withdrawn_at: null,
      withdrawn_by: null,
      withdrawn_reason: null,
    });
    await auditTargets(ctx, trx, actor, "target.record", "target_record", id, {
      targetId: target.id,
      county: input.county,
      subject: input.subject,
      eventDate: input.eventDate,
    });
    return { id, targetId: target.id, county: input.county, subject: input.subject };
  });
}
