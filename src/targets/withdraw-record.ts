import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { auditTargets } from "./targets-audit.ts";
import { findRecord, markRecordWithdrawn } from "./targets-repository.ts";

/** Withdraws a registered record with a reason; it no longer counts, and stays on file. */
export async function withdrawRecord(ctx: Context, actor: Actor, id: string, reason: string) {
  const row = await findRecord(ctx.database.db, id);
  if (!row) throw new AppError("not_found", "记录不存在", "id");
  requireAccess(actor, "target.record", { county: row.county }, { type: "target_record", id });
  if (row.withdrawn_at) throw new AppError("invalid_state", "该记录已撤回", "id");
  if (reason.trim() === "") throw new AppError("missing_field", "撤回须说明理由", "reason");
  return inTransaction(ctx.database, async (trx) => {
    const at = instant(ctx);
    const moved = await markRecordWithdrawn(trx, id, { at, by: actor.userId, reason });
    if (moved !== 1) throw new AppError("invalid_state", "该记录已撤回", "id");
    await auditTargets(ctx, trx, actor, "target.withdrawRecord", "target_record", id, { reason });
    return { id, withdrawnAt: at };
  });
}
