import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import { itemOf } from "../reports/report-helpers.ts";
import { type AwardFilter, countAwardRows, listAwardRows } from "./awards-repository.ts";
import { AWARD_STATE_NAMES } from "./states.ts";

/**
 * Every award that matches, with its organization, its item's name (from the policy its case was
 * decided under) and the pending payment batch holding it; county finance sees those its county's
 * budget pays. The list and its export both read this, so the file holds exactly the list's rows.
 */
export async function listAwards(
  ctx: Context,
  actor: Actor,
  f: AwardFilter,
  page?: { limit: number; offset: number; after?: string | undefined },
) {
  const filter = scoped(actor, f);
  if (!filter) return [];
  const rows = await listAwardRows(ctx.database.db, filter, page);
  return rows.map((r) => {
    const item = itemOf(ctx, r.policy_id, r.item);
    return {
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
      itemTitle: item?.title ?? r.item,
      itemGroup: item?.group ?? null,
      clause: r.clause,
      amount: Number(r.amount),
      year: r.year,
      source: r.source,
      state: r.state,
      stateName: AWARD_STATE_NAMES[r.state],
      awardedOn: r.awarded_on,
      paidOn: r.paid_on,
      reversalReason: r.reversal_reason,
      pendingBatch:
        r.pending_batch_id && r.pending_batch_number
          ? { id: r.pending_batch_id, number: r.pending_batch_number }
          : null,
    };
  });
}

/** The filter as the actor may ask it (county finance: its county's budget), or none at all. */
function scoped(actor: Actor, f: AwardFilter): AwardFilter | null {
  requireAccess(actor, "award.read");
  const source = actor.role === "finance" && actor.county ? actor.county : undefined;
  if (source && f.source && f.source !== source) return null;
  return {
    year: f.year,
    source: source ?? f.source,
    state: f.state,
    organizationId: f.organizationId,
  };
}

/**
 * The awards, a page at a time when a page size is asked (the officials' list: counted and cut in
 * SQL, by page or after a cursor, the award number); without one, all of them.
 */
export async function listAwardsPage(
  ctx: Context,
  actor: Actor,
  f: AwardFilter & {
    page?: number | undefined;
    pageSize?: number | undefined;
    after?: string | undefined;
  },
) {
  const page = f.page ?? 1;
  if (f.pageSize === undefined) {
    const all = await listAwards(ctx, actor, f);
    return {
      total: all.length,
      page,
      pageSize: Math.max(all.length, 1),
      items: all,
      nextCursor: null,
    };
  }
  const filter = scoped(actor, f);
  const total = filter ? await countAwardRows(ctx.database.db, filter) : 0;
  const items = await listAwards(ctx, actor, f, {
    limit: f.pageSize,
    offset: (page - 1) * f.pageSize,
    after: f.after,
  });
  const last = items.at(-1);
  return {
    total,
    page,
    pageSize: f.pageSize,
    items,
    nextCursor: last && items.length === f.pageSize ? last.number : null,
  };
}
