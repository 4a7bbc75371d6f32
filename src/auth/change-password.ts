import { appendAudit, recordAudit } from "../audit/audit-log.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { loadSettings } from "../settings/settings.ts";
import { hashPassword, passwordProblem, verifyPassword } from "../users/passwords.ts";
import { findUserRow, updateUser } from "../users/users-repository.ts";
import type { Authenticated } from "./authenticate.ts";
import { checkLoginThrottle, recordLoginFailure } from "./login-throttle.ts";
import { revokeUserSessions } from "./sessions-repository.ts";

/** The user changes their own password; other sessions of the user end. */
export async function changePassword(
  ctx: Context,
  auth: Authenticated,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const row = await findUserRow(ctx.database.db, auth.actor.userId);
  if (!row) throw new AppError("unauthenticated", "未登录");
  // Checking the current password is a sign-in: it counts, and is held back, like one.
  await checkLoginThrottle(ctx.database.db, row.username, auth.actor.ip, ctx.now());
  if (!(await verifyPassword(row.password_hash, input.currentPassword))) {
    const settings = await loadSettings(ctx.database.db);
    await recordLoginFailure(ctx.database.db, row.username, auth.actor.ip, ctx.now(), settings);
    await recordAudit(ctx.database, instant(ctx), {
      actorId: row.id,
      actorRole: row.role,
      action: "auth.changePassword",
      targetType: "user",
      targetId: row.id,
      after: { reason: "bad_password" },
      ip: auth.actor.ip,
      outcome: "failure",
    });
    throw new AppError("invalid_credentials", "当前密码不正确", "currentPassword");
  }
  const problem = passwordProblem(
    input.newPassword,
    row.username,
    await loadSettings(ctx.database.db),
  );
  if (problem) throw new AppError("weak_password", problem, "newPassword");
  if (await verifyPassword(row.password_hash, input.newPassword)) {
    throw new AppError("weak_password", "新密码不能与当前密码相同", "newPassword");
  }
  const at = instant(ctx);
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(ctx.database, async (trx) => {
    await updateUser(trx, row.id, { password_hash: passwordHash, password_changed_at: at });
    await revokeUserSessions(trx, row.id, at, auth.sessionId);
    await appendAudit(trx, ctx.database.dialect, at, {
      actorId: row.id,
      actorRole: row.role,
      action: "auth.changePassword",
      targetType: "user",
      targetId: row.id,
      ip: auth.actor.ip,
      outcome: "success",
    });
  });
}
