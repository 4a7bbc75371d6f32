import { randomUUID } from "node:crypto";
import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { nextCounter } from "../db/counters.ts";
import { inTransaction } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { applyTransition } from "../lifecycle/apply-transition.ts";
import { presentCall } from "./present-project.ts";
import type { CallInput } from "./project-input.ts";
import { loadCall } from "./projects-repository.ts";
import type { Criteria } from "./stored-ranking.ts";

/**
 * Public projects for quality improvement (三（三）4) start with a yearly call: a share of the
 * special fund, the topics, the criteria the expert panel scores by, and the period for proposals.
 */
export async function createCall(ctx: Context, actor: Actor, input: CallInput) {
  requireAccess(actor, "project.manage");
  for (const [i, c] of input.categories.entries())
    if (input.categories.indexOf(c) !== i)
      throw new AppError("invalid_field", "类别重复", `categories[${i}]`);
  return inTransaction(ctx.database, async (trx) => {
    const id = randomUUID();
    const number = `XM-${input.year}-${String(await nextCounter(trx, `project_call:${input.year}`)).padStart(2, "0")}`;
    const criteria: Criteria = { passMark: input.passMark, items: input.criteria };
    await applyTransition(trx, ctx, actor, "project_call", id, "open", {
      create: {
        id,
        number,
        year: input.year,
        title: input.title,
        budget: input.budget,
        allocated: 0,
        max_per_proposal: input.maxPerProposal ?? null,
        advance_percent: input.advancePercent,
        categories: JSON.stringify(input.categories),
        criteria: JSON.stringify(criteria),
        opens_on: input.opensOn,
        closes_on: input.closesOn,
        publicity_batch_id: null,
        created_by: actor.userId,
        created_at: instant(ctx),
      },
      data: {
        number,
        year: input.year,
        budget: input.budget,
        opensOn: input.opensOn,
        closesOn: input.closesOn,
      },
    });
    return presentCall(await loadCall(trx, id));
  });
}
