import { listBudgetRows } from "../budgets/budgets-repository.ts";
import type { DB } from "../db/database.ts";
import { toBudget } from "../ledger/ledger.ts";
import { backlogByChannel } from "../notifications/notifications-repository.ts";

/**
 * What an operator watches, read when metrics are scraped: what is left of each budget, and the
 * notifications waiting to be sent.
 */
export async function readGauges(db: DB) {
  const [budgets, backlog] = await Promise.all([listBudgetRows(db, {}), backlogByChannel(db)]);
  return {
    budgets: budgets.map((row) => {
      const b = toBudget(row);
      return { year: b.year, source: b.source, remaining: b.remaining };
    }),
    backlog: backlog.map((r) => ({ channel: r.channel, pending: Number(r.n) })),
  };
}
