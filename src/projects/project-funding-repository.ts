import type { DB, Tx } from "../db/database.ts";

/** The SQL of a selection's publicity and of the project tranches. */

export function findProjectEntry(db: DB | Tx, batchId: string, proposalId: string) {
  return db
    .selectFrom("project_publicity_entries")
    .selectAll()
    .where("batch_id", "=", batchId)
    .where("proposal_id", "=", proposalId)
    .executeTakeFirst();
}

export function findProposalRow(db: DB | Tx, id: string) {
  return db.selectFrom("project_proposals").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Undecided entries of a selection, in the ranking's order. */
export async function undecidedProjectEntries(db: DB, batchId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("project_publicity_entries")
    .innerJoin("project_proposals", "project_proposals.id", "project_publicity_entries.proposal_id")
    .select("project_publicity_entries.proposal_id")
    .where("project_publicity_entries.batch_id", "=", batchId)
    .where((eb) =>
      eb.or([
        eb("project_publicity_entries.outcome", "is", null),
        eb("project_publicity_entries.outcome", "=", "waiting_budget"),
      ]),
    )
    .orderBy("project_proposals.rank")
    .execute();
  return rows.map((r) => r.proposal_id);
}

export async function publicProjectEntries(db: DB, batchId: string) {
  const rows = await db
    .selectFrom("project_publicity_entries")
    .innerJoin("project_proposals", "project_proposals.id", "project_publicity_entries.proposal_id")
    .innerJoin("organizations", "organizations.id", "project_proposals.organization_id")
    .select([
      "project_proposals.id as proposalId",
      "project_proposals.number as number",
      "project_proposals.title as title",
      "project_proposals.category as category",
      "project_proposals.rank as rank",
      "organizations.name as organization",
      "project_proposals.county as county",
      "project_publicity_entries.amount as amount",
      "project_publicity_entries.outcome as outcome",
    ])
    .where("project_publicity_entries.batch_id", "=", batchId)
    .orderBy("project_proposals.rank")
    .execute();
  return rows.map((r) => ({ ...r, amount: Number(r.amount) }));
}

/** An upheld objection returns the proposal's amount to its call. */
export async function returnToCall(trx: Tx, callId: string, amount: number) {
  await trx
    .updateTable("project_calls")
    .set((eb) => ({ allocated: eb("allocated", "-", amount) }))
    .where("id", "=", callId)
    .execute();
}

export function callOfBatch(db: DB | Tx, batchId: string) {
  return db
    .selectFrom("project_calls")
    .select(["id", "state"])
    .where("publicity_batch_id", "=", batchId)
    .executeTakeFirst();
}

export function findTranche(db: DB | Tx, id: string) {
  return db.selectFrom("project_tranches").selectAll().where("id", "=", id).executeTakeFirst();
}

export function reservedTranches(trx: Tx, proposalId: string) {
  return trx
    .selectFrom("project_tranches")
    .selectAll()
    .where("proposal_id", "=", proposalId)
    .where("state", "=", "reserved")
    .execute();
}

export async function listTrancheRows(
  db: DB,
  filter: { year?: number | undefined; state?: string | undefined },
) {
  let q = db
    .selectFrom("project_tranches")
    .innerJoin("project_proposals", "project_proposals.id", "project_tranches.proposal_id")
    .innerJoin("organizations", "organizations.id", "project_proposals.organization_id")
    .select([
      "project_tranches.id",
      "project_tranches.kind",
      "project_tranches.amount",
      "project_tranches.year",
      "project_tranches.state",
      "project_tranches.paid_on as paidOn",
      "project_tranches.treasury_ref as treasuryRef",
      "project_proposals.number as proposal",
      "project_proposals.title",
      "project_proposals.state as proposalState",
      "organizations.name as organization",
    ]);
  if (filter.year !== undefined) q = q.where("project_tranches.year", "=", filter.year);
  if (filter.state)
    q = q.where("project_tranches.state", "=", filter.state as "reserved" | "paid" | "released");
  return q.orderBy("project_proposals.number").orderBy("project_tranches.kind").execute();
}
