import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { budgetScope } from "../awards/award-scope.ts";
import { SOURCE_NAMES } from "../budgets/budgets.ts";
import type { Context } from "../context.ts";
import { batchableAwards, lineSumsOfBatches, listBatchRows } from "./payments-repository.ts";
import { BATCH_STATE_NAMES, type BatchState, type LineState } from "./states.ts";

export interface BatchFilter {
  readonly year?: number | undefined;
  readonly source?: string | undefined;
  readonly state?: BatchState | undefined;
  /** Part of the batch number, as an operator types it ("0001", "BF-2026"). */
  readonly q?: string | undefined;
}

/** City finance keeps every budget; county finance only its county's. */
function sourceOf(actor: Actor, asked: string | undefined): string | undefined {
  const source = asked ?? actor.county ?? undefined;
  requireAccess(actor, "payment.manage", budgetScope(source ?? "city"));
  return source;
}

/**
 * The payment batches finance may work on, newest first: city finance all of them, county
 * finance its county's; with the number of lines, the amounts pending, paid and failed, whether
 * any line still waits for the treasury's result, and the last payment date.
 */
export async function listPaymentBatches(ctx: Context, actor: Actor, filter: BatchFilter) {
  const batches = await batchRowsOf(ctx, actor, filter);
  return (await withSums(ctx, batches)).filter((b) => !filter.state || b.state === filter.state);
}

/** The batches the actor may see under the filter's year, source and number, newest first. */
async function batchRowsOf(ctx: Context, actor: Actor, filter: BatchFilter) {
  const source = sourceOf(actor, filter.source);
  const q = filter.q?.trim().toUpperCase();
  return (await listBatchRows(ctx.database.db, { year: filter.year, source })).filter(
    (b) => !q || b.number.toUpperCase().includes(q),
  );
}

type BatchRow = Awaited<ReturnType<typeof listBatchRows>>[number];

/** The batches with their lines summed in SQL (of these batches only). */
async function withSums(ctx: Context, batches: readonly BatchRow[]) {
  const sums = new Map<string, Awaited<ReturnType<typeof lineSumsOfBatches>>>();
  for (const s of await lineSumsOfBatches(
    ctx.database.db,
    batches.map((b) => b.id),
  )) {
    const own = sums.get(s.batchId);
    if (own) own.push(s);
    else sums.set(s.batchId, [s]);
  }
  return batches.map((b) => {
    const own = sums.get(b.id) ?? [];
    const sum = (state: LineState) =>
      own.filter((l) => l.state === state).reduce((s, l) => s + l.amount, 0);
    const state: BatchState = own.some((l) => l.state === "pending") ? "open" : "settled";
    const paidDates = own.map((l) => l.lastPaid).filter((d): d is string => d !== null);
    return {
      id: b.id,
      number: b.number,
      year: b.year,
      source: b.source,
      sourceName: SOURCE_NAMES(b.source),
      state,
      stateName: BATCH_STATE_NAMES[state],
      createdAt: b.created_at,
      lastPaidDate: paidDates.length > 0 ? (paidDates.sort().at(-1) ?? null) : null,
      lines: own.reduce((s, l) => s + l.lines, 0),
      total: own.reduce((s, l) => s + l.amount, 0),
      pending: sum("pending"),
      paid: sum("paid"),
      failed: sum("failed"),
    };
  });
}

/**
 * One page of the batches (page from 1). Without a state to filter by (it comes from the lines),
 * only the page's batches have their lines summed.
 */
export async function listPaymentBatchesPage(
  ctx: Context,
  actor: Actor,
  filter: BatchFilter & { page: number; pageSize: number },
) {
  const { page, pageSize } = filter;
  const cut = <T>(rows: readonly T[]) => rows.slice((page - 1) * pageSize, page * pageSize);
  if (filter.state) {
    const all = await listPaymentBatches(ctx, actor, filter);
    return { total: all.length, page, pageSize, items: cut(all) };
  }
  const batches = await batchRowsOf(ctx, actor, filter);
  return { total: batches.length, page, pageSize, items: await withSums(ctx, cut(batches)) };
}

/**
 * Per budget (year × source), the awards a new batch would take now: reserved, in no pending
 * batch. The page offers 生成批次 from this, so it names exactly what creating a batch finds.
 */
export async function listBatchCandidates(ctx: Context, actor: Actor) {
  const source = sourceOf(actor, undefined);
  const rows = await batchableAwards(ctx.database.db, source);
  const groups = new Map<
    string,
    {
      year: number;
      source: string;
      sourceName: string;
      count: number;
      amount: number;
      withoutAccount: number;
    }
  >();
  for (const r of rows) {
    const key = `${r.year}\u0000${r.source}`;
    const g = groups.get(key) ?? {
      year: r.year,
      source: r.source,
      sourceName: SOURCE_NAMES(r.source),
      count: 0,
      amount: 0,
      withoutAccount: 0,
    };
    g.count += 1;
    g.amount += Number(r.amount);
    if (r.bank_account_id === null) g.withoutAccount += 1;
    groups.set(key, g);
  }
  return [...groups.values()].sort(
    (a, b) =>
      b.year - a.year ||
      (a.source === "city"
        ? -1
        : b.source === "city"
          ? 1
          : a.source.localeCompare(b.source, "zh-CN")),
  );
}
