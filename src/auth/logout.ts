import { appendAudit } from "../audit/audit-log.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/database.ts";
import type { Authenticated } from "./authenticate.ts";
import { revokeSession } from "./sessions-repository.ts";

export async function logout(ctx: Context, auth: Authenticated): Promise<void> {
  const at = instant(ctx);
  await inTransaction(ctx.database, async (trx) => {
    await revokeSession(trx, auth.sessionId, at);
    await appendAudit(trx, ctx.database.dialect, at, {
      actorId: auth.actor.userId,
      actorRole: auth.actor.role,
      action: "auth.logout",
      targetType: "user",
      targetId: auth.actor.userId,
      ip: auth.actor.ip,
      outcome: "success",
    });
  });
}
