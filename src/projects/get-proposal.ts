import type { Actor } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import type { DB, Tx } from "../db/database.ts";
import type { ProjectProposalTable } from "../db/schema.ts";
import { documentsOf } from "../documents/documents.ts";
import {
  presentProposalHeader,
  presentProposalOutcome,
  presentScore,
  presentTranche,
} from "./present-project.ts";
import {
  loadProposal,
  organizationName,
  scoreOf,
  scoresOfProposal,
  tranchesOfProposal,
} from "./projects-repository.ts";
import { conflictOf, readableProposal, type Visibility } from "./proposal-access.ts";

/** A proposal as the actor may see it: a panel member in conflict sees its header only. */
export async function getProposal(ctx: Context, actor: Actor, id: string) {
  return getProposalIn(ctx.database.db, actor, id);
}

/** getProposal inside a transaction or a wider read (a call's listing). */
export async function getProposalIn(db: DB | Tx, actor: Actor, id: string) {
  const p = await loadProposal(db, id);
  const visibility = await readableProposal(db, actor, p);
  const base = presentProposalHeader(p, await organizationName(db, p.organization_id));
  if (visibility === "conflicted")
    return { ...base, conflict: await conflictOf(db, actor.userId, p), plan: null, documents: [] };
  const ownScore = actor.role === "expert" ? await scoreOf(db, id, actor.userId) : undefined;
  const tranches = await tranchesOfProposal(db, id);
  return {
    ...base,
    conflict: null,
    plan: p.plan,
    ...presentProposalOutcome(p),
    scored: ownScore !== undefined,
    scores: await scoresView(db, actor, p, visibility),
    documents: await documentsOf(db, "project_proposal", id),
    tranches: tranches.map(presentTranche),
  };
}

async function scoresView(
  db: DB | Tx,
  actor: Actor,
  p: ProjectProposalTable,
  visibility: Visibility,
) {
  const rows = await scoresOfProposal(db, p.id);
  if (visibility === "full") return rows.map(presentScore);
  if (visibility === "expert") {
    // Blind review: an expert sees the others' scores only after submitting their own.
    const own = rows.find((r) => r.expert_id === actor.userId);
    return own ? rows.map(presentScore) : [];
  }
  return [];
}
