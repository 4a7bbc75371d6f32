import type { DB, Tx } from "../db/database.ts";
import type { DocumentTable } from "../db/schema.ts";

/** The SQL of documents: rows that link a stored file to the record that owns it. */

export function insertDocument(trx: Tx, row: DocumentTable) {
  return trx.insertInto("documents").values(row).execute();
}

/** An owner's documents, the oldest first. */
export function documentRowsOf(db: DB | Tx, ownerType: string, ownerId: string) {
  return db
    .selectFrom("documents")
    .selectAll()
    .where("owner_type", "=", ownerType)
    .where("owner_id", "=", ownerId)
    .orderBy("created_at")
    .execute();
}

/** One document, only as one of its owner's. */
export function findDocument(db: DB | Tx, ownerType: string, ownerId: string, id: string) {
  return db
    .selectFrom("documents")
    .selectAll()
    .where("id", "=", id)
    .where("owner_type", "=", ownerType)
    .where("owner_id", "=", ownerId)
    .executeTakeFirst();
}
