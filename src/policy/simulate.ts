import { evaluate } from "./evaluate.ts";
import type { PolicyRegistry } from "./registry.ts";
import { evaluateSupplements } from "./supplements.ts";
import type { Claim, Organization } from "./types.ts";

/** One organization's historical claims, in any order (the engine orders them). */
export interface ClaimGroup {
  readonly organization: Organization;
  readonly claims: readonly Claim[];
}

export interface Tally {
  count: number;
  amountYuan: number;
}

/** What a set of claims is granted under one registry, summed. */
export interface Figures {
  readonly totalYuan: number;
  /** Claims granted (in full or in part). */
  readonly granted: number;
  readonly byItem: Record<string, Tally>;
  readonly byCounty: Record<string, Tally>;
  /** Yuan by who pays: the city fund, or the county's finance. */
  readonly bySource: { city: number; county: number };
  /** By the year the claim was submitted (申报年度, Beijing time): count, yuan and the city's part. */
  readonly byYear: Record<string, Tally & { cityYuan: number }>;
}

export interface Simulation {
  readonly claims: number;
  readonly baseline: Figures;
  readonly draft: Figures;
  readonly deltaYuan: number;
}

/** What one claim is granted, and who pays. */
export interface Granted {
  readonly claim: Claim;
  readonly item: string;
  readonly amountYuan: number;
  readonly fundingSource: "city" | "county" | null;
}

/** Which decisions a what-if sums: the city's packs', or a county's supporting packs' (四（三）). */
export type Decide = (registry: PolicyRegistry, group: ClaimGroup) => Granted[];

/** The decisions of the packs governing the city (the city's money and the counties' shares). */
export const cityDecisions: Decide = (registry, group) =>
  evaluate(registry, group.organization, group.claims).decisions.map((d, i) => ({
    claim: group.claims[i] as Claim,
    item: d.item,
    amountYuan: d.amountYuan,
    fundingSource: d.fundingSource,
  }));

/**
 * The decisions of the county's supporting packs, made beside the city's decisions of the same
 * claims (配套 or 就高不重复): all of it the county's money.
 */
export const supportingDecisions: Decide = (registry, group) => {
  const city = evaluate(registry, group.organization, group.claims);
  const byId = new Map(group.claims.map((c) => [c.id, c]));
  return evaluateSupplements(registry, group.organization, group.claims, city).flatMap((e) =>
    e.decisions.map((d) => ({
      claim: byId.get(d.claim) as Claim,
      item: d.item,
      amountYuan: d.amountYuan,
      fundingSource: d.fundingSource,
    })),
  );
};

/**
 * The what-if (沙盘): the same historical claims decided twice, under the packs that governed them
 * (`baseline`) and under a draft as if it had governed them all (`draft`, see
 * PolicyRegistry.asIfGoverning). Each organization's claims are decided together, so first-applied
 * order, pay-once, one-subsidy-per-project and the cumulative caps apply as they would have.
 */
export function simulate(
  baseline: PolicyRegistry,
  draft: PolicyRegistry,
  groups: readonly ClaimGroup[],
  decide: Decide = cityDecisions,
): Simulation {
  const simulator = new Simulator(baseline, draft, decide);
  for (const group of groups) simulator.add(group);
  return simulator.result();
}

/** `simulate`, one organization at a time: a caller streaming a decade of claims holds one group. */
export class Simulator {
  private readonly before = new Summer();
  private readonly after = new Summer();
  private claims = 0;

  constructor(
    private readonly baseline: PolicyRegistry,
    private readonly draft: PolicyRegistry,
    private readonly decide: Decide = cityDecisions,
  ) {}

  add(group: ClaimGroup): void {
    this.claims += group.claims.length;
    this.before.add(group, this.decide(this.baseline, group));
    this.after.add(group, this.decide(this.draft, group));
  }

  result(): Simulation {
    const b = this.before.figures();
    const d = this.after.figures();
    return { claims: this.claims, baseline: b, draft: d, deltaYuan: d.totalYuan - b.totalYuan };
  }
}

class Summer {
  private totalYuan = 0;
  private granted = 0;
  private readonly byItem: Record<string, Tally> = {};
  private readonly byCounty: Record<string, Tally> = {};
  private readonly bySource = { city: 0, county: 0 };
  private readonly byYear: Record<string, Tally & { cityYuan: number }> = {};

  add(group: ClaimGroup, decisions: readonly Granted[]): void {
    const county = group.organization.county;
    for (const d of decisions) {
      if (d.amountYuan <= 0) continue;
      const amount = d.amountYuan;
      this.totalYuan += amount;
      this.granted += 1;
      tally(this.byItem, d.item, amount);
      tally(this.byCounty, county, amount);
      const city = d.fundingSource === "city";
      if (city) this.bySource.city += amount;
      else this.bySource.county += amount;
      const year = submissionYear(d.claim.submittedAt);
      let y = this.byYear[year];
      if (!y) {
        y = { count: 0, amountYuan: 0, cityYuan: 0 };
        this.byYear[year] = y;
      }
      y.count += 1;
      y.amountYuan += amount;
      if (city) y.cityYuan += amount;
    }
  }

  figures(): Figures {
    return {
      totalYuan: this.totalYuan,
      granted: this.granted,
      byItem: this.byItem,
      byCounty: this.byCounty,
      bySource: this.bySource,
      byYear: this.byYear,
    };
  }
}

function tally(into: Record<string, Tally>, key: string, amount: number): void {
  const t = into[key];
  if (t) {
    t.count += 1;
    t.amountYuan += amount;
  } else {
    into[key] = { count: 1, amountYuan: amount };
  }
}

/** The Beijing-time year of an ISO instant (UTC "…Z" read from its text; others parsed). */
function submissionYear(instant: string): string {
  if (instant.length >= 20 && instant.endsWith("Z") && instant[4] === "-") {
    // Only the last eight hours of 31 December UTC are already the next year in Beijing.
    if (instant.slice(5, 10) !== "12-31" || instant.slice(11, 13) < "16")
      return instant.slice(0, 4);
  }
  return String(new Date(Date.parse(instant) + 8 * 3_600_000).getUTCFullYear());
}
