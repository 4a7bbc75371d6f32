import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { budgetScope } from "../awards/award-scope.ts";
import { SOURCE_NAMES } from "../budgets/budgets.ts";
import type { Context } from "../context.ts";
import { AppError } from "../errors.ts";
import { itemOf } from "../reports/report-helpers.ts";
import { batchLines, findPaymentBatchByRef } from "./payments-repository.ts";
import { LINE_STATE_NAMES } from "./states.ts";

/**
 * One batch with its lines, for the finance of the budget that pays it; named by its id or by
 * its number (BF-2026-0001), as finance reads it off the treasury's list.
 */
export async function getPaymentBatch(ctx: Context, actor: Actor, ref: string) {
  const batch = await findPaymentBatchByRef(ctx.database.db, ref);
  requireAccess(actor, "payment.manage", budgetScope(batch?.source ?? "city"), {
    type: "payment_batch",
    id: batch?.id ?? ref,
  });
  if (!batch) throw new AppError("not_found", `拨付批次 ${ref} 不存在`, "id");
  const lines = await batchLines(ctx.database.db, batch.id);
  return {
    id: batch.id,
    number: batch.number,
    year: batch.year,
    source: batch.source,
    sourceName: SOURCE_NAMES(batch.source),
    createdAt: batch.created_at,
    lines: lines.map(({ policyId, ...l }) => ({
      ...l,
      itemTitle: itemOf(ctx, policyId, l.item)?.title ?? l.item,
      stateName: LINE_STATE_NAMES[l.state],
      amount: Number(l.amount),
      accountChangePending: Boolean(Number(l.accountChangePending)),
    })),
  };
}
