import type { Actor } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import { getPaymentBatch } from "./get-payment-batch.ts";
import { paymentWorkbook } from "./payment-workbook.ts";

/** The batch as .xlsx for the treasury system; the bank account is there because finance pays. */
export async function exportPaymentBatch(
  ctx: Context,
  actor: Actor,
  ref: string,
): Promise<{ name: string; data: Buffer }> {
  const batch = await getPaymentBatch(ctx, actor, ref);
  const data = await paymentWorkbook(
    batch.lines.map((l) => ({
      award: l.award,
      organization: l.organization,
      uscc: l.uscc,
      bankName: l.bankName,
      bankAccount: l.bankAccount,
      amount: l.amount,
      item: l.item,
      itemTitle: l.itemTitle,
      clause: l.clause,
      awardedOn: l.awardedOn,
      state: l.stateName,
    })),
  );
  return { name: `${batch.number}.xlsx`, data };
}
