import type {} from "@fastify/cookie";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type Authenticated, authenticate } from "../auth/authenticate.ts";
import type { Actor } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import { AppError } from "../errors.ts";

export const SESSION_COOKIE = "qi_session";
export const CSRF_HEADER = "x-csrf-token";

declare module "fastify" {
  interface FastifyRequest {
    auth: Authenticated | null;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const PASSWORD_ROUTES = new Set([
  "/api/v1/auth/me",
  "/api/v1/auth/session",
  "/api/v1/auth/password",
  "/api/v1/auth/logout",
]);

/**
 * Reads the session cookie into `request.auth`. A state-changing request made with a session
 * must carry the session's CSRF token in the X-CSRF-Token header (the cookie is also
 * SameSite=Strict); without it the request is refused before any route runs.
 */
export function installAuth(app: FastifyInstance, ctx: Context): void {
  app.decorateRequest("auth", null);
  app.addHook("onRequest", async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.auth = token ? await authenticate(ctx, token, request.ip) : null;
    // With password rotation on (a security setting), an expired password must be changed first.
    if (request.auth?.passwordExpired && !PASSWORD_ROUTES.has(request.url.split("?")[0] ?? "")) {
      throw new AppError("password_expired", "密码已过期，请先修改密码", "password");
    }
    if (request.auth && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (sent !== request.auth.csrfToken) {
        throw new AppError("csrf_failed", "请求缺少有效的 CSRF 令牌（X-CSRF-Token）", CSRF_HEADER, {
          action: `${request.method} ${request.routeOptions.url ?? request.url}`,
          targetType: null,
          targetId: null,
        });
      }
    }
  });
}

/** The signed-in actor, or 401. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.auth) throw new AppError("unauthenticated", "请先登录（会话不存在或已超时）");
  return request.auth.actor;
}

/** Secure when configured so, or when the request itself came over TLS. */
export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "strict",
    secure: secure || reply.request.protocol === "https",
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "strict", secure });
}
