import { createHash, randomBytes } from "node:crypto";
import { appendAudit, recordAudit } from "../audit/audit-log.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/database.ts";
import { AppError } from "../errors.ts";
import type { County } from "../organizations/counties.ts";
import { loadSettings } from "../settings/settings.ts";
import {
  hashPassword,
  passwordProblem,
  verifyAgainstDummy,
  verifyPassword,
} from "../users/passwords.ts";
import {
  findUserRow,
  findUserRowByUsername,
  toUser,
  type User,
  updateUser,
} from "../users/users-repository.ts";
import { checkLoginThrottle, clearLoginFailures, recordLoginFailure } from "./login-throttle.ts";
import type { Actor, Role } from "./roles.ts";

/**
 * Sessions live in the database (app processes stay stateless). The client holds a random token;
 * the server keeps only its SHA-256. Every login makes a new session id; logout revokes it on the
 * server; a session ends after the idle timeout or the absolute lifetime (security settings).
 */

export interface Session {
  readonly token: string;
  readonly csrfToken: string;
  readonly user: User;
}

export interface Authenticated {
  readonly actor: Actor;
  readonly user: User;
  readonly sessionId: string;
  readonly csrfToken: string;
  /** Set when the password is older than the rotation setting allows. */
  readonly passwordExpired: boolean;
}

const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");
const minutes = (n: number) => n * 60_000;

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
    if (row) {
      // The account's own count is a signal for the security administrator, never a lock.
      await ctx.database.db
        .updateTable("users")
        .set((eb) => ({ failed_logins: eb("failed_logins", "+", 1) }))
        .where("id", "=", row.id)
        .execute();
    }
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
    await trx
      .insertInto("sessions")
      .values({
        id: tokenHash(token),
        user_id: row.id,
        csrf_token: csrfToken,
        created_at: at,
        last_seen_at: at,
        revoked_at: null,
        ip: input.ip,
        user_agent: input.userAgent?.slice(0, 300) ?? null,
      })
      .execute();
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

/** The actor of a session token, or null when the session is unknown, revoked or timed out. */
export async function authenticate(
  ctx: Context,
  token: string,
  ip: string | null,
): Promise<Authenticated | null> {
  const id = tokenHash(token);
  const session = await ctx.database.db
    .selectFrom("sessions")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!session || session.revoked_at) return null;
  const settings = await loadSettings(ctx.database.db);
  const now = ctx.now().getTime();
  const idle =
    now - Date.parse(session.last_seen_at) > minutes(settings["security.sessionIdleMinutes"]);
  const old =
    now - Date.parse(session.created_at) > minutes(60 * settings["security.sessionAbsoluteHours"]);
  if (idle || old) {
    await ctx.database.db
      .updateTable("sessions")
      .set({ revoked_at: instant(ctx) })
      .where("id", "=", id)
      .execute();
    return null;
  }
  const row = await findUserRow(ctx.database.db, session.user_id);
  if (!row || row.disabled === 1) return null;
  // Refresh the idle clock at most once a minute.
  if (now - Date.parse(session.last_seen_at) > 60_000) {
    await ctx.database.db
      .updateTable("sessions")
      .set({ last_seen_at: instant(ctx) })
      .where("id", "=", id)
      .execute();
  }
  const user = toUser(row);
  const maxAge = settings["security.passwordMaxAgeDays"];
  return {
    actor: {
      userId: row.id,
      username: row.username,
      role: row.role as Role,
      organizationId: row.organization_id,
      county: row.county as County | null,
      ip,
    },
    user,
    sessionId: id,
    csrfToken: session.csrf_token,
    passwordExpired: maxAge > 0 && now - Date.parse(row.password_changed_at) > maxAge * 86_400_000,
  };
}

export async function logout(ctx: Context, auth: Authenticated): Promise<void> {
  const at = instant(ctx);
  await inTransaction(ctx.database, async (trx) => {
    await trx
      .updateTable("sessions")
      .set({ revoked_at: at })
      .where("id", "=", auth.sessionId)
      .execute();
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
    await trx
      .updateTable("sessions")
      .set({ revoked_at: at })
      .where("user_id", "=", row.id)
      .where("id", "!=", auth.sessionId)
      .where("revoked_at", "is", null)
      .execute();
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
