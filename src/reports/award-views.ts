import type { AwardState } from "../awards/states.ts";
import type { Context } from "../context.ts";
import { itemOf, type Tally } from "./report-helpers.ts";
import { type AwardFilter, awardRows } from "./reports-repository.ts";

/** The awards as the reports show them, shared by the award summary and the annual summary. */

/** The awards that hold or have spent their money; cancelled and reversed ones count for nothing. */
export const LIVE_AWARD_STATES: readonly AwardState[] = ["reserved", "paid"];

export interface AwardView {
  readonly number: string;
  readonly organization: string;
  readonly uscc: string;
  readonly county: string;
  readonly item: string;
  readonly itemTitle: string;
  readonly group: string;
  readonly clause: string;
  readonly amount: number;
  readonly year: number;
  readonly source: string;
  readonly state: AwardState;
  readonly awardedOn: string;
  readonly paidOn: string | null;
}

type AwardRow = Awaited<ReturnType<typeof awardRows>>[number];

function viewOf(ctx: Pick<Context, "registry">, r: AwardRow): AwardView {
  const item = itemOf(ctx, r.policy_id, r.item);
  return {
    number: r.number,
    organization: r.name,
    uscc: r.uscc,
    county: r.county,
    item: r.item,
    itemTitle: item?.title ?? r.item,
    group: item?.group ?? "其他",
    clause: r.clause,
    amount: Number(r.amount),
    year: Number(r.year),
    source: r.source,
    state: r.state,
    awardedOn: r.awarded_on,
    paidOn: r.paid_on,
  };
}

/** How many awards a page of a long report reads at a time. */
export const AWARD_PAGE = 5_000;

/**
 * The awards of a long report a page at a time, by award number (each page starts after the last
 * number of the page before): a decade of awards is never all in memory.
 */
export async function* awardViewPages(
  ctx: Context,
  f: AwardFilter,
  size = AWARD_PAGE,
): AsyncGenerator<AwardView[]> {
  let after: string | null = null;
  for (;;) {
    const rows = await awardRows(ctx.database.db, f, { after, limit: size });
    if (rows.length === 0) return;
    yield rows.map((r) => viewOf(ctx, r));
    if (rows.length < size) return;
    after = (rows.at(-1) as AwardRow).number;
  }
}

/** Awards with what the reports show of their organization (name, code, county; nothing else). */
export async function loadAwardViews(ctx: Context, f: AwardFilter): Promise<AwardView[]> {
  return (await awardRows(ctx.database.db, f)).map((r) => viewOf(ctx, r));
}

/** Adds each live award of `awards` to the tally of its key (as tally does, page by page). */
export function addToTally(
  out: Map<string, Tally>,
  awards: readonly AwardView[],
  keyOf: (a: AwardView) => string,
): void {
  for (const a of awards) {
    if (!LIVE_AWARD_STATES.includes(a.state)) continue;
    const t = out.get(keyOf(a)) ?? { count: 0, amount: 0 };
    t.count += 1;
    t.amount += a.amount;
    out.set(keyOf(a), t);
  }
}

/** Count and amount of the live awards per key, in the order of `keys`, then as first met. */
export function tally(
  awards: readonly AwardView[],
  keyOf: (a: AwardView) => string,
  keys: readonly string[] = [],
): Map<string, Tally> {
  const out = new Map<string, Tally>(keys.map((k) => [k, { count: 0, amount: 0 }]));
  addToTally(out, awards, keyOf);
  return out;
}
