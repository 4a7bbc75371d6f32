import { listBudgetRows } from "../budgets/budgets-repository.ts";
import type { DB } from "../db/database.ts";
import { toBudget } from "../ledger/ledger.ts";
import { backlogByChannel } from "../notifications/notifications-repository.ts";

/** What an operator watches, read when metrics are scraped: what is left of each budget. */
export async function budgetsRemaining(db: DB) {
  return (await listBudgetRows(db, {})).map((row) => {
    const b = toBudget(row);
    return { year: b.year, source: b.source, remaining: b.remaining };
  });
}

/** The notifications waiting to be sent, by channel. */
export async function notificationBacklog(db: DB) {
  return (await backlogByChannel(db)).map((r) => ({ channel: r.channel, pending: Number(r.n) }));
}
