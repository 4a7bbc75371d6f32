import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import { listAwardRows } from "./awards-repository.ts";
import { AWARD_STATES, type AwardState } from "./states.ts";

const isAwardState = (s: string): s is AwardState =>
  (AWARD_STATES as readonly string[]).includes(s);

/** The awards, with their organization; county finance sees those its county's budget pays. */
export async function listAwards(
  ctx: Context,
  actor: Actor,
  f: { year?: number | undefined; source?: string | undefined; state?: string | undefined },
) {
  requireAccess(actor, "award.read");
  // No award is in a state that does not exist.
  const state = f.state ? (isAwardState(f.state) ? f.state : null) : undefined;
  if (state === null) return [];
  const source = actor.role === "finance" && actor.county ? actor.county : undefined;
  if (source && f.source && f.source !== source) return [];
  const rows = await listAwardRows(ctx.database.db, {
    year: f.year,
    source: source ?? f.source,
    state,
  });
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    applicationId: r.application_id,
    organization: {
      id: r.organization_id,
      name: r.organization_name,
      uscc: r.uscc,
      county: r.county,
    },
    item: r.item,
    clause: r.clause,
    amount: Number(r.amount),
    year: r.year,
    source: r.source,
    state: r.state,
    awardedOn: r.awarded_on,
    paidOn: r.paid_on,
    reversalReason: r.reversal_reason,
  }));
}
