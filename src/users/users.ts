import { randomUUID } from "node:crypto";
import { z } from "zod";
import { appendAudit } from "../audit/audit-log.ts";
import { deny, requireAccess } from "../auth/access.ts";
import { liftLoginHolds } from "../auth/login-throttle.ts";
import { type Actor, ADMIN_ROLES, ROLE_NAMES, ROLES, type Role } from "../auth/roles.ts";
import { countySchema } from "../calculate/request.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { type Dialect, inTransaction, isUniqueViolation, type Tx } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { loadSettings } from "../settings/settings.ts";
import { hashPassword, passwordProblem } from "./passwords.ts";
import {
  countEnabledWithRole,
  findUserRow,
  insertUser,
  listUserRows,
  lockAdministrators,
  toUser,
  type User,
  updateUser,
} from "./users-repository.ts";

export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[a-zA-Z0-9._-]{3,40}$/, "用户名为 3–40 位字母、数字或 . _ -");

export const roleBindingSchema = z.object({
  role: z.enum(ROLES),
  organizationId: z.string().uuid().nullish(),
  county: countySchema.nullish(),
});

export const createUserSchema = roleBindingSchema.extend({
  username: usernameSchema,
  displayName: z.string().trim().min(1, "不能为空").max(50),
  password: z.string().min(1, "不能为空").max(256),
});
export type CreateUserInput = z.output<typeof createUserSchema>;

/** What the system admin may change on an account; unknown keys are dropped. */
export const updateAccountSchema = z.object({
  disabled: z.boolean().optional(),
  unlock: z.boolean().optional(),
  password: z.string().min(1).max(256).optional(),
});
export type UpdateAccountInput = z.output<typeof updateAccountSchema>;

/** A role's binding: enterprise users to one organization, county officials to one county. */
async function checkBinding(
  ctx: Context,
  role: Role,
  organizationId: string | null | undefined,
  county: string | null | undefined,
): Promise<{ organizationId: string | null; county: string | null }> {
  if (role === "enterprise") {
    if (!organizationId)
      throw new AppError("missing_field", "企业用户须绑定一个组织", "organizationId");
    const org = await ctx.database.db
      .selectFrom("organizations")
      .select("id")
      .where("id", "=", organizationId)
      .executeTakeFirst();
    if (!org) throw new AppError("invalid_field", "绑定的组织不存在", "organizationId");
    if (county) throw new AppError("invalid_field", "企业用户不绑定县（市、区）", "county");
    return { organizationId, county: null };
  }
  if (role === "expert") {
    // An expert may name the organization they work for, so that they step aside from its
    // proposals (三（三）4's fair competition); it gives no access to the organization.
    if (county) throw new AppError("invalid_field", "该角色不绑定县（市、区）", "county");
    if (!organizationId) return { organizationId: null, county: null };
    const org = await ctx.database.db
      .selectFrom("organizations")
      .select("id")
      .where("id", "=", organizationId)
      .executeTakeFirst();
    if (!org) throw new AppError("invalid_field", "绑定的组织不存在", "organizationId");
    return { organizationId, county: null };
  }
  if (organizationId)
    throw new AppError("invalid_field", "只有企业用户和评审专家绑定组织", "organizationId");
  if (role === "county_official") {
    if (!county)
      throw new AppError("missing_field", "县级审核人员须绑定一个县（市、区）", "county");
    return { organizationId: null, county };
  }
  if (role === "finance") return { organizationId: null, county: county ?? null };
  if (county) throw new AppError("invalid_field", "该角色不绑定县（市、区）", "county");
  return { organizationId: null, county: null };
}

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

export async function listUsers(ctx: Context, actor: Actor, role?: Role): Promise<User[]> {
  requireAccess(actor, "user.list");
  return (await listUserRows(ctx.database.db, { role })).map(toUser);
}

async function loadUser(ctx: Context, id: string): Promise<User> {
  const row = await findUserRow(ctx.database.db, id);
  if (!row) throw new AppError("not_found", "用户不存在", "id");
  return toUser(row);
}

/** The security admin changes a role (and its binding). */
export async function assignRole(
  ctx: Context,
  actor: Actor,
  userId: string,
  input: z.output<typeof roleBindingSchema>,
): Promise<User> {
  requireAccess(actor, "role.assign");
  const before = await loadUser(ctx, userId);
  if (before.id === actor.userId) {
    throw deny("不能修改自己的角色", "role", "user.assignRole", { type: "user", id: userId });
  }
  const binding = await checkBinding(ctx, input.role, input.organizationId, input.county);
  const now = instant(ctx);
  await inTransaction(ctx.database, async (trx) => {
    const current = await keepEveryAdministration(trx, ctx.database.dialect, userId, {
      role: input.role,
    });
    await updateUser(trx, userId, {
      role: input.role,
      organization_id: binding.organizationId,
      county: binding.county,
    });
    // A changed role ends the user's sessions: new rights need a new login.
    await revokeSessions(trx, userId, now);
    await appendAudit(trx, ctx.database.dialect, now, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "user.assignRole",
      targetType: "user",
      targetId: userId,
      before: {
        role: current.role,
        organizationId: current.organizationId,
        county: current.county,
      },
      after: { role: input.role, ...binding },
      ip: actor.ip,
      outcome: "success",
    });
  });
  return loadUser(ctx, userId);
}

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
    if (input.disabled || input.password !== undefined) {
      await revokeSessions(trx, userId, now);
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

/**
 * Refuses, inside the caller's write transaction, to disable or re-role the last enabled holder
 * of an administrative role: without a system admin nobody manages accounts, without a security
 * admin nobody grants roles, without an auditor nobody reads the audit log (the three-way split
 * of 等保 level 3 needs all three). Such changes run one at a time, and the account and the
 * count are read after the lock, so two requests taking away the last two cannot both pass.
 * Returns the account as it is now.
 */
async function keepEveryAdministration(
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

/** Ends every open session of a user (new rights or a new password need a new login). */
function revokeSessions(trx: Tx, userId: string, now: string) {
  return trx
    .updateTable("sessions")
    .set({ revoked_at: now })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .execute();
}
