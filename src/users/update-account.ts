import { z } from "zod";
import { appendAudit } from "../audit/audit-log.ts";
import { deny, requireAccess } from "../auth/access.ts";
import { liftLoginHolds } from "../auth/login-throttle.ts";
import { type Actor, ADMIN_ROLES } from "../auth/roles.ts";
import { revokeUserSessions } from "../auth/sessions-repository.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { loadSettings } from "../settings/settings.ts";
import { keepEveryAdministration } from "./keep-every-administration.ts";
import { loadUser } from "./load-user.ts";
import { hashPassword, passwordProblem } from "./passwords.ts";
import { type User, updateUser } from "./users-repository.ts";

/** What the system admin may change on an account; unknown keys are dropped. */
export const updateAccountSchema = z.object({
  disabled: z.boolean().optional(),
  unlock: z.boolean().optional(),
  password: z.string().min(1).max(256).optional(),
});
export type UpdateAccountInput = z.output<typeof updateAccountSchema>;

/**
 * The system admin disables or enables an account, unlocks it, or sets a new password for it.
 * Nobody disables their own account (as nobody changes their own role): an administrator who
 * wants out asks another one, so there is always someone left who can act.
 */
export async function updateAccount(
  ctx: Context,
  actor: Actor,
  userId: string,
  input: UpdateAccountInput,
): Promise<User> {
  requireAccess(actor, "user.manage");
  // Without a known field there is nothing to write (unknown keys were dropped by the schema).
  if (input.disabled === undefined && input.unlock === undefined && input.password === undefined) {
    throw new AppError(
      "missing_field",
      "没有要修改的内容：请至少提供 disabled（停用或启用）、unlock（解锁）或 password（重设密码）中的一项",
      "body",
    );
  }
  const before = await loadUser(ctx, userId);
  if (input.disabled === true && before.id === actor.userId) {
    throw deny("不能停用自己的账号，请由其他系统管理员停用", "disabled", "user.update", {
      type: "user",
      id: userId,
    });
  }
  if (
    ADMIN_ROLES.includes(before.role) &&
    before.id !== actor.userId &&
    input.password !== undefined
  ) {
    throw deny("管理员账号的密码只能由本人修改", "password", "user.update", {
      type: "user",
      id: userId,
    });
  }
  const patch: Record<string, unknown> = {};
  if (input.disabled !== undefined) patch.disabled = input.disabled ? 1 : 0;
  if (input.unlock) Object.assign(patch, { failed_logins: 0, locked_until: null });
  const now = instant(ctx);
  if (input.password !== undefined) {
    const problem = passwordProblem(
      input.password,
      before.username,
      await loadSettings(ctx.database.db),
    );
    if (problem) throw new AppError("weak_password", problem, "password");
    Object.assign(patch, {
      password_hash: await hashPassword(input.password),
      password_changed_at: now,
    });
  }
  // `{ unlock: false }` alone asks for nothing: the account as it is, and no audit entry.
  if (Object.keys(patch).length === 0) return before;
  await inTransaction(ctx.database, async (trx) => {
    const current = input.disabled
      ? await keepEveryAdministration(trx, ctx.database.dialect, userId, "disable")
      : before;
    await updateUser(trx, userId, patch);
    // A disabled account or a new password ends the user's sessions.
    if (input.disabled || input.password !== undefined) {
      await revokeUserSessions(trx, userId, now);
    }
    // 解锁 lifts the sign-in holds on this name at every address (login-throttle.ts).
    if (input.unlock) await liftLoginHolds(trx, before.username);
    await appendAudit(trx, ctx.database.dialect, now, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "user.update",
      targetType: "user",
      targetId: userId,
      before: { disabled: current.disabled, locked: current.lockedUntil !== null },
      after: {
        disabled: input.disabled,
        unlock: input.unlock ?? false,
        passwordReset: input.password !== undefined,
      },
      ip: actor.ip,
      outcome: "success",
    });
  });
  return loadUser(ctx, userId);
}
