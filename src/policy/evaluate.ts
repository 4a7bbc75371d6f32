import { type ConditionFailure, checkCondition, describeCondition } from "./conditions.ts";
import { instantMillis, maxDate, subMillisecond } from "./dates.ts";
import { fundingSource, isCityFundedCounty } from "./funding.ts";
import type { Cap, PolicyItem, PolicyPack } from "./pack.ts";
import { type DatedValue, valueAt } from "./parameters.ts";
import * as reasons from "./reasons.ts";
import type { PolicyRegistry } from "./registry.ts";
import type {
  CheckName,
  Claim,
  Decision,
  Evaluation,
  Organization,
  Reason,
  TraceStep,
} from "./types.ts";

export interface EvaluateOptions {
  /** Record every check with its inputs, outcome and clause (slower). */
  readonly trace?: boolean;
  /**
   * Items and subjects already granted outside this request (to other organizations): pay once
   * holds across the whole system.
   */
  readonly priorGrants?: readonly PriorGrant[];
}

export interface PriorGrant {
  readonly item: string;
  readonly subject: string;
  /** The claim (application) that was granted, named in the refusal. */
  readonly claim: string;
}

/**
 * Decides an organization's claims. Pure and deterministic; the steps are explicit:
 *
 * 1. match — each claim on its own: the item in the catalog, the pack in force on its event date
 *    (validity, or the item's own window), and the item's conditions;
 * 2. order — the matching claims by first application (`submittedAt`, ties by claim id);
 * 3. allocate — in that order: pay once per item and subject, one claim per project (五、附则),
 *    cumulative caps, then who pays.
 *
 * A claim's decision depends only on itself and on claims applied before it.
 */
export function evaluate(
  registry: PolicyRegistry,
  organization: Organization,
  claims: readonly Claim[],
  options: EvaluateOptions = {},
): Evaluation {
  const tracing = options.trace === true;
  const decisions = new Array<Decision>(claims.length);
  const matched: Matched[] = [];
  for (let i = 0; i < claims.length; i++) {
    const claim = claims[i] as Claim;
    const result = match(registry, claim, i, tracing);
    if (result.kind === "refused") decisions[i] = result.decision;
    else matched.push(result);
  }

  sortByFirstApplied(matched);

  const allocation = new Allocation(organization.county, options.priorGrants ?? []);
  let totalYuan = 0;
  for (const m of matched) {
    const decision = allocate(m, allocation, organization);
    decisions[m.index] = decision;
    totalYuan += decision.amountYuan;
  }
  return { decisions, totalYuan };
}

// ── step 1: match ───────────────────────────────────────────────────────────

interface Matched {
  readonly kind: "matched";
  readonly index: number;
  readonly claim: Claim;
  readonly pack: PolicyPack;
  readonly item: PolicyItem;
  readonly amount: DatedValue<number>;
  /** The day parameters are read on: the event date, or the pack's first day for earlier events. */
  readonly valuationDate: string;
  /** Epoch milliseconds of `submittedAt`, then the digits past the millisecond. */
  readonly order: number;
  readonly suborder: number;
  readonly trace: TraceStep[] | undefined;
}

type MatchResult = Matched | { readonly kind: "refused"; readonly decision: Decision };

function match(
  registry: PolicyRegistry,
  claim: Claim,
  index: number,
  tracing: boolean,
): MatchResult {
  const trace: TraceStep[] | undefined = tracing ? [] : undefined;
  const resolution = registry.resolve(claim.item, claim.facts, claim.eventDate);

  if (resolution.kind === "unknown_item") {
    trace?.push(
      step("catalog", null, "fail", { item: claim.item }, "所有已收录政策中均无此奖励项目"),
    );
    return refused(claim, null, null, [reasons.unknownItem(claim.item)], trace);
  }
  const { pack, item, period } = resolution;
  if (item.kind === "competitive") {
    trace?.push(
      step("catalog", item.clause, "fail", { item: item.id, kind: item.kind }, item.note ?? ""),
    );
    return refused(claim, pack, item, [reasons.notFixedReward(item)], trace);
  }
  trace?.push(
    step(
      "catalog",
      item.clause,
      "pass",
      { item: item.id, policy: pack.id },
      `${item.id} ${item.title}`,
    ),
  );

  const found: Reason[] = [];
  const inPeriod = resolution.kind === "found";
  if (!inPeriod)
    found.push(
      reasons.outsideValidity(
        claim.eventDate,
        pack,
        period,
        registry.coveredText,
        period.window ? undefined : registry.noneInForce(claim.eventDate)?.message,
      ),
    );
  trace?.push(
    step(
      "validity",
      period.ref,
      inPeriod ? "pass" : "fail",
      {
        eventDate: claim.eventDate,
        start: period.start,
        end: period.end,
        window: period.window?.label ?? null,
      },
      inPeriod
        ? `事件日期在 ${period.start} 至 ${period.end} 之内${period.window ? `（${period.window.label}）` : ""}`
        : (found[0]?.message ?? ""),
    ),
  );

  const failures: ConditionFailure[] = [];
  for (const condition of item.conditions) checkCondition(condition, claim.facts, failures);
  if (failures.length > 0) found.push(...reasons.conditionNotMet(item, failures));
  trace?.push(
    step(
      "conditions",
      item.clause,
      failures.length === 0 ? "pass" : "fail",
      { facts: claim.facts, conditions: item.conditions.map(describeCondition) },
      failures.length === 0
        ? item.conditions.length === 0
          ? "本项无附加条件"
          : `满足：${item.conditions.map(describeCondition).join("；")}`
        : failures.map((f) => reasons.conditionNotMet(item, [f])[0]?.message).join("；"),
    ),
  );

  if (found.length > 0) return refused(claim, pack, item, found, trace);

  const valuationDate = maxDate(claim.eventDate, pack.effective);
  const amount = item.amount && valueAt(item.amount, valuationDate);
  if (!amount) throw new Error(`pack ${pack.id} has no amount for ${item.id} on ${valuationDate}`);
  return {
    kind: "matched",
    index,
    claim,
    pack,
    item,
    amount,
    valuationDate,
    order: instantMillis(claim.submittedAt),
    suborder: subMillisecond(claim.submittedAt),
    trace,
  };
}

