import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { changePassword } from "../../auth/change-password.ts";
import { login } from "../../auth/login.ts";
import { logout } from "../../auth/logout.ts";
import { ROLE_NAMES } from "../../auth/roles.ts";
import type { Context } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { actorOf, clearSessionCookie, setSessionCookie } from "../auth.ts";
import {
  currentSessionSchema,
  loginResultSchema,
  passwordChangedSchema,
  sessionStateSchema,
  signedOutSchema,
} from "../responses/auth.ts";
import { errors, SIGNED_IN } from "../schemas.ts";

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
          // 401: wrong name or password; 403: the account is disabled; 429: held back after
          // repeated failures, or too many requests from this address.
          response: { 200: loginResultSchema, ...errors(...SIGNED_IN, 413, 429) },
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
      {
        schema: {
          tags: ["账号"],
          summary: "退出登录（服务器端注销会话）",
          response: { 200: signedOutSchema, ...errors(...SIGNED_IN) },
        },
      },
      async (request, reply) => {
        if (!request.auth) throw new AppError("unauthenticated", "未登录");
        await logout(ctx, request.auth);
        clearSessionCookie(reply, secureCookies);
        return { ok: true as const };
      },
    );

    app.get(
      "/api/v1/auth/me",
      {
        schema: {
          tags: ["账号"],
          summary: "当前用户、CSRF 令牌",
          response: { 200: currentSessionSchema, ...errors(401) },
        },
      },
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

    // The web app asks this when it opens: a visitor who is not signed in is an answer, not an
    // error (a 401 here showed as an error in every anonymous page's console).
    app.get(
      "/api/v1/auth/session",
      {
        schema: {
          tags: ["账号"],
          summary: "当前会话（未登录时 session 为 null）",
          response: { 200: sessionStateSchema, ...errors() },
        },
      },
      async (request) => {
        const auth = request.auth;
        return {
          session: auth
            ? {
                user: { ...auth.user, roleName: ROLE_NAMES[auth.user.role] },
                csrfToken: auth.csrfToken,
                passwordExpired: auth.passwordExpired,
              }
            : null,
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
          // 400: the new password is too weak; 401: the current one is wrong; 429: held back.
          response: { 200: passwordChangedSchema, ...errors(...SIGNED_IN, 413, 429) },
        },
      },
      async (request) => {
        actorOf(request);
        await changePassword(ctx, request.auth as NonNullable<typeof request.auth>, request.body);
        return { ok: true as const };
      },
    );
  };
}
