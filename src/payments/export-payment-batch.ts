import type { Actor } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import { getPaymentBatch } from "./get-payment-batch.ts";
import { paymentWorkbook } from "./payment-workbook.ts";
import { LINE_STATE_NAMES } from "./states.ts";

/** The batch as .xlsx for the treasury system; the bank account is there because finance pays. */
export async function exportPaymentBatch(
  ctx: Context,
  actor: Actor,
  batchId: string,
): Promise<{ name: string; data: Buffer }> {
  const batch = await getPaymentBatch(ctx, actor, batchId);
  const data = await paymentWorkbook(
    batch.lines.map(({ accountChangePending: _, ...l }) => ({
      ...l,
      state: LINE_STATE_NAMES[l.state] ?? l.state,
    })),
  );
  return { name: `${batch.number}.xlsx`, data };
}
