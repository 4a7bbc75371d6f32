import type { AppError } from "../errors.ts";
import { evaluate } from "../policy/evaluate.ts";
import type { PolicyRegistry } from "../policy/registry.ts";
import { evaluateSupplements, type SupplementEvaluation } from "../policy/supplements.ts";
import type { Decision, Reason, TraceStep } from "../policy/types.ts";
import { parseWith } from "../validation.ts";
import { type CalculateRequest, calculateRequestSchema } from "./request.ts";

/** The response of the calculation contract; `trace` and `policy` per decision only on request. */
export interface CalculateResponse {
  policy: { id: string; effective: string; expires: string };
  decisions: ContractDecision[];
  totalYuan: number;
  /**
   * Only when asked for (`supplements`): the decisions of the county's supporting packs
   * (四（三）), one entry per pack, beside the city's above. Never part of the v1 answer by default.
   */
  supplements?: SupplementEvaluation[];
}

export interface ContractDecision {
  claim: string;
  item: string;
  status: Decision["status"];
  amountYuan: number;
  fundingSource: Decision["fundingSource"];
  clause: string | null;
  reasons: Reason[];
  policy?: string | null;
  trace?: TraceStep[];
}

export interface CalculateOptions {
  readonly trace?: boolean;
  /** Add the decisions of the organization's county's supporting packs. */
  readonly supplements?: boolean;
}

export function calculate(
  registry: PolicyRegistry,
  input: unknown,
  options: CalculateOptions = {},
): { ok: true; value: CalculateResponse } | { ok: false; error: AppError } {
  const parsed = parseWith(calculateRequestSchema, input);
  if (!parsed.ok) return parsed;
  return { ok: true, value: calculateParsed(registry, parsed.value, options) };
}

export function calculateParsed(
  registry: PolicyRegistry,
  request: CalculateRequest,
  options: CalculateOptions = {},
): CalculateResponse {
  const trace = options.trace === true;
  const evaluation = evaluate(registry, request.organization, request.claims, { trace });
  // The response names one policy: the newest pack that decided any claim, else the current one.
  let policy = registry.current;
  const used = new Set(evaluation.decisions.map((d) => d.policy));
  for (const p of registry.packs) if (used.has(p.id)) policy = p;
  const answer: CalculateResponse = {
    policy: { id: policy.id, effective: policy.effective, expires: policy.expires },
    decisions: evaluation.decisions.map((d) => toContract(d, trace)),
    totalYuan: evaluation.totalYuan,
  };
  if (options.supplements) {
    answer.supplements = evaluateSupplements(
      registry,
      request.organization,
      request.claims,
      evaluation,
    );
  }
  return answer;
}

function toContract(d: Decision, trace: boolean): ContractDecision {
  const out: ContractDecision = {
    claim: d.claim,
    item: d.item,
    status: d.status,
    amountYuan: d.amountYuan,
    fundingSource: d.fundingSource,
    clause: d.clause,
    reasons: [...d.reasons],
  };
  if (trace) {
    out.policy = d.policy;
    out.trace = [...(d.trace ?? [])];
  }
  return out;
}
