import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { beijingToday, instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { type DB, inTransaction, type Tx } from "../db/database.ts";
import type { ProjectCallTable } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { applyTransition } from "../lifecycle/apply-transition.ts";
import { loadCall, panelOf, submittedProposals, totalsOf } from "./projects-repository.ts";
import { conflictOf } from "./proposal-access.ts";
import { rankStored } from "./stored-ranking.ts";

/** Ranks a call's proposals from the stored scores (after the call closed and all have scored). */
export async function rankCall(ctx: Context, actor: Actor, id: string) {
  requireAccess(actor, "project.manage");
  const today = beijingToday(ctx);
  return inTransaction(ctx.database, async (trx) => {
    const call = await loadCall(trx, id);
    if (call.state !== "open") throw new AppError("invalid_state", "本次征集已排序", "id");
    if (today <= call.closes_on)
      throw new AppError("invalid_state", `征集 ${call.closes_on} 截止后方可排序`, "id");
    const { panel, proposals, scores, missing } = await missingScores(trx, call);
    if (panel.length === 0) throw new AppError("invalid_state", "评审专家组为空", "panel");
    if (missing.length > 0)
      throw new AppError(
        "invalid_state",
        `尚有 ${missing.length} 份评分未提交：${missing.slice(0, 5).join("；")}`,
        "scores",
      );
    const ranked = rankStored(call, proposals, scores);
    // The call moves first: it holds concurrent rankings of the same call at its row, and the
    // one that comes second finds it ranked and writes nothing.
    await applyTransition(trx, ctx, actor, "project_call", id, "rank", {
      data: { ranking: ranked.map((r) => [r.number, r.rank, r.scoreMicro]) },
    });
    const at = instant(ctx);
    for (const r of ranked)
      await applyTransition(trx, ctx, actor, "project_proposal", r.id, "rank", {
        set: { rank: r.rank, score_micro: r.scoreMicro, updated_at: at },
        data: { rank: r.rank, scoreMicro: r.scoreMicro },
      });
    return { callId: id, ranking: ranked };
  });
}

/** What is still missing before a call can be ranked: panel members' scores per proposal. */
async function missingScores(db: DB | Tx, call: ProjectCallTable) {
  const panel = await panelOf(db, call.id);
  const proposals = await submittedProposals(db, call.id);
  const scores = await totalsOf(
    db,
    proposals.map((p) => p.id),
  );
  const missing: string[] = [];
  for (const p of proposals)
    for (const m of panel) {
      if (scores.some((s) => s.proposal_id === p.id && s.expert_id === m.id)) continue;
      if (await conflictOf(db, m.id, p)) continue;
      missing.push(`${m.display_name} 未评 ${p.number}`);
    }
  return { panel, proposals, scores, missing };
}
