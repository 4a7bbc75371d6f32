import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { beijingToday, instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { applyTransition } from "../lifecycle/apply-transition.ts";
import { loadCall, loadProposal } from "./projects-repository.ts";
import { proposalScope } from "./proposal-access.ts";

/** The proposer takes its proposal back, while the call is still open for proposals. */
export async function withdrawProposal(ctx: Context, actor: Actor, id: string) {
  return inTransaction(ctx.database, async (trx) => {
    const p = await loadProposal(trx, id);
    // Who may not even list the proposal is told it does not exist (404), not refused (403).
    requireAccess(
      actor,
      "project.propose",
      await proposalScope(trx, actor, p),
      { type: "project_proposal", id },
      "project.listProposal",
    );
    const call = await loadCall(trx, p.call_id);
    if (p.state !== "submitted" || call.state !== "open" || beijingToday(ctx) > call.closes_on)
      throw new AppError("invalid_state", "征集截止后不能撤回", "id");
    const moved = await applyTransition(trx, ctx, actor, "project_proposal", id, "withdraw", {
      set: { updated_at: instant(ctx) },
    });
    return { id, state: moved.to };
  });
}
