import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { budgetScope } from "../awards/award-scope.ts";
import type { Context } from "../context.ts";
import { AppError } from "../errors.ts";
import { batchLines, findPaymentBatch } from "./payments-repository.ts";

/** One batch with its lines, for the finance of the budget that pays it. */
export async function getPaymentBatch(ctx: Context, actor: Actor, batchId: string) {
  const batch = await findPaymentBatch(ctx.database.db, batchId);
  requireAccess(actor, "payment.manage", budgetScope(batch?.source ?? "city"), {
    type: "payment_batch",
    id: batchId,
  });
  if (!batch) throw new AppError("not_found", "拨付批次不存在", "id");
  const lines = await batchLines(ctx.database.db, batchId);
  return {
    id: batch.id,
    number: batch.number,
    year: batch.year,
    source: batch.source,
    lines: lines.map((l) => ({
      ...l,
      amount: Number(l.amount),
      accountChangePending: Boolean(Number(l.accountChangePending)),
    })),
  };
}
