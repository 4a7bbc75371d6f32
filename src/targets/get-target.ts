import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { beijingToday } from "../clock.ts";
import type { Context } from "../context.ts";
import { documentsOf } from "../documents/documents.ts";
import { formatDecimal } from "./decimal.ts";
import { loadInputs } from "./load-target-inputs.ts";
import { describeTarget, presentProgress } from "./present-target.ts";
import { history, progressOn } from "./progress.ts";
import { findTarget } from "./target-pack.ts";
import { baselineHistory, valueHistory } from "./targets-repository.ts";

/** One target: progress, history and everything entered for it. */
export async function getTarget(ctx: Context, actor: Actor | null, id: string, asOf?: string) {
  if (actor) requireAccess(actor, "target.read");
  const { pack, target } = findTarget(ctx, id);
  const day = asOf ?? beijingToday(ctx);
  const db = ctx.database.db;
  const inputs = await loadInputs(db, pack, target);
  const baselines = await baselineHistory(db, id);
  const values = await valueHistory(db, id);
  const valueViews = [];
  for (const v of values)
    valueViews.push({
      id: v.id,
      county: v.county,
      value: v.value,
      periodStart: v.period_start,
      periodEnd: v.period_end,
      source: v.source,
      note: v.note,
      createdAt: v.created_at,
      evidence: await documentsOf(db, "target_value", v.id),
    });
  return {
    ...describeTarget(pack, target),
    asOf: day,
    progress: presentProgress(target, progressOn(target, pack.effective, inputs, day)),
    history: history(target, pack.effective, inputs, day).map((h) => ({
      on: h.on,
      value: h.value === null ? null : formatDecimal(h.value),
    })),
    baselines: baselines.map((b) => ({
      id: b.id,
      county: b.county,
      value: b.value,
      asOf: b.as_of,
      source: b.source,
      note: b.note,
      createdAt: b.created_at,
    })),
    values: valueViews,
  };
}
