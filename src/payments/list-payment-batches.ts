import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { budgetScope } from "../awards/award-scope.ts";
import type { Context } from "../context.ts";
import { linesOfBatches, listBatchRows } from "./payments-repository.ts";
import type { LineState } from "./states.ts";

/**
 * The payment batches finance may work on: city finance all of them, county finance its
 * county's; with the number of lines and the amounts pending, paid and failed.
 */
export async function listPaymentBatches(
  ctx: Context,
  actor: Actor,
  filter: { year?: number | undefined; source?: string | undefined },
) {
  const source = filter.source ?? actor.county ?? undefined;
  requireAccess(actor, "payment.manage", budgetScope(source ?? "city"));
  const batches = await listBatchRows(ctx.database.db, { year: filter.year, source });
  const lines = await linesOfBatches(
    ctx.database.db,
    batches.map((b) => b.id),
  );
  return batches.map((b) => {
    const own = lines.filter((l) => l.batch_id === b.id);
    const sum = (state: LineState) =>
      own.filter((l) => l.state === state).reduce((s, l) => s + Number(l.amount), 0);
    return {
      id: b.id,
      number: b.number,
      year: b.year,
      source: b.source,
      createdAt: b.created_at,
      lines: own.length,
      pending: sum("pending"),
      paid: sum("paid"),
      failed: sum("failed"),
    };
  });
}
