import { z } from "zod";
import { ROLES } from "../../auth/roles.ts";
import { COUNTIES } from "../../organizations/counties.ts";

/** What the sign-in routes answer (src/http/routes/auth.ts). */

export const sessionUserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    roleName: z.string().describe("角色的中文名称"),
    organizationId: z.string().nullable().describe("企业用户所属组织"),
    county: z.enum(COUNTIES).nullable().describe("县级用户的县（市、区）；市级为 null"),
    disabled: z.boolean(),
    lockedUntil: z.string().nullable(),
    passwordChangedAt: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "SessionUser", description: "已登录的用户" });

export const loginResultSchema = z
  .object({
    user: sessionUserSchema,
    csrfToken: z.string().describe("修改类请求须放在请求头 X-CSRF-Token 中"),
  })
  .meta({
    id: "LoginResult",
    description: "登录成功：用户与 CSRF 令牌（会话在 HttpOnly Cookie 中）",
  });

export const currentSessionSchema = z
  .object({
    user: sessionUserSchema,
    csrfToken: z.string().describe("修改类请求须放在请求头 X-CSRF-Token 中"),
    passwordExpired: z.boolean().describe("密码已过期：须先修改密码才能使用其他功能"),
  })
  .meta({ id: "CurrentSession", description: "当前会话：用户、CSRF 令牌与密码是否过期" });

export const signedOutSchema = z.object({ ok: z.literal(true) }).describe("已退出登录");

export const passwordChangedSchema = z
  .object({ ok: z.literal(true) })
  .describe("密码已修改；本人的其他会话已注销");

export const sessionStateSchema = z
  .object({
    session: currentSessionSchema.nullable().describe("当前会话；未登录（或会话已超时）为 null"),
  })
  .meta({
    id: "SessionState",
    description: "是否已登录：供网页在打开时判断，未登录不算错误",
  });
