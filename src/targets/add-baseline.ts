import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { beijingToday, instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { nextCounter } from "../db/counters.ts";
import { inTransaction } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { formatDecimal, parseDecimal } from "./decimal.ts";
import { checkValue, findTarget } from "./target-pack.ts";
import { auditTargets } from "./targets-audit.ts";
import type { baselineInputSchema } from "./targets-input.ts";
import { insertBaseline } from "./targets-repository.ts";

/** Enters a target's baseline for a county (or the city); a later entry replaces it, history kept. */
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
    await insertBaseline(trx, {
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
    });
    await auditTargets(ctx, trx, actor, "target.baseline", "target", target.id, {
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
