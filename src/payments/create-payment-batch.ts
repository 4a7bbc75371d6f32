import { randomUUID } from "node:crypto";
import { appendAudit } from "../audit/audit-log.ts";
import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { budgetScope } from "../awards/award-scope.ts";
import { checkSource, SOURCE_NAMES } from "../budgets/budgets.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { nextCounter } from "../db/counters.ts";
import { inTransaction } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { idempotent } from "../ledger/idempotency.ts";
import { applyTransition } from "../lifecycle/apply-transition.ts";
import { insertPaymentBatch, unpaidAwards } from "./payments-repository.ts";

/** Finance builds a batch of the unpaid awards of one budget (year × source). Keyed. */
export async function createPaymentBatch(
  ctx: Context,
  actor: Actor,
  input: { year: number; source: string },
  idempotencyKey: string,
) {
  const source = checkSource(input.source);
  requireAccess(actor, "payment.manage", budgetScope(source));
  const at = instant(ctx);
  return inTransaction(ctx.database, async (trx) => {
    const { result } = await idempotent(
      trx,
      idempotencyKey,
      { op: "payment.batch", ...input },
      at,
      async () => {
        const unpaid = await unpaidAwards(
          trx,
          input.year,
          source,
          ctx.database.dialect === "postgres",
        );
        if (unpaid.length === 0)
          throw new AppError(
            "conflict",
            `${input.year} 年${SOURCE_NAMES(source)}没有待拨付的奖励`,
            "source",
          );
        // Money goes only to an account finance verified: an award whose organization has none
        // stays out of the batch, and the answer says which and why.
        const payable = unpaid.filter((a) => a.bank_account_id !== null);
        const withoutAccount = unpaid.filter((a) => a.bank_account_id === null);
        if (payable.length === 0)
          throw new AppError(
            "conflict",
            `${input.year} 年${SOURCE_NAMES(source)}待拨付的 ${unpaid.length} 笔奖励均无已核实的收款账户（${withoutAccount
              .slice(0, 5)
              .map((a) => a.number)
              .join("、")}${withoutAccount.length > 5 ? " 等" : ""}），请先核实账户`,
            "source",
          );
        const id = randomUUID();
        const number = `BF-${input.year}-${String(await nextCounter(trx, `payment_number:${input.year}`)).padStart(4, "0")}`;
        await insertPaymentBatch(trx, {
          id,
          number,
          year: input.year,
          source,
          created_by: actor.userId,
          created_at: at,
        });
        // The batch has no life of its own (its lines do): one audit entry says it was made.
        await appendAudit(trx, ctx.database.dialect, at, {
          actorId: actor.userId,
          actorRole: actor.role,
          action: "payment.batch",
          targetType: "payment_batch",
          targetId: id,
          after: {
            number,
            year: input.year,
            source,
            lines: payable.length,
            total: payable.reduce((s, a) => s + Number(a.amount), 0),
            withoutAccount: withoutAccount.map((a) => a.number),
          },
          ip: actor.ip,
          outcome: "success",
        });
        for (const award of payable) {
          const lineId = randomUUID();
          await applyTransition(trx, ctx, actor, "payment_line", lineId, "send", {
            create: {
              id: lineId,
              batch_id: id,
              award_id: award.id,
              amount: Number(award.amount),
              treasury_ref: null,
              paid_date: null,
              failure_reason: null,
              updated_at: at,
              bank_account_id: award.bank_account_id,
            },
            scope: budgetScope(source, award.organization_id),
            applicationId: award.application_id,
            data: { batch: number, award: award.number, amount: Number(award.amount) },
          });
        }
        return {
          id,
          number,
          lines: payable.length,
          withoutAccount: withoutAccount.map((a) => ({
            award: a.number,
            reason: "无已核实的收款账户",
          })),
        };
      },
    );
    return result;
  });
}
