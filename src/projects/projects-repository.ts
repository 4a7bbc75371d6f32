import type { DB, Tx } from "../db/database.ts";
import type {
  ProjectCallTable,
  ProjectConflictTable,
  ProjectPanelTable,
  ProjectProposalTable,
  ProjectScoreTable,
} from "../db/schema.ts";
import { AppError } from "../errors.ts";

/**
 * The SQL of the public-project use cases: calls, their panel, proposals, conflicts and scores.
 * States are written by the one writer (lifecycle/apply-transition.ts), never here.
 */

// ── calls ──

export async function loadCall(db: DB | Tx, id: string, field = "id"): Promise<ProjectCallTable> {
  const call = await db
    .selectFrom("project_calls")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!call) throw new AppError("not_found", "项目征集不存在", field);
  return call;
}

export function callRows(db: DB | Tx, year?: number) {
  let q = db.selectFrom("project_calls").selectAll();
  if (year !== undefined) q = q.where("year", "=", year);
  return q.orderBy("year", "desc").orderBy("number", "desc").execute();
}

/** The calls an expert sits on, the latest deadline first. */
export function callsOfPanelist(db: DB | Tx, userId: string) {
  return db
    .selectFrom("project_panel")
    .innerJoin("project_calls", "project_calls.id", "project_panel.call_id")
    .selectAll("project_calls")
    .where("project_panel.user_id", "=", userId)
    .orderBy("project_calls.closes_on", "desc")
    .execute();
}

/**
 * Adds `total` to what the call has allocated, only while the call is ranked and the sum stays
 * within its budget (the table's CHECK constraint holds the same limit); 1 if it was added.
 */
