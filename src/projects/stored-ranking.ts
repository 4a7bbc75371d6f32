import type { ProjectCallTable, ProjectProposalTable, ProjectScoreTable } from "../db/schema.ts";
import { type Ranked, rankProposals } from "./ranking.ts";

/** A call's scoring criteria and pass mark (points), as stored with the call. */
export interface Criteria {
  passMark: number;
  items: { id: string; name: string; weight: number }[];
}

export function criteriaOf(call: Pick<ProjectCallTable, "criteria">): Criteria {
  return JSON.parse(call.criteria) as Criteria;
}

/**
 * The ranking of stored proposals from their stored scores, under the call's pass mark: the one
 * computation behind ranking a call, checking a stored ranking and selecting from it.
 */
export function rankStored(
  call: Pick<ProjectCallTable, "criteria">,
  proposals: readonly Pick<
    ProjectProposalTable,
    "id" | "number" | "submission_seq" | "requested"
  >[],
  scores: readonly Pick<ProjectScoreTable, "proposal_id" | "expert_id" | "total_centi">[],
): Ranked[] {
  return rankProposals(
    proposals.map((p) => ({
      id: p.id,
      number: p.number,
      submissionSeq: Number(p.submission_seq),
      requested: Number(p.requested),
    })),
    scores.map((s) => ({
      proposalId: s.proposal_id,
      expertId: s.expert_id,
      totalCenti: s.total_centi,
    })),
    criteriaOf(call).passMark * 100,
  );
}
