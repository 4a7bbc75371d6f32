import type {
  ProjectCallTable,
  ProjectProposalTable,
  ProjectScoreTable,
  ProjectTrancheTable,
} from "../db/schema.ts";
import { CALL_STATE_NAMES, PROPOSAL_STATE_NAMES } from "./states.ts";
import { criteriaOf } from "./stored-ranking.ts";

/** The shapes the public-project API returns, made from the stored rows. */

export function presentCall(call: ProjectCallTable) {
  const criteria = criteriaOf(call);
  return {
    id: call.id,
    number: call.number,
    year: call.year,
    title: call.title,
    budget: Number(call.budget),
    allocated: Number(call.allocated),
    maxPerProposal: call.max_per_proposal === null ? null : Number(call.max_per_proposal),
    advancePercent: call.advance_percent,
    categories: JSON.parse(call.categories) as string[],
    criteria: criteria.items,
    passMark: criteria.passMark,
    opensOn: call.opens_on,
    closesOn: call.closes_on,
    state: call.state,
    stateName: CALL_STATE_NAMES[call.state] ?? call.state,
    publicityBatchId: call.publicity_batch_id,
  };
}

/** What anyone who may list a proposal sees of it: never its plan, documents or scores. */
export function presentProposalHeader(
  p: ProjectProposalTable,
  organization: { readonly name: string },
) {
  return {
    id: p.id,
    number: p.number,
    callId: p.call_id,
    organizationId: p.organization_id,
    organization: organization.name,
    county: p.county,
    category: p.category,
    title: p.title,
    requested: Number(p.requested),
    state: p.state,
    stateName: PROPOSAL_STATE_NAMES[p.state] ?? p.state,
    submittedAt: p.submitted_at,
  };
}

/** The outcome of the review and of the project, for those who read the proposal. */
export function presentProposalOutcome(p: ProjectProposalTable) {
  return {
    rank: p.rank,
    score: p.score_micro === null ? null : Number(p.score_micro) / 1e6,
    fundedAmount: p.funded_amount === null ? null : Number(p.funded_amount),
    decisionNote: p.decision_note,
    acceptedOn: p.accepted_on,
    acceptanceNote: p.acceptance_note,
  };
}

export function presentScore(
  r: Pick<
    ProjectScoreTable,
    "expert_id" | "scores" | "total_centi" | "comment" | "submitted_at"
  > & {
    display_name: string;
  },
) {
  return {
    expertId: r.expert_id,
    expert: r.display_name,
    scores: JSON.parse(r.scores) as Record<string, number>,
    total: r.total_centi / 100,
    comment: r.comment,
    submittedAt: r.submitted_at,
  };
}

export function presentTranche(t: ProjectTrancheTable) {
  return {
    id: t.id,
    kind: t.kind,
    amount: Number(t.amount),
    state: t.state,
    year: t.year,
    source: t.source,
    paidOn: t.paid_on,
    treasuryRef: t.treasury_ref,
  };
}

export function presentExpert(r: {
  id: string;
  username: string;
  display_name: string;
  name: string | null;
}) {
  return { id: r.id, username: r.username, displayName: r.display_name, organization: r.name };
}
