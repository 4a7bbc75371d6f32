import { deny, requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { beijingToday, instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { projectAudit } from "./project-audit.ts";
import type { ScoreInput } from "./project-input.ts";
import { insertScore, isOnPanel, loadCall, loadProposal } from "./projects-repository.ts";
import { conflictOf, offPanel } from "./proposal-access.ts";
import { weightedTotalCenti } from "./ranking.ts";
import { criteriaOf } from "./stored-ranking.ts";

/**
 * A panel member scores a proposal on every criterion of the call, after the call closed and
 * before it is ranked; not in conflict with it, and once: a submitted score is final.
 */
export async function submitScore(ctx: Context, actor: Actor, id: string, input: ScoreInput) {
  requireAccess(actor, "project.score", {}, { type: "project_proposal", id });
  const today = beijingToday(ctx);
  return inTransaction(ctx.database, async (trx) => {
    const p = await loadProposal(trx, id);
    const call = await loadCall(trx, p.call_id);
    if (!(await isOnPanel(trx, call.id, actor.userId)))
      throw offPanel("project.score", { type: "project_proposal", id });
    const conflict = await conflictOf(trx, actor.userId, p);
    if (conflict)
      throw deny(`须回避，不能评分（${conflict}）`, "id", "project.score", {
        type: "project_proposal",
        id,
      });
    if (today <= call.closes_on)
      throw new AppError("invalid_state", `征集截止（${call.closes_on}）后开始评审`, "id");
    if (call.state !== "open" || p.state !== "submitted")
      throw new AppError("invalid_state", "评审已结束", "id");
    const { items } = criteriaOf(call);
    for (const c of items)
      if (input.scores[c.id] === undefined)
        throw new AppError("missing_field", `缺少评分项“${c.name}”`, `scores.${c.id}`);
    for (const key of Object.keys(input.scores))
      if (!items.some((c) => c.id === key))
        throw new AppError("invalid_field", `没有评分项 ${key}`, `scores.${key}`);
    const total = weightedTotalCenti(items, input.scores);
    const stored = await insertScore(trx, {
      proposal_id: id,
      expert_id: actor.userId,
      scores: JSON.stringify(Object.fromEntries(items.map((c) => [c.id, input.scores[c.id]]))),
      total_centi: total,
      comment: input.comment ?? null,
      submitted_at: instant(ctx),
    });
    if (stored === 0) throw new AppError("conflict", "已提交评分，评分提交后不能修改", "id");
    await projectAudit(ctx, trx, actor, "project.score", "project_proposal", id, {
      total: total / 100,
    });
    return { proposalId: id, total: total / 100 };
  });
}
