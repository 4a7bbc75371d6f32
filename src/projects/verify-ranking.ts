import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import { isOnPanel, loadCall, proposalsWithRank, totalsOf } from "./projects-repository.ts";
import { offPanel } from "./proposal-access.ts";
import { rankStored } from "./stored-ranking.ts";

/** Recomputes the ranking from the stored scores and says whether it equals the stored one. */
export async function verifyRanking(ctx: Context, actor: Actor, id: string) {
  requireAccess(actor, "project.read");
  const db = ctx.database.db;
  const call = await loadCall(db, id);
  if (actor.role === "expert" && !(await isOnPanel(db, id, actor.userId)))
    throw offPanel("project.read", { type: "project_call", id });
  // The check lists every ranked proposal with its scores: for those who list them all, the city
  // and the panel. Others have the ranking report (reports, 公共项目评审排序).
  if (actor.role !== "expert")
    requireAccess(actor, "project.manage", {}, { type: "project_call", id });
  const proposals = await proposalsWithRank(db, id);
  const scores = await totalsOf(
    db,
    proposals.map((p) => p.id),
  );
  const ranked = rankStored(call, proposals, scores);
  const differences = ranked
    .filter((r) => {
      const stored = proposals.find((p) => p.id === r.id);
      return stored?.rank !== r.rank || Number(stored?.score_micro) !== r.scoreMicro;
    })
    .map((r) => r.number);
  return { callId: id, ok: differences.length === 0, differences, ranking: ranked };
}
