import type { Context } from "../context.ts";
import { AppError } from "../errors.ts";
import type { Caller } from "./assessment-audit.ts";
import { schemeRowById } from "./assessment-repository.ts";
import { toScheme } from "./assessment-views.ts";
import { getRun } from "./read-runs.ts";
import { type Difference, differences, score } from "./scoring.ts";

/** Scores a run's stored inputs again with its stored scheme version and compares. */
export async function verifyRun(
  ctx: Context,
  actor: Caller,
  id: string,
): Promise<{ ok: boolean; differences: Difference[] }> {
  const run = await getRun(ctx, actor, id);
  const scheme = await schemeRowById(ctx.database.db, run.schemeId);
  // A run's scheme is a foreign key and schemes are never deleted.
  if (!scheme) throw new AppError("internal", "考核计算记录所用的方案不存在", "id");
  const recomputed = JSON.parse(JSON.stringify(score(toScheme(scheme), run.inputs)));
  const found = differences(run.results, recomputed);
  return { ok: found.length === 0, differences: found };
}
