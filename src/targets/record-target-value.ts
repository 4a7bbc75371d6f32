import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { beijingToday, instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { nextCounter } from "../db/counters.ts";
import { inTransaction } from "../db/database.ts";
import { recordDocument } from "../documents/documents.ts";
import { AppError } from "../errors.ts";
import { storeFile, type UploadedFile } from "../files/file-store.ts";
import { formatDecimal, parseDecimal } from "./decimal.ts";
import { checkValue, findTarget } from "./target-pack.ts";
import { auditTargets } from "./targets-audit.ts";
import type { valueInputSchema } from "./targets-input.ts";
import { insertValue } from "./targets-repository.ts";

/** Enters a measured value of a manual target for a period, with an optional evidence file. */
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
    await insertValue(trx, {
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
    });
    const document = stored
      ? await recordDocument(trx, actor, { type: "target_value", id }, stored, at)
      : null;
    await auditTargets(ctx, trx, actor, "target.value", "target", target.id, {
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