export async function allocateFromCall(trx: Tx, id: string, total: number): Promise<number> {
  const result = await trx
    .updateTable("project_calls")
    .set((eb) => ({ allocated: eb("allocated", "+", total) }))
    .where("id", "=", id)
    .where("state", "=", "ranked")
    .where((eb) => eb(eb("allocated", "+", total), "<=", eb.ref("budget")))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// ── panel and experts ──

export function findUserForPanel(db: DB | Tx, userId: string) {
  return db
    .selectFrom("users")
    .select(["id", "role", "disabled", "display_name"])
    .where("id", "=", userId)
    .executeTakeFirst();
}

/** Seats an expert on a call's panel; 1 if newly seated, 0 if already there. */
export async function insertPanelSeat(trx: Tx, row: ProjectPanelTable): Promise<number> {
  const inserted = await trx
    .insertInto("project_panel")
    .values(row)
    .onConflict((oc) => oc.columns(["call_id", "user_id"]).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0);
}

export function activeExperts(db: DB | Tx) {
  return db
    .selectFrom("users")
    .leftJoin("organizations", "organizations.id", "users.organization_id")
    .select(["users.id", "users.username", "users.display_name", "organizations.name"])
    .where("users.role", "=", "expert")
    .where("users.disabled", "=", 0)
    .orderBy("users.username")
    .execute();
}

export function panelOf(db: DB | Tx, callId: string) {
  return db
    .selectFrom("project_panel")
    .innerJoin("users", "users.id", "project_panel.user_id")
    .select(["users.id", "users.display_name", "users.organization_id"])
    .where("project_panel.call_id", "=", callId)
    .orderBy("users.username")
    .execute();
}

export async function isOnPanel(db: DB | Tx, callId: string, userId: string): Promise<boolean> {
  const seat = await db
    .selectFrom("project_panel")
    .select("user_id")
    .where("call_id", "=", callId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return Boolean(seat);
}

// ── proposals ──

export async function loadProposal(db: DB | Tx, id: string): Promise<ProjectProposalTable> {
  const row = await db
    .selectFrom("project_proposals")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw new AppError("not_found", "项目申报不存在", "id");
  return row;
}

/** A call's proposals in order of submission, or only one organization's. */
export function proposalsOfCall(db: DB | Tx, callId: string, organizationId?: string | null) {
  let q = db.selectFrom("project_proposals").selectAll().where("call_id", "=", callId);
  if (organizationId !== undefined) q = q.where("organization_id", "=", organizationId);
  return q.orderBy("submission_seq").execute();
}

/** What the panel reviews: every proposal of the call not withdrawn, in order of submission. */
export function proposalsUnderReview(db: DB | Tx, callId: string) {
  return db
    .selectFrom("project_proposals")
    .selectAll()
    .where("call_id", "=", callId)
    .where("state", "not in", ["withdrawn"])
    .orderBy("submission_seq")
    .execute();
}

export function submittedProposals(db: DB | Tx, callId: string) {
  return db
    .selectFrom("project_proposals")
    .selectAll()
    .where("call_id", "=", callId)
    .where("state", "=", "submitted")
    .execute();
}

/** The proposals still waiting for the selection, in rank order. */
export function rankedProposals(db: DB | Tx, callId: string) {
  return db
    .selectFrom("project_proposals")
    .selectAll()
    .where("call_id", "=", callId)
    .where("state", "=", "ranked")
    .orderBy("rank")
    .execute();
}

/** Every proposal the ranking placed, whatever happened to it since. */
export function proposalsWithRank(db: DB | Tx, callId: string) {
  return db
    .selectFrom("project_proposals")
    .selectAll()
    .where("call_id", "=", callId)
    .where("rank", "is not", null)
    .execute();
}

export function organizationCounty(db: DB | Tx, organizationId: string) {
  return db
    .selectFrom("organizations")
    .select(["county"])
    .where("id", "=", organizationId)
    .executeTakeFirstOrThrow();
}

export function organizationName(db: DB | Tx, organizationId: string) {
  return db
    .selectFrom("organizations")
    .select(["name", "uscc"])
    .where("id", "=", organizationId)
    .executeTakeFirstOrThrow();
}

export function tranchesOfProposal(db: DB | Tx, proposalId: string) {
  return db
    .selectFrom("project_tranches")
    .selectAll()
    .where("proposal_id", "=", proposalId)
    .orderBy("kind")
    .execute();
}

// ── conflicts ──

export function organizationOfUser(db: DB | Tx, userId: string) {
  return db
    .selectFrom("users")
    .select("organization_id")
    .where("id", "=", userId)
    .executeTakeFirst();
}

export function relationOf(db: DB | Tx, userId: string, organizationId: string) {
  return db
    .selectFrom("official_relations")
    .select("note")
    .where("user_id", "=", userId)
    .where("organization_id", "=", organizationId)
    .executeTakeFirst();
}

export function declaredConflict(db: DB | Tx, proposalId: string, expertId: string) {
  return db
    .selectFrom("project_conflicts")
    .select("reason")
    .where("proposal_id", "=", proposalId)
    .where("expert_id", "=", expertId)
    .executeTakeFirst();
}

/** Records a declared conflict; a second declaration of the same keeps the first. */
export async function insertConflict(trx: Tx, row: ProjectConflictTable): Promise<void> {
  await trx
    .insertInto("project_conflicts")
    .values(row)
    .onConflict((oc) => oc.columns(["proposal_id", "expert_id"]).doNothing())
    .execute();
}

// ── scores ──

export function scoreOf(db: DB | Tx, proposalId: string, expertId: string) {
  return db
    .selectFrom("project_scores")
    .select(["total_centi"])
    .where("proposal_id", "=", proposalId)
    .where("expert_id", "=", expertId)
    .executeTakeFirst();
}

/** Stores an expert's score; 1 if stored, 0 if the expert had scored already. */
export async function insertScore(trx: Tx, row: ProjectScoreTable): Promise<number> {
  const inserted = await trx
    .insertInto("project_scores")
    .values(row)
    .onConflict((oc) => oc.columns(["proposal_id", "expert_id"]).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0);
}

/** The experts' totals of these proposals, as the ranking takes them. */
export function totalsOf(db: DB | Tx, proposalIds: readonly string[]) {
  return db
    .selectFrom("project_scores")
    .select(["proposal_id", "expert_id", "total_centi"])
    .where("proposal_id", "in", proposalIds.length > 0 ? proposalIds : ["-"])
    .execute();
}

/** Who scored which proposal of a call (one row per score), for the panel's progress. */
export function scorersOfCall(db: DB | Tx, callId: string) {
  return db
    .selectFrom("project_scores")
    .innerJoin("project_proposals", "project_proposals.id", "project_scores.proposal_id")
    .select(["project_scores.expert_id"])
    .where("project_proposals.call_id", "=", callId)
    .execute();
}

/** A proposal's scores with the expert's name, by username. */
export function scoresOfProposal(db: DB | Tx, proposalId: string) {
  return db
    .selectFrom("project_scores")
    .innerJoin("users", "users.id", "project_scores.expert_id")
    .select([
      "project_scores.expert_id",
      "users.display_name",
      "project_scores.scores",
      "project_scores.total_centi",
      "project_scores.comment",
      "project_scores.submitted_at",
    ])
    .where("project_scores.proposal_id", "=", proposalId)
    .orderBy("users.username")
    .execute();
}
