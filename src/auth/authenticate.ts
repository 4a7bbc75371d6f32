import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import type { County } from "../organizations/counties.ts";
import { loadSettings } from "../settings/settings.ts";
import { findUserRow, toUser, type User } from "../users/users-repository.ts";
import type { Actor, Role } from "./roles.ts";
import { findSessionRow, revokeSession, sessionIdOf, touchSession } from "./sessions-repository.ts";

export interface Authenticated {
  readonly actor: Actor;
  readonly user: User;
  readonly sessionId: string;
  readonly csrfToken: string;
  /** Set when the password is older than the rotation setting allows. */
  readonly passwordExpired: boolean;
}

const minutes = (n: number) => n * 60_000;

/** The actor of a session token, or null when the session is unknown, revoked or timed out. */
export async function authenticate(
  ctx: Context,
  token: string,
  ip: string | null,
): Promise<Authenticated | null> {
  const id = sessionIdOf(token);
  const session = await findSessionRow(ctx.database.db, id);
  if (!session || session.revoked_at) return null;
  const settings = await loadSettings(ctx.database.db);
  const now = ctx.now().getTime();
  const idle =
    now - Date.parse(session.last_seen_at) > minutes(settings["security.sessionIdleMinutes"]);
  const old =
    now - Date.parse(session.created_at) > minutes(60 * settings["security.sessionAbsoluteHours"]);
  if (idle || old) {
    await revokeSession(ctx.database.db, id, instant(ctx));
    return null;
  }
  const row = await findUserRow(ctx.database.db, session.user_id);
  if (!row || row.disabled === 1) return null;
  // Refresh the idle clock at most once a minute.
  if (now - Date.parse(session.last_seen_at) > 60_000) {
    await touchSession(ctx.database.db, id, instant(ctx));
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
