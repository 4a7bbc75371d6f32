import type { Context } from "../context.ts";
import { AppError } from "../errors.ts";
import { findUserRow, toUser, type User } from "./users-repository.ts";

/** The account an administrator acts on; an unknown id is a 404. */
export async function loadUser(ctx: Context, id: string): Promise<User> {
  const row = await findUserRow(ctx.database.db, id);
  if (!row) throw new AppError("not_found", "用户不存在", "id");
  return toUser(row);
}
