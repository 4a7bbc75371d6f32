import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { beijingToday } from "../clock.ts";
import type { Context } from "../context.ts";
import { loadInputs } from "./load-target-inputs.ts";
import { progressOn } from "./progress.ts";
import { findTarget } from "./target-pack.ts";

/** The awards and records that make up a target's count on a day (no personal data). */
export async function targetContributions(
  ctx: Context,
  actor: Actor | null,
  id: string,
  query: { asOf?: string | undefined; county?: string | undefined },
) {
  if (actor) requireAccess(actor, "target.read");
  const { pack, target } = findTarget(ctx, id);
  const day = query.asOf ?? beijingToday(ctx);
  const inputs = await loadInputs(ctx.database.db, pack, target);
  const p = progressOn(target, pack.effective, inputs, day);
  const items = p.counted
    .filter((c) => !query.county || c.county === query.county)
    .map((c) => ({
      county: c.county,
      organizationName: c.organizationName,
      subject: c.label,
      eventDate: c.eventDate,
      endedOn: c.endedOn,
      source: c.source,
      ref: c.ref,
    }));
  return { targetId: id, on: p.on, total: items.length, items };
}
