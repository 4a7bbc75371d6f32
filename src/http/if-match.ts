import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { AppError } from "../errors.ts";

/**
 * The version an edit was read at, for the PATCH routes of drafts, organizations and settings.
 * The client sends it as `If-Match: "<version>"` (the HTTP way) or as `version` in the body (the
 * easy way for a form); both are accepted, and if both come they must agree. It is required: an
 * edit without a version answers 400 missing_field naming `version`, as any other missing field of
 * the request does (checked with the body, before the use case), rather than a separate 428, so a
 * form and a script handle it the same way. The use cases take the version as a required argument
 * and answer 409 stale_version for an edit read at another version than the record's.
 */

export const VERSION_HELP =
  '读取记录时的版本号（必填）：可放在请求头 If-Match（形如 "3"）或请求体字段 version；两者都提供时须一致。未提供时返回 400 missing_field（字段 version）；版本已变化（他人已修改）时返回 409 stale_version，details.currentVersion 为当前版本号，请刷新后重试。';

/** The `version` field of a PATCH body. */
export const versionField = z.number().int().min(0).optional().describe(VERSION_HELP);

/** The request headers of a PATCH route, documenting If-Match (other headers pass through). */
export const ifMatchHeaders = z.looseObject({
  "if-match": z
    .string()
    .max(100)
    .optional()
    .describe('读取记录时的版本号，形如 "3"（与请求体字段 version 二选一）'),
});

/** A strong entity tag holding a version: `"3"` (a bare `3` is taken too). */
function parseIfMatch(header: string): number {
  const match = /^\s*"?(\d{1,15})"?\s*$/.exec(header);
  if (!match) {
    throw new AppError(
      "invalid_field",
      `请求头 If-Match 应为读取时的版本号，形如 "3"（收到 ${header.slice(0, 40)}）`,
      "If-Match",
    );
  }
  return Number(match[1]);
}

/** The version the client read the record at, from If-Match or the body; one of them is required. */
export function expectedVersion(request: FastifyRequest, bodyVersion: number | undefined): number {
  const raw = request.headers["if-match"];
  const header = Array.isArray(raw) ? raw.join(",") : raw;
  const fromHeader = header === undefined || header === "" ? undefined : parseIfMatch(header);
  if (fromHeader !== undefined && bodyVersion !== undefined && fromHeader !== bodyVersion) {
    throw new AppError(
      "invalid_field",
      `请求头 If-Match（"${fromHeader}"）与请求体字段 version（${bodyVersion}）不一致`,
      "version",
    );
  }
  const version = fromHeader ?? bodyVersion;
  if (version === undefined) {
    throw new AppError(
      "missing_field",
      '缺少读取时的版本号：请在请求头 If-Match（形如 "3"）或请求体字段 version 中提供',
      "version",
    );
  }
  return version;
}
