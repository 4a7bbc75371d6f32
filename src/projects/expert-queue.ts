import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import { presentCall } from "./present-project.ts";
import { callsOfPanelist, proposalsUnderReview, scoreOf } from "./projects-repository.ts";
import { conflictOf } from "./proposal-access.ts";

/** An expert's work: the calls they sit on and, per proposal, their own state of review. */
export async function expertQueue(ctx: Context, actor: Actor) {
  requireAccess(actor, "project.score");
  const db = ctx.database.db;
  const calls = await callsOfPanelist(db, actor.userId);
  const out = [];
  for (const call of calls) {
    const proposals = await proposalsUnderReview(db, call.id);
    const items = [];
    for (const p of proposals) {
      const conflict = await conflictOf(db, actor.userId, p);
      const scored = await scoreOf(db, p.id, actor.userId);
      items.push({
        id: p.id,
        number: p.number,
        title: p.title,
        category: p.category,
        requested: Number(p.requested),
        conflict,
        myTotal: scored ? scored.total_centi / 100 : null,
      });
    }
    out.push({ ...presentCall(call), proposals: items });
  }
  return { items: out };
}
