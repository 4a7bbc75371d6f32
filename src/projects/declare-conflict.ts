import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { projectAudit } from "./project-audit.ts";
import { insertConflict, isOnPanel, loadProposal, scoreOf } from "./projects-repository.ts";
import { offPanel } from "./proposal-access.ts";

/** A panel member steps aside from a proposal (回避), which is possible only before scoring it. */
export async function declareConflict(ctx: Context, actor: Actor, id: string, reason: string) {
  requireAccess(actor, "project.score", {}, { type: "project_proposal", id });
  return inTransaction(ctx.database, async (trx) => {
    const p = await loadProposal(trx, id);
    if (!(await isOnPanel(trx, p.call_id, actor.userId)))
      throw offPanel("project.score", { type: "project_proposal", id });
    if (await scoreOf(trx, id, actor.userId))
      throw new AppError("invalid_state", "已提交评分，不能再申报回避", "id");
    await insertConflict(trx, {
      proposal_id: id,
      expert_id: actor.userId,
      reason,
      declared_at: instant(ctx),
    });
    await projectAudit(ctx, trx, actor, "project.declareConflict", "project_proposal", id, {
      reason,
    });
    return { proposalId: id, conflict: true, reason };
  });
}
