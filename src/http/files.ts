import { createReadStream, rmSync } from "node:fs";
import type {} from "@fastify/multipart";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Context } from "../context.ts";
import { AppError } from "../errors.ts";
import type { UploadedFile } from "../files/file-store.ts";
import { XLSX_TYPE } from "../reports/workbook.ts";
import { loadSettings } from "../settings/settings.ts";

/** Reads the one file of a multipart upload (field `file`), within the evidence size setting. */
export async function readUpload(ctx: Context, request: FastifyRequest): Promise<UploadedFile> {
  const settings = await loadSettings(ctx.database.db);
  const file = await request.file({
    limits: { fileSize: settings["general.evidenceMaxBytes"], files: 1 },
  });
  if (!file) throw new AppError("missing_field", "请选择要上传的文件", "file");
  return { filename: file.filename, data: await file.toBuffer() };
}

/** Sends a stored file inline, under its sanitised name, never sniffed as another type. */
export function sendStoredFile(
  reply: FastifyReply,
  file: { path: string; mime: string; name: string },
) {
  return reply
    .type(file.mime)
    .header("content-disposition", `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header("x-content-type-options", "nosniff")
    .send(createReadStream(file.path));
}

/** Sends a workbook (a report, an export) as a download under its Chinese name (RFC 5987). */
export function sendXlsx(reply: FastifyReply, file: { name: string; data: Buffer }) {
  return reply
    .type(XLSX_TYPE)
    .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .send(file.data);
}

/**
 * Sends a report written to a temporary file: with its length (the browser shows the download's
 * progress) and its number of data rows (X-Report-Rows); the file is removed once sent, or when
 * the client goes away.
 */
export function sendXlsxFile(
  reply: FastifyReply,
  file: { name: string; file: string; size: number; rows: number },
) {
  const stream = createReadStream(file.file);
  stream.on("close", () => rmSync(file.file, { force: true }));
  return (
    reply
      .type(XLSX_TYPE)
      .header(
        "content-disposition",
        `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      )
      .header("content-length", file.size)
      .header("x-report-rows", file.rows)
      // A download is one request: the connection closes when it is sent, instead of lingering
      // while the stream's end reaches the server after the client already has every byte.
      .header("connection", "close")
      .send(stream)
  );
}

/** Money-moving requests carry an Idempotency-Key header; a replay returns the first result. */
export function idempotencyKey(request: FastifyRequest): string {
  const key = request.headers["idempotency-key"];
  if (typeof key !== "string" || key === "") {
    throw new AppError("missing_field", "资金类请求须带 Idempotency-Key 请求头", "idempotency-key");
  }
  return key;
}
