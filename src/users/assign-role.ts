import type { z } from "zod";
import { appendAudit } from "../audit/audit-log.ts";
import { deny, requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { revokeUserSessions } from "../auth/sessions-repository.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/database.ts";
import { keepEveryAdministration } from "./keep-every-administration.ts";
import { loadUser } from "./load-user.ts";
import { checkBinding, type roleBindingSchema } from "./role-binding.ts";
import { type User, updateUser } from "./users-repository.ts";

/** The security admin changes a role (and its binding). */
export async function assignRole(
  ctx: Context,
  actor: Actor,
  userId: string,
  input: z.output<typeof roleBindingSchema>,
): Promise<User> {
  requireAccess(actor, "role.assign");
  const before = await loadUser(ctx, userId);
  if (before.id === actor.userId) {
    throw deny("不能修改自己的角色", "role", "user.assignRole", { type: "user", id: userId });
  }
  const binding = await checkBinding(ctx, input.role, input.organizationId, input.county);
  const now = instant(ctx);
  await inTransaction(ctx.database, async (trx) => {
    const current = await keepEveryAdministration(trx, ctx.database.dialect, userId, {
      role: input.role,
    });
    await updateUser(trx, userId, {
      role: input.role,
      organization_id: binding.organizationId,
      county: binding.county,
    });
    // A changed role ends the user's sessions: new rights need a new login.
    await revokeUserSessions(trx, userId, now);
    await appendAudit(trx, ctx.database.dialect, now, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "user.assignRole",
      targetType: "user",
      targetId: userId,
      before: {
        role: current.role,
        organizationId: current.organizationId,
        county: current.county,
      },
      after: { role: input.role, ...binding },
      ip: actor.ip,
      outcome: "success",
    });
  });
  return loadUser(ctx, userId);
}
