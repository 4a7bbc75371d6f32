import { requireAccess } from "../auth/access.ts";
import type { Actor, Role } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import { listUserRows, toUser, type User } from "./users-repository.ts";

export async function listUsers(ctx: Context, actor: Actor, role?: Role): Promise<User[]> {
  requireAccess(actor, "user.list");
  return (await listUserRows(ctx.database.db, { role })).map(toUser);
}
