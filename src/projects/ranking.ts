/**
 * Ranking and selection of public-project proposals (三（三）4: "通过公平竞争方式，择优筛选"). Pure.
 *
 * Each expert's weighted total (0–100 points, kept in hundredths) is normalised to a z-score
 * over the proposals that expert scored — (total − the expert's mean) ÷ the expert's standard
 * deviation (population), 0 when the expert gave everyone the same total — so that a lenient
 * and a severe expert weigh the same. A proposal's score is the mean of its z-scores, rounded to
 * millionths so that equal inputs give equal scores whatever the summing order.
 *
 * Order: the normalised score, then the raw mean total (higher first), then the earlier
 * submission. A proposal whose raw mean is below the call's pass mark is not fundable.
 *
 * Selection: in rank order, each fundable proposal is funded in full when its requested amount
 * fits what is left of the call's budget; one that does not fit is skipped (a project is priced
 * as a whole and is never part-funded) and the next one is considered.
 */
export interface ProposalForRanking {
  readonly id: string;
  readonly number: string;
  readonly submissionSeq: number;
  readonly requested: number;
}

export interface Score {
  readonly proposalId: string;
  readonly expertId: string;
  /** The weighted total in hundredths of a point (0..10000). */
  readonly totalCenti: number;
}

export interface Ranked {
  readonly id: string;
  readonly number: string;
  readonly rank: number;
  /** Mean z-score × 10⁶, rounded. */
  readonly scoreMicro: number;
  /** Mean raw total in hundredths of a point, rounded (for display). */
  readonly meanCenti: number;
  readonly scoreCount: number;
  readonly requested: number;
  readonly fundable: boolean;
}

/** The weighted total of one expert's criterion scores, in hundredths of a point. */
export function weightedTotalCenti(
  criteria: readonly { readonly id: string; readonly weight: number }[],
  scores: Readonly<Record<string, number>>,
): number {
  const weights = criteria.reduce((s, c) => s + c.weight, 0);
  const sum = criteria.reduce((s, c) => s + c.weight * (scores[c.id] ?? 0), 0);
  // scores are 0..100 per criterion; the total is a 0..100 point scale.
  return Math.round((sum * 100) / weights);
}

export function rankProposals(
  proposals: readonly ProposalForRanking[],
  scores: readonly Score[],
  passMarkCenti: number,
): Ranked[] {
  const byExpert = new Map<string, Score[]>();
  for (const s of scores) {
    const list = byExpert.get(s.expertId) ?? [];
    list.push(s);
    byExpert.set(s.expertId, list);
  }
  const z = new Map<string, number[]>();
  for (const [, list] of [...byExpert.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const mean = list.reduce((s, x) => s + x.totalCenti, 0) / list.length;
    const variance = list.reduce((s, x) => s + (x.totalCenti - mean) ** 2, 0) / list.length;
    const sd = Math.sqrt(variance);
    for (const s of list) {
      const values = z.get(s.proposalId) ?? [];
      values.push(sd > 0 ? (s.totalCenti - mean) / sd : 0);
      z.set(s.proposalId, values);
    }
  }
  const rows = proposals.map((p) => {
    const own = scores.filter((s) => s.proposalId === p.id);
    const zs = (z.get(p.id) ?? []).slice().sort((a, b) => a - b);
    const scoreMicro =
      zs.length === 0 ? 0 : Math.round((zs.reduce((s, x) => s + x, 0) / zs.length) * 1e6);
    const sum = own.reduce((s, x) => s + x.totalCenti, 0);
    return { p, own, sum, scoreMicro };
  });
  rows.sort((a, b) => {
    if (a.scoreMicro !== b.scoreMicro) return b.scoreMicro - a.scoreMicro;
    // Compare raw means exactly: a.sum / a.n vs b.sum / b.n.
    const cross = b.sum * Math.max(1, a.own.length) - a.sum * Math.max(1, b.own.length);
    if (cross !== 0) return cross;
    return a.p.submissionSeq - b.p.submissionSeq;
  });
  return rows.map((r, i) => {
    const meanCenti = r.own.length === 0 ? 0 : Math.round(r.sum / r.own.length);
    return {
      id: r.p.id,
      number: r.p.number,
      rank: i + 1,
      scoreMicro: r.scoreMicro,
      meanCenti,
      scoreCount: r.own.length,
      requested: r.p.requested,
      fundable: r.own.length > 0 && r.sum >= passMarkCenti * r.own.length,
    };
  });
}

export interface Selection {
  readonly id: string;
  readonly selected: boolean;
  readonly amount: number;
  readonly reason: string;
  readonly remainingAfter: number;
}

export function selectProposals(ranked: readonly Ranked[], budget: number): Selection[] {
  let remaining = budget;
  return ranked.map((r) => {
    if (!r.fundable)
      return {
        id: r.id,
        selected: false,
        amount: 0,
        reason: r.scoreCount === 0 ? "无有效评分" : "平均分低于及格线",
        remainingAfter: remaining,
      };
    if (r.requested > remaining)
      return {
        id: r.id,
        selected: false,
        amount: 0,
        reason: `申请 ${r.requested} 元超过剩余预算 ${remaining} 元，顺延下一项`,
        remainingAfter: remaining,
      };
    remaining -= r.requested;
    return {
      id: r.id,
      selected: true,
      amount: r.requested,
      reason: `第 ${r.rank} 名，全额安排`,
      remainingAfter: remaining,
    };
  });
}
