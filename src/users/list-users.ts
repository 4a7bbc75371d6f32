import { requireAccess } from "../auth/access.ts";
import type { Actor, Role } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import { listUserRows, organizationNames, toUser, type User } from "./users-repository.ts";

/** Accounts, each with the name of the organization it is bound to (an id tells an admin nothing). */
export async function listUsers(
  ctx: Context,
  actor: Actor,
  role?: Role,
): Promise<(User & { organizationName: string | null })[]> {
  requireAccess(actor, "user.list");
  const users = (await listUserRows(ctx.database.db, { role })).map(toUser);
  const names = await organizationNames(
    ctx.database.db,
    users.flatMap((u) => (u.organizationId ? [u.organizationId] : [])),
  );
  return users.map((u) => ({
    ...u,
    organizationName: u.organizationId ? (names.get(u.organizationId) ?? null) : null,
  }));
}
