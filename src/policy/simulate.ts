import { evaluate } from "./evaluate.ts";
import type { PolicyRegistry } from "./registry.ts";
import type { Claim, Decision, Organization } from "./types.ts";

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
): Simulation {
  const simulator = new Simulator(baseline, draft);
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
  ) {}

  add(group: ClaimGroup): void {
    this.claims += group.claims.length;
    this.before.add(group, evaluate(this.baseline, group.organization, group.claims).decisions);
    this.after.add(group, evaluate(this.draft, group.organization, group.claims).decisions);
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

  add(group: ClaimGroup, decisions: readonly Decision[]): void {
    const county = group.organization.county;
    for (let i = 0; i < decisions.length; i++) {
      const d = decisions[i] as Decision;
      if (d.amountYuan <= 0) continue;
      const amount = d.amountYuan;
      this.totalYuan += amount;
      this.granted += 1;
      tally(this.byItem, d.item, amount);
      tally(this.byCounty, county, amount);
      const city = d.fundingSource === "city";
      if (city) this.bySource.city += amount;
      else this.bySource.county += amount;
      const year = submissionYear((group.claims[i] as Claim).submittedAt);
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
