import type { AuditAction } from "../audit/actions.ts";
import { appendAudit } from "../audit/audit-log.ts";
import type { Actor } from "../auth/roles.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import type { Tx } from "../db/database.ts";

/**
 * The audit entry of a project step that is not a transition (a score, a declared conflict, a
 * panel seat, a document, a payment); transitions are audited by the one writer.
 */
export async function projectAudit(
  ctx: Context,
  trx: Tx,
  actor: Actor | { userId: string; role: string; ip: string | null },
  action: AuditAction,
  targetType: string,
  targetId: string,
  after: unknown,
  before: unknown = undefined,
) {
  await appendAudit(trx, ctx.database.dialect, instant(ctx), {
    actorId: actor.userId,
    actorRole: actor.role,
    action,
    targetType,
    targetId,
    before,
    after,
    ip: actor.ip,
    outcome: "success",
  });
}
