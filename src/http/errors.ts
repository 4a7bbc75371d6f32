import type { FastifyError, FastifyInstance } from "fastify";
import { AppError } from "../errors.ts";

/** Maps every error to `{ error: { code, message, field } }`; never a stack trace. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, "unhandled error");
    return reply.status(appError.status).send(appError.toJSON());
  });
  app.setNotFoundHandler((request, reply) => {
    const error = new AppError("not_found", `没有这个地址：${request.method} ${request.url}`);
    return reply.status(404).send(error.toJSON());
  });
}

function toAppError(error: FastifyError | AppError): AppError {
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
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError("invalid_field", error.message, null);
  }
  return new AppError("internal", "服务器内部错误，请稍后再试");
}
