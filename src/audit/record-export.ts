import type { Actor } from "../auth/roles.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { recordAudit } from "./audit-log.ts";

/**
 * Records an export: who took which list (`kind`: a report's kind, "applications", "awards",
 * "payment-batches", "audit") out of the system, under what filter.
 */
export async function recordExport(
  ctx: Context,
  actor: Actor,
  kind: string,
  filter: unknown,
): Promise<void> {
  await recordAudit(ctx.database, instant(ctx), {
    actorId: actor.userId,
    actorRole: actor.role,
    action: "report.export",
    targetType: "report",
    targetId: kind,
    after: filter,
    ip: actor.ip,
    outcome: "success",
  });
}
