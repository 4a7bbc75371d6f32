import { ADMIN_ROLES, ROLE_NAMES, type Role } from "../auth/roles.ts";
import type { Dialect, Tx } from "../db/database.ts";
import { AppError } from "../errors.ts";
import {
  countEnabledWithRole,
  findUserRow,
  lockAdministrators,
  toUser,
  type User,
} from "./users-repository.ts";

/**
 * Refuses, inside the caller's write transaction, to disable or re-role the last enabled holder
 * of an administrative role: without a system admin nobody manages accounts, without a security
 * admin nobody grants roles, without an auditor nobody reads the audit log (the three-way split
 * of 等保 level 3 needs all three). Such changes run one at a time, and the account and the
 * count are read after the lock, so two requests taking away the last two cannot both pass.
 * Returns the account as it is now.
 */
export async function keepEveryAdministration(
  trx: Tx,
  dialect: Dialect,
  userId: string,
  change: "disable" | { role: Role },
): Promise<User> {
  await lockAdministrators(trx, dialect);
  const row = await findUserRow(trx, userId);
  if (!row) throw new AppError("not_found", "用户不存在", "id");
  const user = toUser(row);
  const leaves =
    ADMIN_ROLES.includes(user.role) &&
    !user.disabled &&
    (change === "disable" || change.role !== user.role);
  if (!leaves || (await countEnabledWithRole(trx, user.role)) > 1) return user;
  const name = ROLE_NAMES[user.role];
  throw change === "disable"
    ? new AppError(
        "conflict",
        `${user.username} 是唯一启用的${name}，不能停用：请先启用或创建另一个${name}账号`,
        "disabled",
      )
    : new AppError(
        "conflict",
        `${user.username} 是唯一启用的${name}，不能改为其他角色：请先启用或创建另一个${name}账号`,
        "role",
      );
}