function refused(
  claim: Claim,
  pack: PolicyPack | null,
  item: PolicyItem | null,
  why: Reason[],
  trace: TraceStep[] | undefined,
): { kind: "refused"; decision: Decision } {
  if (trace) skipRest(trace);
  const decision: Decision = {
    claim: claim.id,
    item: claim.item,
    status: "refused",
    amountYuan: 0,
    fundingSource: null,
    clause: item?.clause ?? null,
    reasons: why,
    policy: pack?.id ?? null,
  };
  return { kind: "refused", decision: trace ? { ...decision, trace } : decision };
}

// ── step 2: order ───────────────────────────────────────────────────────────

/** 五、附则 "最先申报": the earliest submission first; equal instants by claim id. */
function byFirstApplied(a: Matched, b: Matched): number {
  if (a.order !== b.order) return a.order - b.order;
  if (a.suborder !== b.suborder) return a.suborder - b.suborder;
  return a.claim.id < b.claim.id ? -1 : a.claim.id > b.claim.id ? 1 : 0;
}

/** An organization has a handful of claims: insertion sort beats the general sort there. */
function sortByFirstApplied(list: Matched[]): void {
  if (list.length > 32) {
    list.sort(byFirstApplied);
    return;
  }
  for (let i = 1; i < list.length; i++) {
    const current = list[i] as Matched;
    let j = i - 1;
    while (j >= 0 && byFirstApplied(list[j] as Matched, current) > 0) {
      list[j + 1] = list[j] as Matched;
      j--;
    }
    list[j + 1] = current;
  }
}

// ── step 3: allocate ────────────────────────────────────────────────────────

/**
 * What the claims allocated so far have taken. An organization has a handful of claims, so the
 * grants are kept in flat lists and scanned; that is faster than hashing built keys.
 */
class Allocation {
  private readonly grantedItems: PolicyItem[] = [];
  private readonly grantedSubjects: string[] = [];
  private readonly grantedClaims: string[] = [];
  private readonly grantedProjects: (string | undefined)[] = [];
  private readonly caps: Cap[] = [];
  private readonly capUsed: number[] = [];
  private cityPack: PolicyPack | undefined;
  private cityCounty = false;

  constructor(
    private readonly county: string,
    private readonly priorGrants: readonly PriorGrant[],
  ) {}

  /** The claim that was granted this item and subject, here or before, if any. */
  grantedFor(item: PolicyItem, subject: string): string | undefined {
    for (let i = 0; i < this.grantedItems.length; i++) {
      if (this.grantedItems[i] === item && this.grantedSubjects[i] === subject) {
        return this.grantedClaims[i];
      }
    }
    for (const prior of this.priorGrants) {
      if (prior.item === item.id && prior.subject === subject) return prior.claim;
    }
    return undefined;
  }

  /** The granted claim of this project, if any. */
  projectGrant(project: string): { claim: string; item: string } | undefined {
    for (let i = 0; i < this.grantedProjects.length; i++) {
      if (this.grantedProjects[i] === project) {
        return {
          claim: this.grantedClaims[i] as string,
          item: (this.grantedItems[i] as PolicyItem).id,
        };
      }
    }
    return undefined;
  }

  used(cap: Cap): number {
    const i = this.caps.indexOf(cap);
    return i < 0 ? 0 : (this.capUsed[i] as number);
  }

  /** Whether the county is paid for by the city under this pack (五、附则). */
  cityFunded(pack: PolicyPack): boolean {
    if (this.cityPack !== pack) {
      this.cityPack = pack;
      this.cityCounty = isCityFundedCounty(pack, this.county);
    }
    return this.cityCounty;
  }

