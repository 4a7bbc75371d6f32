import type { DB, Tx } from "../db/database.ts";

/**
 * Reading budgets. Their amounts move only through the ledger's postings (ledger/ledger.ts),
 * which holds the SQL that writes them.
 */

/** Budgets newest year first, then by source; `source` narrows to one (a county's finance). */
export function listBudgetRows(
  db: DB | Tx,
  filter: { year?: number | undefined; source?: string | undefined },
) {
  let q = db.selectFrom("budgets").selectAll().orderBy("year", "desc").orderBy("source");
  if (filter.year) q = q.where("year", "=", filter.year);
  if (filter.source) q = q.where("source", "=", filter.source);
  return q.execute();
}
