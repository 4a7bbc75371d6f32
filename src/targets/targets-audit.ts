import type { AuditAction } from "../audit/actions.ts";
import { appendAudit } from "../audit/audit-log.ts";
import type { Actor } from "../auth/roles.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import type { Tx } from "../db/database.ts";

export async function auditTargets(
  ctx: Context,
  trx: Tx,
  actor: Actor,
  action: AuditAction,
  targetType: string,
  targetId: string,
  after: unknown,
) {
  await appendAudit(trx, ctx.database.dialect, instant(ctx), {
    actorId: actor.userId,
    actorRole: actor.role,
    action,
    targetType,
    targetId,
    after,
    ip: actor.ip,
    outcome: "success",
  });
}