  record(claim: Claim, item: PolicyItem, amount: number): void {
    this.grantedItems.push(item);
    this.grantedSubjects.push(claim.subject);
    this.grantedClaims.push(claim.id);
    this.grantedProjects.push(claim.project);
    const cap = item.cap;
    if (!cap) return;
    const i = this.caps.indexOf(cap);
    if (i < 0) {
      this.caps.push(cap);
      this.capUsed.push(amount);
    } else {
      this.capUsed[i] = (this.capUsed[i] as number) + amount;
    }
  }
}

function allocate(m: Matched, allocation: Allocation, organization: Organization): Decision {
  const { claim, item, pack, trace } = m;

  // Pay once per item and subject (三; 五、附则).
  const earlierSubject = allocation.grantedFor(item, claim.subject);
  if (earlierSubject !== undefined) {
    const reason = reasons.alreadyGranted(item, claim.subject, earlierSubject);
    const inputs = { item: item.id, subject: claim.subject, earlierClaim: earlierSubject };
    trace?.push(step("payOnce", item.clause, "fail", inputs, reason.message));
    return refusedLate(m, reason);
  }
  trace?.push(
    step(
      "payOnce",
      item.clause,
      "pass",
      { item: item.id, subject: claim.subject },
      "此项目与对象此前未获奖励",
    ),
  );

  // One subsidy per project, the first applied (五、附则).
  const project = claim.project;
  const earlier = project === undefined ? undefined : allocation.projectGrant(project);
  if (project !== undefined && earlier !== undefined) {
    const reason = reasons.sameProject(pack, project, earlier);
    const inputs = { project, earlierClaim: earlier.claim, earlierItem: earlier.item };
    trace?.push(step("sameProject", pack.sameProjectRef, "fail", inputs, reason.message));
    return refusedLate(m, reason);
  }
  trace?.push(
    step(
      "sameProject",
      pack.sameProjectRef,
      "pass",
      { project: project ?? null },
      project === undefined ? "未标明项目" : `项目“${project}”此前未获补助`,
    ),
  );

  // Cumulative caps (三（一）1: “品字标” 50万元 per enterprise).
  let granted = m.amount.value;
  let capReason: Reason | undefined;
  const cap = item.cap;
  if (cap) {
    const limit = valueAt(cap.limit, m.valuationDate);
    if (!limit) throw new Error(`cap ${cap.id} has no limit on ${m.valuationDate}`);
    const used = allocation.used(cap);
    const remaining = Math.max(0, limit.value - used);
    if (remaining < granted) {
      granted = remaining;
      capReason = reasons.capReached(cap, limit.ref, limit.value, used, granted);
    }
    trace?.push(
      step(
        "cap",
        limit.ref,
        capReason ? (granted > 0 ? "partial" : "fail") : "pass",
        { cap: cap.id, limit: limit.value, used, amount: m.amount.value },
        capReason?.message ??
          `累计 ${reasons.yuanText(used + granted)} 元，未超过 ${reasons.yuanText(limit.value)} 元`,
      ),
    );
    if (granted === 0) return refusedLate(m, capReason as Reason);
  } else {
    trace?.push(step("cap", null, "pass", { amount: m.amount.value }, "本项不设累计上限"));
  }

  const source = fundingSource(item, allocation.cityFunded(pack));
  trace?.push(
    step(
      "funding",
      pack.funding.ref,
      "pass",
      { county: organization.county, item: item.id, fundingSource: source },
      source === "city"
        ? item.alwaysCityFunded
          ? "台州市政府质量奖（含标准创新贡献奖）由市财政承担"
          : `${organization.county}属台州市区（含台州湾新区），由市财政承担`
        : `由${organization.county}财政承担`,
    ),
  );

  allocation.record(claim, item, granted);
  const decision: Decision = {
    claim: claim.id,
    item: item.id,
    status: capReason ? "partial" : "granted",
    amountYuan: granted,
    fundingSource: source,
    clause: item.clause,
    reasons: capReason ? [capReason] : [],
    policy: pack.id,
  };
  return trace ? { ...decision, trace } : decision;
}

function refusedLate(m: Matched, reason: Reason): Decision {
  return refused(m.claim, m.pack, m.item, [reason], m.trace).decision;
}

// ── trace ───────────────────────────────────────────────────────────────────

const ORDER: readonly CheckName[] = [
  "catalog",
  "validity",
  "conditions",
  "payOnce",
  "sameProject",
  "cap",
  "funding",
];

function step(
  check: CheckName,
  clause: string | null,
  outcome: TraceStep["outcome"],
  inputs: Record<string, unknown>,
  detail: string,
): TraceStep {
  return { check, clause, outcome, inputs, detail };
}

/** After a refusal, the checks not reached are listed as skipped, so every trace has every check. */
function skipRest(trace: TraceStep[]): void {
  const last = trace[trace.length - 1];
  const from = last ? ORDER.indexOf(last.check) + 1 : 0;
  for (const check of ORDER.slice(from))
    trace.push(step(check, null, "skipped", {}, "前一项检查未通过，未再检查"));
}
