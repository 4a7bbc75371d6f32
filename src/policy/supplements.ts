import { evaluate } from "./evaluate.ts";
import type { PolicyPack } from "./pack.ts";
import type { Combine } from "./pack-schema.ts";
import { yuanText } from "./reasons.ts";
import type { PolicyRegistry } from "./registry.ts";
import type { Claim, Decision, Evaluation, Organization, ReasonCode } from "./types.ts";

/**
 * A county's supporting policy (四（三）: 鼓励各县（市）人民政府制定符合本区域实际的配套政策) decides an
 * organization's claims beside the city's. Its items are new rewards, or top-ups of a city item
 * (the same item id), which either stack on the city's amount (配套) or make up the difference up
 * to the county's amount (就高不重复). The county pays all of it.
 */
/** A supporting decision's reasons: the engine's, and 就高不重复 (the city already pays as much). */
export interface SupplementReason {
  readonly code: ReasonCode | "covered_by_city";
  readonly message: string;
}

export interface SupplementDecision extends Omit<Decision, "reasons"> {
  readonly reasons: SupplementReason[];
  /** For a top-up of a city item: how it meets the city's decision; null for a county's own item. */
  readonly combine: Combine | null;
  /** What the city's pack granted for the same claim (a top-up only). */
  readonly cityAmountYuan: number | null;
}

export interface SupplementEvaluation {
  readonly policy: {
    readonly id: string;
    readonly shortTitle: string;
    readonly jurisdiction: string;
  };
  /** One per claim whose item the county's pack knows, in the order of the request's claims. */
  readonly decisions: SupplementDecision[];
  readonly totalYuan: number;
}

/**
 * The decisions of the supporting packs in force for the organization's county, one evaluation
 * per pack, given the city's evaluation of the same claims. Claims whose item no supporting pack
 * knows are left out; none at all when the county has no supporting pack.
 */
export function evaluateSupplements(
  registry: PolicyRegistry,
  organization: Organization,
  claims: readonly Claim[],
  city: Evaluation,
): SupplementEvaluation[] {
  const county = registry.supplementsFor(organization.county);
  if (!county) return [];
  const own = evaluate(county, organization, claims);
  const byPack = new Map<string, { pack: PolicyPack; decisions: SupplementDecision[] }>();
  for (let i = 0; i < claims.length; i++) {
    const decision = own.decisions[i] as Decision;
    if (decision.policy === null) continue; // no supporting pack knows the item
    const pack = county.pack(decision.policy) as PolicyPack;
    const item = pack.items.get(decision.item);
    const cityDecision = city.decisions[i] as Decision;
    const topUp = registry.knowsItem(decision.item);
    const combine: Combine | null = topUp
      ? (item?.combine ?? pack.supplement?.combine ?? "higher")
      : null;
    const entry = byPack.get(pack.id) ?? { pack, decisions: [] };
    byPack.set(pack.id, entry);
    entry.decisions.push(combined(decision, combine, topUp ? cityDecision.amountYuan : null, pack));
  }
  return [...byPack.values()].map(({ pack, decisions }) => ({
    policy: { id: pack.id, shortTitle: pack.shortTitle, jurisdiction: pack.jurisdiction },
    decisions,
    totalYuan: decisions.reduce((s, d) => s + d.amountYuan, 0),
  }));
}

/** The county's decision as paid beside the city's: stacked, or only the difference (就高). */
function combined(
  decision: Decision,
  combine: Combine | null,
  cityAmount: number | null,
  pack: PolicyPack,
): SupplementDecision {
  const county = {
    ...decision,
    reasons: [...decision.reasons] as SupplementReason[],
    fundingSource: decision.amountYuan > 0 ? ("county" as const) : null,
  };
  if (
    combine !== "higher" ||
    cityAmount === null ||
    cityAmount === 0 ||
    decision.amountYuan === 0
  ) {
    return { ...county, combine, cityAmountYuan: cityAmount };
  }
  const ref = pack.supplement?.ref ?? decision.clause ?? "";
  const difference = Math.max(0, decision.amountYuan - cityAmount);
  if (difference === 0) {
    const reason: SupplementReason = {
      code: "covered_by_city",
      message: `就高不重复：市级已核定 ${yuanText(cityAmount)} 元，不低于本项 ${yuanText(decision.amountYuan)} 元，不再另行奖励（${ref}）`,
    };
    return {
      ...county,
      status: "refused",
      amountYuan: 0,
      fundingSource: null,
      reasons: [reason],
      combine,
      cityAmountYuan: cityAmount,
    };
  }
  const reason: SupplementReason = {
    code: "covered_by_city",
    message: `就高不重复：本项 ${yuanText(decision.amountYuan)} 元，市级已核定 ${yuanText(cityAmount)} 元，补足差额 ${yuanText(difference)} 元（${ref}）`,
  };
  return {
    ...county,
    status: "partial",
    amountYuan: difference,
    reasons: [...decision.reasons, reason],
    combine,
    cityAmountYuan: cityAmount,
  };
}
