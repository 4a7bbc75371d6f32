import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import type { DB, Tx } from "../db/database.ts";
import type { DocumentTable } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { evidencePath, type StoredFile } from "../files/file-store.ts";
import { documentRowsOf, findDocument, insertDocument } from "./documents-repository.ts";

/**
 * Documents that belong to records other than cases (a proposal's plan, the evidence of an
 * indicator value). The files themselves are checked and stored by the file store
 * (files/file-store.ts), exactly like case evidence; this module records who owns them.
 */
export interface DocumentView {
  readonly id: string;
  readonly name: string;
  readonly mime: string;
  readonly size: number;
  readonly sha256: string;
  readonly createdAt: string;
}

/** Records a stored file as a document of an owner, inside the caller's transaction. */
export async function recordDocument(
  trx: Tx,
  actor: Actor,
  owner: { type: string; id: string },
  stored: StoredFile,
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
  await insertDocument(trx, row);
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
  const rows = await documentRowsOf(trx, ownerType, ownerId);
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
  const row = await findDocument(trx, ownerType, ownerId, id);
  if (!row) throw new AppError("not_found", "材料不存在", "documentId");
  return {
    path: evidencePath(ctx.dataDir, row.sha256),
    mime: row.mime,
    name: row.name,
    size: row.size,
  };
}
