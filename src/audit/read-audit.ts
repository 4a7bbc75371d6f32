import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import { type ChainCheck, verifyAuditChain } from "./audit-log.ts";
import { listAuditRows } from "./audit-repository.ts";

export async function listAudit(
  ctx: Context,
  actor: Actor,
  f: {
    action?: string | undefined;
    actorId?: string | undefined;
    outcome?: string | undefined;
    page: number;
    pageSize: number;
  },
) {
  requireAccess(actor, "audit.read");
  const { rows, total } = await listAuditRows(ctx.database.db, {
    action: f.action,
    actorId: f.actorId,
    outcome: f.outcome,
    limit: f.pageSize,
    offset: (f.page - 1) * f.pageSize,
  });
  return {
    total,
    page: f.page,
    pageSize: f.pageSize,
    items: rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actorId: r.actor_id,
      actorRole: r.actor_role,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      before: r.before ? JSON.parse(r.before) : null,
      after: r.after ? JSON.parse(r.after) : null,
      ip: r.ip,
      outcome: r.outcome,
      hash: r.hash,
    })),
  };
}

export async function verifyAudit(ctx: Context, actor: Actor): Promise<ChainCheck> {
  requireAccess(actor, "audit.read");
  return verifyAuditChain(ctx.database.db);
}
