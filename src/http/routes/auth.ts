import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { changePassword } from "../../auth/change-password.ts";
import { login } from "../../auth/login.ts";
import { logout } from "../../auth/logout.ts";
import { ROLE_NAMES } from "../../auth/roles.ts";
import type { Context } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { actorOf, clearSessionCookie, setSessionCookie } from "../auth.ts";

export function authRoutes(ctx: Context, secureCookies: boolean): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/api/v1/auth/login",
      {
        config: { rateLimit: { max: 20, timeWindow: "1 minute" } },
        schema: {
          tags: ["账号"],
          summary: "登录：返回用户与 CSRF 令牌，会话放在 HttpOnly Cookie 中",
          body: z.object({
            username: z.string().min(1).max(100),
            password: z.string().min(1).max(256),
          }),
        },
      },
      async (request, reply) => {
        const session = await login(ctx, {
          username: request.body.username,
          password: request.body.password,
          ip: request.ip,
          userAgent: request.headers["user-agent"] ?? null,
        });
        setSessionCookie(reply, session.token, secureCookies);
        return {
          user: { ...session.user, roleName: ROLE_NAMES[session.user.role] },
          csrfToken: session.csrfToken,
        };
      },
    );

    app.post(
      "/api/v1/auth/logout",
      { schema: { tags: ["账号"], summary: "退出登录（服务器端注销会话）" } },
      async (request, reply) => {
        if (!request.auth) throw new AppError("unauthenticated", "未登录");
        await logout(ctx, request.auth);
        clearSessionCookie(reply, secureCookies);
        return { ok: true };
      },
    );

    app.get(
      "/api/v1/auth/me",
      { schema: { tags: ["账号"], summary: "当前用户、CSRF 令牌" } },
      async (request) => {
        actorOf(request);
        const auth = request.auth as NonNullable<typeof request.auth>;
        return {
          user: { ...auth.user, roleName: ROLE_NAMES[auth.user.role] },
          csrfToken: auth.csrfToken,
          passwordExpired: auth.passwordExpired,
        };
      },
    );

    app.post(
      "/api/v1/auth/password",
      {
        schema: {
          tags: ["账号"],
          summary: "修改本人密码",
          body: z.object({
            currentPassword: z.string().min(1).max(256),
            newPassword: z.string().min(1).max(256),
          }),
        },
      },
      async (request) => {
        actorOf(request);
        await changePassword(ctx, request.auth as NonNullable<typeof request.auth>, request.body);
        return { ok: true };
      },
    );
  };
}
