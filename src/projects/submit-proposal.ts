import { randomUUID } from "node:crypto";
import { refuseIfExcluded } from "../applications/applications.ts";
import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { beijingToday, instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { nextCounter } from "../db/counters.ts";
import { inTransaction } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { applyTransition } from "../lifecycle/apply-transition.ts";
import { getProposalIn } from "./get-proposal.ts";
import type { ProposalInput } from "./project-input.ts";
import { loadCall, organizationCounty } from "./projects-repository.ts";

/**
 * An enterprise proposes a project to an open call, within its period, in one of its categories
 * and within its per-proposal limit (or its budget); an excluded organization may not.
 */
export async function submitProposal(
  ctx: Context,
  actor: Actor,
  callId: string,
  input: ProposalInput,
) {
  requireAccess(actor, "project.propose", { organizationId: actor.organizationId });
  const organizationId = actor.organizationId as string;
  const today = beijingToday(ctx);
  return inTransaction(ctx.database, async (trx) => {
    const call = await loadCall(trx, callId);
    if (today < call.opens_on)
      throw new AppError("invalid_state", `本次征集自 ${call.opens_on} 起接受申报`, "opensOn");
    if (today > call.closes_on || call.state !== "open")
      throw new AppError(
        "invalid_state",
        `本次征集已于 ${call.closes_on} 截止，逾期申报不予受理`,
        "closesOn",
      );
    const categories = JSON.parse(call.categories) as string[];
    if (!categories.includes(input.category))
      throw new AppError("invalid_field", `类别应为：${categories.join("、")}`, "category");
    const limit =
      call.max_per_proposal === null ? Number(call.budget) : Number(call.max_per_proposal);
    if (input.requested > limit)
      throw new AppError(
        "invalid_field",
        `申请金额 ${input.requested} 元超过${call.max_per_proposal === null ? "本次征集预算" : "单项上限"} ${limit} 元`,
        "requested",
      );
    await refuseIfExcluded(trx, organizationId, today);
    const org = await organizationCounty(trx, organizationId);
    const id = randomUUID();
    const seq = await nextCounter(trx, "proposal_seq");
    const n = await nextCounter(trx, `proposal:${call.id}`);
    const number = `${call.number}-${String(n).padStart(3, "0")}`;
    const at = instant(ctx);
    await applyTransition(trx, ctx, actor, "project_proposal", id, "submit", {
      create: {
        id,
        number,
        call_id: call.id,
        organization_id: organizationId,
        county: org.county,
        category: input.category,
        title: input.title,
        requested: input.requested,
        plan: input.plan,
        submitted_at: at,
        submission_seq: seq,
        rank: null,
        score_micro: null,
        funded_amount: null,
        decision_note: null,
        accepted_on: null,
        acceptance_note: null,
        created_by: actor.userId,
        created_at: at,
        updated_at: at,
      },
      data: { number, call: call.number, requested: input.requested },
    });
    return getProposalIn(trx, actor, id);
  });
}
