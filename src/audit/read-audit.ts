import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import { type ChainCheck, verifyAuditChain } from "./audit-log.ts";

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
  let q = ctx.database.db.selectFrom("audit_log");
  if (f.action) q = q.where("action", "=", f.action);
  if (f.actorId) q = q.where("actor_id", "=", f.actorId);
  if (f.outcome) q = q.where("outcome", "=", f.outcome);
  const total = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy("seq", "desc")
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return {
    total: Number(total.n),
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
