import type { Tx } from "../db/database.ts";
import type { OfficialRelationTable } from "../db/schema.ts";

/** The SQL of officials' declared relations to organizations (read back by the case checks). */

/** One (user, organization) pair is recorded once: a second insert is a unique violation. */
export function insertRelation(trx: Tx, row: OfficialRelationTable) {
  return trx.insertInto("official_relations").values(row).execute();
}
