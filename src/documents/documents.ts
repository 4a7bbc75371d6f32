import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { evidencePath, sanitizeName, sniffType } from "../applications/evidence.ts";
import type { Actor } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import type { DB, Tx } from "../db/database.ts";
import type { DocumentTable } from "../db/schema.ts";
import { AppError } from "../errors.ts";

/**
 * Documents that belong to records other than cases (a proposal's plan, the evidence of an
 * indicator value). Checked and stored exactly like case evidence: by content type, under the
 * content hash, outside any served folder.
 */
export interface DocumentView {
  readonly id: string;
  readonly name: string;
  readonly mime: string;
  readonly size: number;
  readonly sha256: string;
  readonly createdAt: string;
}

export interface UploadedFile {
  readonly filename: string;
  readonly data: Buffer;
}

/** Checks a file and writes it to the store; returns what is needed to record it. */
export function storeFile(
  ctx: Context,
  file: UploadedFile,
  field = "file",
): { sha256: string; name: string; mime: string; size: number } {
  if (file.data.length === 0) throw new AppError("invalid_field", "文件为空", field);
  const type = sniffType(file.data);
  if (!type)
    throw new AppError(
      "unsupported_file_type",
      "只接受 PDF、JPEG 或 PNG 文件（按文件内容识别）",
      field,
    );
  const sha256 = createHash("sha256").update(file.data).digest("hex");
  const path = evidencePath(ctx.dataDir, sha256);
  if (!existsSync(path)) {
    mkdirSync(join(path, ".."), { recursive: true });
    const tmp = `${path}.${randomUUID()}.tmp`;
    writeFileSync(tmp, file.data, { flag: "wx" });
    renameSync(tmp, path);
  }
  // Characters that change how a name reads without being seen are removed before the name is
  // sanitised: control characters (C0, DEL, C1) and format characters, among them the bidi controls
  // (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C: "\u202Egpj.exe" reads "exe.jpg") and
  // the zero-width ones (U+200B–U+200D, U+2060, U+FEFF). NFKC (which sanitizeName applies too)
  // comes first, so that no compatibility form brings one back and a full-width slash is a folder
  // separator to sanitizeName. A name of nothing else gets sanitizeName's default name.
  const visible = file.filename.normalize("NFKC").replace(/[\p{Cc}\p{Cf}]/gu, "");
  return {
    sha256,
    name: sanitizeName(visible, type.ext),
    mime: type.mime,
    size: file.data.length,
  };
}

/** Records a stored file as a document of an owner, inside the caller's transaction. */
export async function recordDocument(
  trx: Tx,
  actor: Actor,
  owner: { type: string; id: string },
  stored: ReturnType<typeof storeFile>,
  at: string,
): Promise<DocumentView> {
  const row: DocumentTable = {
    id: randomUUID(),
    ...stored,
    owner_type: owner.type,
    owner_id: owner.id,
    uploaded_by: actor.userId,
    created_at: at,
  };
  await trx.insertInto("documents").values(row).execute();
  return presentDocument(row);
}

export function presentDocument(row: DocumentTable): DocumentView {
  return {
    id: row.id,
    name: row.name,
    mime: row.mime,
    size: row.size,
    sha256: row.sha256,
    createdAt: row.created_at,
  };
}

export async function documentsOf(trx: DB, ownerType: string, ownerId: string) {
  const rows = await trx
    .selectFrom("documents")
    .selectAll()
    .where("owner_type", "=", ownerType)
    .where("owner_id", "=", ownerId)
    .orderBy("created_at")
    .execute();
  return rows.map(presentDocument);
}

/** The stored file of a document of the given owner (the caller has checked read access). */
export async function openDocument(
  trx: DB,
  ctx: Context,
  ownerType: string,
  ownerId: string,
  id: string,
) {
  const row = await trx
    .selectFrom("documents")
    .selectAll()
    .where("id", "=", id)
    .where("owner_type", "=", ownerType)
    .where("owner_id", "=", ownerId)
    .executeTakeFirst();
  if (!row) throw new AppError("not_found", "材料不存在", "documentId");
  return {
    path: evidencePath(ctx.dataDir, row.sha256),
    mime: row.mime,
    name: row.name,
    size: row.size,
  };
}
