import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { beijingToday } from "../clock.ts";
import type { Context } from "../context.ts";
import { loadInputsFor } from "./load-target-inputs.ts";
import { describeTarget, presentProgress } from "./present-target.ts";
import { progressOn, type TargetInputs } from "./progress.ts";
import { targetPack } from "./target-pack.ts";

/** Progress of every target of a pack on a day (today by default). */
export async function listTargets(
  ctx: Context,
  actor: Actor | null,
  query: { asOf?: string | undefined; policy?: string | undefined; county?: string | undefined },
) {
  if (actor) requireAccess(actor, "target.read");
  const pack = targetPack(ctx, query.policy);
  const asOf = query.asOf ?? beijingToday(ctx);
  const out = [];
  const all = await loadInputsFor(ctx.database.db, pack, pack.targets);
  for (const target of pack.targets) {
    const inputs = all.get(target.id) as TargetInputs;
    const progress = presentProgress(target, progressOn(target, pack.effective, inputs, asOf));
    out.push({
      ...describeTarget(pack, target),
      progress: query.county
        ? { ...progress, counties: progress.counties.filter((c) => c.county === query.county) }
        : progress,
    });
  }
  return { policy: pack.id, asOf, items: out };
}
