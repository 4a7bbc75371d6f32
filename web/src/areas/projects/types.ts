/** The shapes the public-project API returns (src/projects/projects.ts, project-funding.ts). */

export interface Criterion {
  readonly id: string;
  readonly name: string;
  readonly weight: number;
}

export interface Call {
  readonly id: string;
  readonly number: string;
  readonly year: number;
  readonly title: string;
  readonly budget: number;
  readonly allocated: number;
  readonly maxPerProposal: number | null;
  readonly advancePercent: number;
  readonly categories: string[];
  readonly criteria: Criterion[];
  readonly passMark: number;
  readonly opensOn: string;
  readonly closesOn: string;
  readonly state: string;
  readonly stateName: string;
  readonly publicityBatchId: string | null;
}

export interface ScoreView {
  readonly expertId: string;
  readonly expert: string;
  readonly scores: Record<string, number>;
  readonly total: number;
  readonly comment: string | null;
  readonly submittedAt: string;
}

export interface DocumentView {
  readonly id: string;
  readonly name: string;
  readonly mime: string;
  readonly size: number;
  readonly sha256: string;
  readonly createdAt: string;
}

export interface Tranche {
  readonly id: string;
  readonly kind: string;
  readonly amount: number;
  readonly state: string;
  readonly year: number;
  readonly source: string;
  readonly paidOn: string | null;
  readonly treasuryRef: string | null;
}

export interface Proposal {
  readonly id: string;
  readonly number: string;
  readonly callId: string;
  readonly organizationId: string;
  readonly organization: string;
  readonly county: string;
  readonly category: string;
  readonly title: string;
  readonly requested: number;
  readonly state: string;
  readonly stateName: string;
  readonly submittedAt: string;
  /** Set when the reading expert must step aside; then nothing below is given. */
  readonly conflict: string | null;
  readonly plan?: string | null;
  readonly rank?: number | null;
  readonly score?: number | null;
  readonly fundedAmount?: number | null;
  readonly decisionNote?: string | null;
  readonly acceptedOn?: string | null;
  readonly acceptanceNote?: string | null;
  readonly scored?: boolean;
  readonly scores?: ScoreView[];
  readonly documents: DocumentView[];
  readonly tranches?: Tranche[];
}

export interface CallDetail extends Call {
  readonly panel: { id: string; displayName: string; scored: number }[];
  readonly proposals: Proposal[];
}

export interface QueueItem {
  readonly id: string;
  readonly number: string;
  readonly title: string;
  readonly category: string;
  readonly requested: number;
  readonly conflict: string | null;
  readonly myTotal: number | null;
}

export interface QueueCall extends Call {
  readonly proposals: QueueItem[];
}

export interface RankedRow {
  readonly id: string;
  readonly number: string;
  readonly rank: number;
  readonly scoreMicro: number;
  readonly meanCenti: number;
  readonly scoreCount: number;
  readonly requested: number;
  readonly fundable: boolean;
}

export const PROPOSAL_STATE_NAMES: Record<string, string> = {
  submitted: "已提交",
  withdrawn: "已撤回",
  ranked: "已排序",
  not_selected: "未入选",
  publicity: "公示中",
  rejected: "异议成立未入选",
  waiting_budget: "等待预算",
  funded: "已立项",
  accepted: "验收通过",
  acceptance_failed: "验收未通过",
};

export const TRANCHE_KIND_NAMES: Record<string, string> = { advance: "预拨款", final: "尾款" };
export const TRANCHE_STATE_NAMES: Record<string, string> = {
  reserved: "已预留",
  paid: "已拨付",
  released: "已释放",
};

/** The weighted total of criterion scores as the API computes it (hundredths, rounded). */
export function weightedTotal(
  criteria: readonly Criterion[],
  scores: Readonly<Record<string, number | null | undefined>>,
): number {
  const weights = criteria.reduce((s, c) => s + c.weight, 0);
  if (weights === 0) return 0;
  const sum = criteria.reduce((s, c) => s + c.weight * (scores[c.id] ?? 0), 0);
  return Math.round((sum * 100) / weights) / 100;
}

/** The mean of the experts' totals, or null without scores. */
export function meanTotal(scores: readonly ScoreView[] | undefined): number | null {
  if (!scores || scores.length === 0) return null;
  const sumCenti = scores.reduce((s, x) => s + Math.round(x.total * 100), 0);
  return Math.round(sumCenti / scores.length) / 100;
}
