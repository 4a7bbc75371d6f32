import { findApplicationRow } from "../applications/applications-repository.ts";
import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { idempotent } from "../ledger/idempotency.ts";
import { moveMoney } from "../ledger/ledger.ts";
import { applyTransition } from "../lifecycle/apply-transition.ts";
import { pendingLineOf } from "../payments/payments-repository.ts";
import { budgetScope } from "./award-scope.ts";
import { lockAward } from "./awards-repository.ts";
import { releaseGrant } from "./release-grant.ts";

/**
 * Revokes an award (e.g. false materials): before payment it is cancelled and the reservation
 * released; after payment it is reversed and the recovered money booked back to the budget. The
 * case is rejected with the reason and its grant freed. Keyed: a replay returns the first result.
 */
export async function reverseAward(
  ctx: Context,
  actor: Actor,
  awardId: string,
  reason: string,
  idempotencyKey: string,
) {
  if (!reason.trim()) throw new AppError("missing_field", "撤销奖励须填写理由", "reason");
  const at = instant(ctx);
  return inTransaction(ctx.database, async (trx) => {
    const award = await lockAward(trx, ctx.database.dialect, awardId);
    const scope = budgetScope(award?.source ?? "city", award?.organization_id ?? null);
    requireAccess(actor, "award.reverse", scope, { type: "award", id: awardId });
    if (!award) throw new AppError("not_found", "奖励不存在", "id");
    const { result } = await idempotent(
      trx,
      idempotencyKey,
      { op: "award.reverse", awardId, reason },
      at,
      async () => {
        // Sent to the treasury: its result decides whether there is money to recover.
        if (await pendingLineOf(trx, awardId))
          throw new AppError("invalid_state", "该奖励在待拨付批次中，请先登记拨付结果", "id");
        const paid = award.state === "paid" || award.state === "reversed";
        const moved = await applyTransition(
          trx,
          ctx,
          actor,
          "award",
          awardId,
          paid ? "reverse" : "cancel",
          { comment: reason, set: { reversal_reason: reason }, scope },
        );
        const posted = await moveMoney(
          trx,
          { year: award.year, source: award.source },
          {
            from: moved.from === "paid" ? "paid" : "reserved",
            to: "available",
            amount: Number(award.amount),
            kind: "award.reverse",
            awardId,
            actorId: actor.userId,
            note: reason,
          },
          at,
        );
        if (!posted) throw new AppError("conflict", "预算余额与奖励不符，不能撤销", "id");
        const app = await findApplicationRow(trx, award.application_id);
        if (app?.state === "awarded") {
          await applyTransition(trx, ctx, actor, "application", app.id, "revoke", {
            comment: reason,
            set: { last_comment: reason, updated_at: at },
            scope,
            data: { award: award.number },
          });
        }
        await releaseGrant(ctx, trx, award.application_id);
        return { id: awardId, state: moved.to };
      },
    );
    return result;
  });
}
