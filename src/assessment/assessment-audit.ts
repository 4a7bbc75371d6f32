import type { AuditAction } from "../audit/actions.ts";
import { appendAudit } from "../audit/audit-log.ts";
import type { Actor } from "../auth/roles.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import type { Tx } from "../db/database.ts";

/** An actor, or null for the operator running `qi` on the server. */
export type Caller = Actor | null;

export const OPERATOR = "operator";

export function callerId(actor: Caller): string {
  return actor?.userId ?? OPERATOR;
}

export async function auditAssessment(
  ctx: Context,
  trx: Tx,
  actor: Caller,
  action: AuditAction,
  targetType: string,
  targetId: string,
  after: unknown,
) {
  await appendAudit(trx, ctx.database.dialect, instant(ctx), {
    actorId: callerId(actor),
    actorRole: actor?.role ?? OPERATOR,
    action,
    targetType,
    targetId,
    after,
    ip: actor?.ip ?? null,
    outcome: "success",
  });
}
