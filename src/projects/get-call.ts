import { can, requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import { AppError } from "../errors.ts";
import { getProposalIn } from "./get-proposal.ts";
import { presentCall } from "./present-project.ts";
import {
  isOnPanel,
  loadCall,
  panelOf,
  proposalsOfCall,
  scorersOfCall,
} from "./projects-repository.ts";
import { proposalScope } from "./proposal-access.ts";

/** A call with the proposals the actor may see, their ranking and the panel's progress. */
export async function getCall(ctx: Context, actor: Actor, id: string) {
  requireAccess(actor, "project.read", { organizationId: actor.organizationId });
  const db = ctx.database.db;
  const call = await loadCall(db, id);
  const member = actor.role === "expert" && (await isOnPanel(db, id, actor.userId));
  if (actor.role === "expert" && !member)
    throw new AppError("not_found", "记录不存在或无权查看", null, {
      action: "project.read",
      targetType: "project_call",
      targetId: id,
    });
  const rows = (
    await proposalsOfCall(db, id, actor.role === "enterprise" ? actor.organizationId : undefined)
  ).sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER));
  // The call itself is public; its proposals are listed to whoever may list each one (access.ts):
  // the city, the panel and each proposer its own. County officials, finance and leaders see none.
  const proposals = [];
  for (const p of rows) {
    if (!can(actor, "project.listProposal", await proposalScope(db, actor, p))) continue;
    const view = await getProposalIn(db, actor, p.id);
    proposals.push({ ...view, plan: undefined });
  }
  // The panel and its progress are part of the review: for the city and the panel only.
  const panel = can(actor, "project.manage") || member ? await panelOf(db, id) : [];
  const scoreRows = await scorersOfCall(db, id);
  return {
    ...presentCall(call),
    panel: panel.map((m) => ({
      id: m.id,
      displayName: m.display_name,
      scored: scoreRows.filter((s) => s.expert_id === m.id).length,
    })),
    proposals,
  };
}
