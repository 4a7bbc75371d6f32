import type {} from "@fastify/multipart";
import type { FastifyError, FastifyInstance, FastifyRequest } from "fastify";
import { isAuditAction, type RefusedRequest } from "../audit/actions.ts";
import { recordAudit } from "../audit/audit-log.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { AppError } from "../errors.ts";

/**
 * Maps every error to `{ error: { code, message, field } }`; never a stack trace. A refusal of
 * access is written to the audit log.
 */
export function installErrorHandlers(app: FastifyInstance, ctx?: Context): void {
  app.setErrorHandler(async (error: FastifyError | AppError, request, reply) => {
    const appError = toAppError(error, request);
    if (appError.status >= 500) request.log.error({ err: error }, "unhandled error");
    if (ctx && appError.denial) {
      await recordAudit(ctx.database, instant(ctx), {
        actorId: request.auth?.actor.userId ?? null,
        actorRole: request.auth?.actor.role ?? null,
        // A refusal names a permission, a transition or the request; anything else is recorded
        // as the request it was, so the log keeps a closed set of actions.
        action: isAuditAction(appError.denial.action)
          ? appError.denial.action
          : (`${request.method} ${request.routeOptions.url ?? request.url}` as RefusedRequest),
        targetType: appError.denial.targetType,
        targetId: appError.denial.targetId,
        after: {
          code: appError.code,
          route: `${request.method} ${request.routeOptions.url ?? request.url}`,
        },
        ip: request.ip,
        outcome: "denied",
      }).catch((e: unknown) => request.log.error({ err: e }, "audit of a denial failed"));
    }
    return reply.status(appError.status).send(appError.toJSON());
  });
  app.setNotFoundHandler((request, reply) => {
    // The web app's own paths (/my/applications, /review/…) are its pages: the server answers
    // them with the app, which routes in the browser. The API and the docs stay 404.
    if (
      request.method === "GET" &&
      app.hasReplyDecorator("sendFile") &&
      !request.url.startsWith("/api/") &&
      !request.url.startsWith("/docs") &&
      (request.headers.accept ?? "").includes("text/html")
    )
      return (reply as unknown as { sendFile(name: string): unknown }).sendFile("index.html");
    const error = new AppError("not_found", `没有这个地址：${request.method} ${request.url}`);
    return reply.status(404).send(error.toJSON());
  });
}

/**
 * @fastify/busboy refuses a malformed multipart body with plain Errors that carry neither a code
 * nor a status: no boundary in the Content-Type, a boundary longer than it can search for, data
 * that ends inside a part. They are the client's fault, not the server's.
 */
const MALFORMED_MULTIPART = [
  /^Multipart: Boundary not found$/,
  /^Boundary required$/,
  /^The needle cannot have a length bigger than \d+\.?$/,
  /^Unexpected end of multipart data$/,
  /terminated early due to unexpected end of multipart data$/,
];

function isMalformedMultipart(error: Error, request: FastifyRequest): boolean {
  return (
    request.isMultipart?.() === true &&
    MALFORMED_MULTIPART.some((pattern) => pattern.test(error.message))
  );
}

function toAppError(error: FastifyError | AppError, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  switch (error.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return new AppError("invalid_json", `请求体不是有效的 JSON：${error.message}`, "body");
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new AppError("payload_too_large", "请求体过大", "body");
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new AppError(
        "invalid_field",
        "不支持的 Content-Type，请使用 application/json",
        "content-type",
      );
  }
  if ((error as Error) instanceof SyntaxError) {
    return new AppError("invalid_json", `请求体不是有效的 JSON：${error.message}`, "body");
  }
  if (
    error.code === "FST_REQ_FILE_TOO_LARGE" ||
    error.code === "FST_FILES_LIMIT" ||
    error.code === "FST_PARTS_LIMIT"
  ) {
    return new AppError("payload_too_large", "上传的文件过大或过多", "file");
  }
  if (error.statusCode === 429) return new AppError("rate_limited", "请求过于频繁，请稍后再试");
  if (error.code === "FST_INVALID_MULTIPART_CONTENT_TYPE") {
    return new AppError("invalid_field", "请以 multipart/form-data 上传文件", "file");
  }
  if (isMalformedMultipart(error, request)) {
    return new AppError("invalid_field", "上传的数据不是有效的 multipart/form-data", "file");
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError("invalid_field", error.message, null);
  }
  return new AppError("internal", "服务器内部错误，请稍后再试");
}
