import { randomUUID } from "node:crypto";
import { z } from "zod";
import { appendAudit } from "../audit/audit-log.ts";
import { requireAccess } from "../auth/access.ts";
import { type Actor, ADMIN_ROLES } from "../auth/roles.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction, isUniqueViolation } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { loadSettings } from "../settings/settings.ts";
import { hashPassword, passwordProblem } from "./passwords.ts";
import { checkBinding, roleBindingSchema } from "./role-binding.ts";
import { insertUser, toUser, type User } from "./users-repository.ts";

export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[a-zA-Z0-9._-]{3,40}$/, "用户名为 3–40 位字母、数字或 . _ -");

export const createUserSchema = roleBindingSchema.extend({
  username: usernameSchema,
  displayName: z.string().trim().min(1, "不能为空").max(50),
  password: z.string().min(1, "不能为空").max(256),
});
export type CreateUserInput = z.output<typeof createUserSchema>;

/**
 * Creates an account. The system admin creates business accounts; administrator accounts are
 * created only by the security admin (三权分立). `actor` null is the server operator (`qi admin`).
 */
export async function createUser(
  ctx: Context,
  actor: Actor | null,
  input: CreateUserInput,
): Promise<User> {
  if (actor) requireAccess(actor, ADMIN_ROLES.includes(input.role) ? "role.assign" : "user.manage");
  const settings = await loadSettings(ctx.database.db);
  const problem = passwordProblem(input.password, input.username, settings);
  if (problem) throw new AppError("weak_password", problem, "password");
  const binding = await checkBinding(ctx, input.role, input.organizationId, input.county);
  const now = instant(ctx);
  const row = {
    id: randomUUID(),
    username: input.username,
    display_name: input.displayName,
    password_hash: await hashPassword(input.password),
    role: input.role,
    organization_id: binding.organizationId,
    county: binding.county,
    disabled: 0,
    failed_logins: 0,
    locked_until: null,
    password_changed_at: now,
    created_at: now,
  };
  try {
    await inTransaction(ctx.database, async (trx) => {
      await insertUser(trx, row);
      await appendAudit(trx, ctx.database.dialect, now, {
        actorId: actor?.userId ?? "operator",
        actorRole: actor?.role ?? "operator",
        action: "user.create",
        targetType: "user",
        targetId: row.id,
        after: {
          username: row.username,
          role: row.role,
          organizationId: row.organization_id,
          county: row.county,
        },
        ip: actor?.ip ?? null,
        outcome: "success",
      });
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError("conflict", `用户名 ${input.username} 已被使用`, "username");
    throw e;
  }
  return toUser(row);
}
