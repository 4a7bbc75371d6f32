import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { budgetScope } from "../awards/award-scope.ts";
import { findAward } from "../awards/awards-repository.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { idempotent } from "../ledger/idempotency.ts";
import { moveMoney } from "../ledger/ledger.ts";
import { applyTransition } from "../lifecycle/apply-transition.ts";
import { isCivilDate } from "../policy/dates.ts";
import { findPaymentLine } from "./payments-repository.ts";

export type PaymentResult =
  | { outcome: "paid"; treasuryRef: string; paidDate: string }
  | { outcome: "failed"; reason: string };

/**
 * Records the treasury's result for one line: paid (the line and its award become paid, once, and
 * the money moves from reserved to paid) or failed (the award stays reserved and may go into
 * another batch). Each line in its own transaction, keyed, so a crashed run resumes without
 * paying anything twice.
 */
export async function recordPaymentResult(
  ctx: Context,
  actor: Actor,
  lineId: string,
  result: PaymentResult,
  idempotencyKey: string,
) {
  if (result.outcome === "paid") {
    if (!result.treasuryRef.trim())
      throw new AppError("missing_field", "请填写国库支付凭证号", "treasuryRef");
    if (!isCivilDate(result.paidDate))
      throw new AppError("invalid_date", "支付日期应为 YYYY-MM-DD", "paidDate");
  } else if (!result.reason.trim()) {
    throw new AppError("missing_field", "请填写失败原因", "reason");
  }
  const at = instant(ctx);
  return inTransaction(ctx.database, async (trx) => {
    const line = await findPaymentLine(trx, lineId);
    const award = line && (await findAward(trx, line.award_id));
    requireAccess(actor, "payment.manage", budgetScope(award?.source ?? "city"), {
      type: "payment_line",
      id: lineId,
    });
    if (!line || !award) throw new AppError("not_found", "拨付明细不存在", "id");
    const scope = budgetScope(award.source, award.organization_id);
    const facts = { award: award.number, amount: Number(line.amount) };
    const { result: out } = await idempotent(
      trx,
      idempotencyKey,
      { op: "payment.result", lineId, ...result },
      at,
      async () => {
        if (result.outcome === "failed") {
          await applyTransition(trx, ctx, actor, "payment_line", lineId, "fail", {
            comment: result.reason,
            set: { failure_reason: result.reason, updated_at: at },
            scope,
            applicationId: award.application_id,
            data: facts,
          });
          return { id: lineId, state: result.outcome };
        }
        const paid = { treasuryRef: result.treasuryRef, paidDate: result.paidDate };
        // The line first: it is what the treasury answered, and a second answer finds it paid.
        await applyTransition(trx, ctx, actor, "payment_line", lineId, "pay", {
          set: { treasury_ref: result.treasuryRef, paid_date: result.paidDate, updated_at: at },
          scope,
          applicationId: award.application_id,
          data: { ...facts, ...paid },
        });
        await applyTransition(trx, ctx, actor, "award", award.id, "pay", {
          set: { paid_on: result.paidDate },
          scope,
          data: { line: lineId, ...paid },
        });
        const posted = await moveMoney(
          trx,
          { year: award.year, source: award.source },
          {
            from: "reserved",
            to: "paid",
            amount: Number(line.amount),
            kind: "payment",
            awardId: award.id,
            paymentLineId: lineId,
            actorId: actor.userId,
            note: result.treasuryRef,
          },
          at,
        );
        if (!posted) throw new AppError("conflict", "预留金额不足，不能登记拨付", "id");
        return { id: lineId, state: result.outcome };
      },
    );
    return out;
  });
}
