import { randomBytes } from "node:crypto";
import { appendAudit, recordAudit } from "../audit/audit-log.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { loadSettings } from "../settings/settings.ts";
import { verifyAgainstDummy, verifyPassword } from "../users/passwords.ts";
import {
  countFailedLogin,
  findUserRowByUsername,
  toUser,
  type User,
  updateUser,
} from "../users/users-repository.ts";
import { checkLoginThrottle, clearLoginFailures, recordLoginFailure } from "./login-throttle.ts";
import { insertSession, sessionIdOf } from "./sessions-repository.ts";

export interface Session {
  readonly token: string;
  readonly csrfToken: string;
  readonly user: User;
}

export async function login(
  ctx: Context,
  input: { username: string; password: string; ip: string | null; userAgent: string | null },
): Promise<Session> {
  const settings = await loadSettings(ctx.database.db);
  const at = instant(ctx);
  const row = await findUserRowByUsername(ctx.database.db, input.username);
  const failed = (reason: string) =>
    recordAudit(ctx.database, at, {
      actorId: row?.id ?? null,
      actorRole: row?.role ?? null,
      action: "auth.login",
      targetType: "user",
      targetId: row?.id ?? input.username,
      after: { reason },
      ip: input.ip,
      outcome: "failure",
    });
  try {
    await checkLoginThrottle(ctx.database.db, input.username, input.ip, ctx.now());
  } catch (e) {
    await failed("throttled");
    throw e;
  }
  // An unknown name, a wrong password and a held-back name answer alike: nothing tells a caller
  // which accounts exist.
  const invalid = new AppError("invalid_credentials", "用户名或密码错误", "password");
  const ok = row ? await verifyPassword(row.password_hash, input.password) : false;
  if (!row) await verifyAgainstDummy(input.password);
  if (!row || !ok) {
    const held = await recordLoginFailure(
      ctx.database.db,
      input.username,
      input.ip,
      ctx.now(),
      settings,
    );
    // The account's own count is a signal for the security administrator, never a lock.
    if (row) await countFailedLogin(ctx.database.db, row.id);
    await failed(row ? (held ? "bad_password_held" : "bad_password") : "unknown_user");
    throw invalid;
  }
  if (row.disabled === 1) {
    await failed("disabled");
    throw new AppError("forbidden", "账号已停用，请联系系统管理员", "username");
  }
  await clearLoginFailures(ctx.database.db, input.username, input.ip);
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  await inTransaction(ctx.database, async (trx) => {
    await updateUser(trx, row.id, { failed_logins: 0, locked_until: null });
    await insertSession(trx, {
      id: sessionIdOf(token),
      user_id: row.id,
      csrf_token: csrfToken,
      created_at: at,
      last_seen_at: at,
      revoked_at: null,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    });
    await appendAudit(trx, ctx.database.dialect, at, {
      actorId: row.id,
      actorRole: row.role,
      action: "auth.login",
      targetType: "user",
      targetId: row.id,
      ip: input.ip,
      outcome: "success",
    });
  });
  return { token, csrfToken, user: toUser(row) };
}
