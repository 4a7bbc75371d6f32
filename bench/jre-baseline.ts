/**
 * The baseline: the same policy as json-rules-engine rules, used the way that library is meant to
 * be used — one Engine built once, rules made of JSON conditions over facts, events that carry the
 * outcome, rule chaining through runtime facts, and the reasons read from the rule results.
 *
 * The rules are generated from the pack data (`registry.current.itemList`, caps, funding), so the
 * baseline and our engine read the same amounts, conditions and windows. The semantics are those
 * of src/policy/evaluate.ts:
 *
 * - priority 100, catalog and matching: one rule per fixed item (`item` equal, checked first; the
 *   validity window — the pack period, or the item's own window when its `when` holds; and the
 *   item's conditions, all evaluated so that every failure is reported), one rule per competitive
 *   item (not_fixed_reward) and one for ids not in the pack (unknown_item). A matching item rule
 *   sets the runtime facts `eligible`, `amount` and `capId` for the rules below (rule chaining);
 * - priority 50, pay once: the claim's item+subject is among the subjects already granted;
 * - priority 40, same project: the claim's project is among the projects of granted claims;
 * - priority 30, cap: the remaining cap (a dynamic fact) is used up, or smaller than the amount;
 * - priority 20, funding: the county is in 台州市区 (or 台州湾新区), or the item is city-funded;
 * - priority 10, grant.
 *
 * The glue code runs the engine once per claim, in `submittedAt` order (Date.parse, then any digits
 * past the millisecond, then the claim id, as evaluate.ts orders them), and folds the state
 * between runs: the subjects granted, the projects granted, the cap used.
 */
import {
  type Almanac,
  Engine,
  type Event,
  type EventHandler,
  type RuleProperties,
  type RuleResult,
} from "json-rules-engine";
import type { Condition } from "../src/policy/conditions.ts";
import type { PolicyItem } from "../src/policy/pack.ts";
import type { DatedParameter } from "../src/policy/parameters.ts";
import type { PolicyRegistry } from "../src/policy/registry.ts";
import type { Claim, Organization, ReasonCode } from "../src/policy/types.ts";

/** The decision shape both sides are compared on. */
export interface BaselineDecision {
  readonly claim: string;
  readonly status: "granted" | "partial" | "refused";
  readonly amountYuan: number;
  readonly fundingSource: "city" | "county" | null;
  readonly reasons: readonly ReasonCode[];
}

/** json-rules-engine's condition JSON (its own types for nested conditions are not exported). */
type JreCondition =
  | {
      fact: string;
      operator: string;
      value: unknown;
      priority?: number;
      name?: string;
    }
  | { all: JreCondition[]; priority?: number; name?: string }
  | { any: JreCondition[]; priority?: number; name?: string }
  | { not: JreCondition; priority?: number; name?: string };

interface JreRule {
  name: string;
  priority: number;
  conditions: { all: JreCondition[] };
  event: Event;
  onSuccess?: EventHandler;
}

/** Fact ids the glue supplies; an item fact must not use one of them. */
const RESERVED_FACTS = [
  "item",
  "eventDay",
  "subjectKey",
  "project",
  "county",
  "grantedSubjects",
  "grantedProjects",
  "capUsed",
  "eligible",
  "blocked",
  "amount",
  "capId",
  "capRemaining",
];

/** `YYYY-MM-DD` → the number YYYYMMDD, so the date conditions use the numeric operators. */
const dayNumber = (date: string): number =>
  Number(date.slice(0, 4)) * 10000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));

/** This baseline handles parameters with one value in force for the whole pack, as in the pack. */
function single<T>(parameter: DatedParameter<T>, effective: string, what: string): T {
  const [only, ...rest] = parameter;
  if (!only || rest.length > 0 || only.from > effective) {
    throw new Error(`baseline: ${what} must have exactly one value from the pack's first day`);
  }
  return only.value;
}

function toJre(condition: Condition): JreCondition {
  switch (condition.kind) {
    case "equals":
      return { fact: condition.fact, operator: "equal", value: condition.value };
    case "oneOf":
      return { fact: condition.fact, operator: "in", value: [...condition.values] };
    case "atLeast":
      return { fact: condition.fact, operator: "integerAtLeast", value: condition.value };
    case "when":
      return { any: [{ not: toJre(condition.if) }, toJre(condition.require)] };
  }
}

function dateRange(start: string, end: string): JreCondition[] {
  return [
    { fact: "eventDay", operator: "greaterThanInclusive", value: dayNumber(start) },
    { fact: "eventDay", operator: "lessThanInclusive", value: dayNumber(end) },
  ];
}

const eligible: JreCondition = { fact: "eligible", operator: "equal", value: true, priority: 10 };
const notBlocked: JreCondition = {
  fact: "blocked",
  operator: "notEqual",
  value: true,
  priority: 10,
};

const setFacts =
  (facts: Record<string, unknown>) =>
  (_event: Event, almanac: Almanac): void => {
    for (const [id, value] of Object.entries(facts)) almanac.addRuntimeFact(id, value);
  };

export class JreBaseline {
  readonly engine: Engine;
  readonly rules: number;

  constructor(registry: PolicyRegistry) {
    const pack = registry.current;
    const governed = registry.periods[0];
    if (registry.periods.length !== 1 || governed?.pack !== pack) {
      throw new Error("baseline: one pack expected");
    }

    const engine = new Engine([], { allowUndefinedFacts: true, replaceFactsInEventParams: true });
    engine.addOperator<unknown, number>(
      "integerAtLeast",
      (a, b) => typeof a === "number" && Number.isInteger(a) && a >= b,
    );

    const capLimits = new Map<string, number>();
    for (const cap of pack.caps) capLimits.set(cap.id, single(cap.limit, pack.effective, cap.id));
    engine.addFact<Promise<number>>("capRemaining", async (_params, almanac) => {
      const capId = await almanac.factValue<string | undefined>("capId");
      const limit = capId === undefined ? undefined : capLimits.get(capId);
      if (capId === undefined || limit === undefined) return Number.POSITIVE_INFINITY;
      const used = (await almanac.factValue<Record<string, number>>("capUsed"))[capId] ?? 0;
      return Math.max(0, limit - used);
    });

    let rules = 0;
    const add = (rule: JreRule): void => {
      // The library's types for nested conditions are not exported; JreCondition is their shape.
      engine.addRule(rule as unknown as RuleProperties);
      rules++;
    };

    // ── catalog and matching (priority 100) ──
    add({
      name: "catalog:unknown",
      priority: 100,
      conditions: {
        all: [{ fact: "item", operator: "notIn", value: pack.itemList.map((i) => i.id) }],
      },
      event: { type: "refused", params: { code: "unknown_item" } },
    });
    for (const item of pack.itemList) {
      for (const fact of Object.keys(item.facts)) {
        if (RESERVED_FACTS.includes(fact)) throw new Error(`baseline: fact ${fact} is reserved`);
      }
      if (item.kind === "competitive") {
        add({
          name: `item:${item.id}`,
          priority: 100,
          conditions: { all: [{ fact: "item", operator: "equal", value: item.id }] },
          event: { type: "refused", params: { code: "not_fixed_reward" } },
        });
        continue;
      }
      const amount = single(item.amount ?? [], pack.effective, `${item.id} amount`);
      add({
        name: `item:${item.id}`,
        priority: 100,
        conditions: {
          all: [
            { fact: "item", operator: "equal", value: item.id, priority: 10 },
            { ...validity(item, governed.start, governed.end, pack.effective), name: "validity" },
            ...item.conditions.map((c, i) => ({ ...toJre(c), name: `condition:${i}` })),
          ],
        },
        event: { type: "eligible", params: { item: item.id, amount, capId: item.cap?.id ?? null } },
        onSuccess: setFacts({ eligible: true, amount, capId: item.cap?.id }),
      });
    }

    // ── allocation (priorities 50..10), chained on `eligible` ──
    add({
      name: "pay-once",
      priority: 50,
      conditions: {
        all: [eligible, { fact: "subjectKey", operator: "in", value: { fact: "grantedSubjects" } }],
      },
      event: { type: "refused", params: { code: "already_granted" } },
      onSuccess: setFacts({ blocked: true }),
    });
    add({
      name: "same-project",
      priority: 40,
      conditions: {
        all: [
          eligible,
          notBlocked,
          { fact: "project", operator: "in", value: { fact: "grantedProjects" } },
        ],
      },
      event: { type: "refused", params: { code: "same_project" } },
      onSuccess: setFacts({ blocked: true }),
    });
    add({
      name: "cap-exhausted",
      priority: 30,
      conditions: {
        all: [
          eligible,
          notBlocked,
          { fact: "capRemaining", operator: "lessThanInclusive", value: 0 },
        ],
      },
      event: { type: "refused", params: { code: "cap_reached" } },
      onSuccess: setFacts({ blocked: true }),
    });
    add({
      name: "cap-partial",
      priority: 30,
      conditions: {
        all: [
          eligible,
          notBlocked,
          { fact: "capRemaining", operator: "greaterThan", value: 0 },
          { fact: "capRemaining", operator: "lessThan", value: { fact: "amount" } },
        ],
      },
      event: {
        type: "partial",
        params: { code: "cap_reached", amountYuan: { fact: "capRemaining" } },
      },
    });
    add({
      name: "city-funding",
      priority: 20,
      conditions: {
        all: [
          eligible,
          notBlocked,
          {
            any: [
              { fact: "county", operator: "in", value: [...pack.funding.cityCounties] },
              {
                fact: "item",
                operator: "in",
                value: pack.itemList.filter((i) => i.alwaysCityFunded).map((i) => i.id),
              },
            ],
          },
        ],
      },
      event: { type: "funding", params: { source: "city" } },
    });
    add({
      name: "grant",
      priority: 10,
      conditions: { all: [eligible, notBlocked] },
      event: { type: "granted", params: { amountYuan: { fact: "amount" } } },
    });

    this.engine = engine;
    this.rules = rules;
  }

  /** Decides an organization's claims, in the order of `claims`. */
  async evaluate(
    organization: Organization,
    claims: readonly Claim[],
  ): Promise<BaselineDecision[]> {
    const order = claims.map((claim, index) => ({
      claim,
      index,
      at: Date.parse(claim.submittedAt),
      sub: pastMillisecond(claim.submittedAt),
    }));
    order.sort((a, b) =>
      a.at !== b.at
        ? a.at - b.at
        : a.sub !== b.sub
          ? a.sub - b.sub
          : a.claim.id < b.claim.id
            ? -1
            : a.claim.id > b.claim.id
              ? 1
              : 0,
    );

    // The state folded between runs.
    const grantedSubjects: string[] = [];
    const grantedProjects: string[] = [];
    const capUsed: Record<string, number> = {};

    const decisions = new Array<BaselineDecision>(claims.length);
    for (const { claim, index } of order) {
      const subjectKey = `${claim.item}\u0000${claim.subject}`;
      const facts: Record<string, unknown> = {
        ...claim.facts,
        item: claim.item,
        eventDay: dayNumber(claim.eventDate),
        subjectKey,
        county: organization.county,
        grantedSubjects,
        grantedProjects,
        capUsed,
        eligible: false,
        blocked: false,
      };
      if (claim.project !== undefined) facts.project = claim.project;
      const { events, failureResults } = await this.engine.run(facts);

      let refusedCode: ReasonCode | undefined;
      let capId: string | null = null;
      let granted: number | undefined;
      let partial: number | undefined;
      let city = false;
      for (const event of events) {
        const params = event.params ?? {};
        switch (event.type) {
          case "refused":
            refusedCode = params.code as ReasonCode;
            break;
          case "eligible":
            capId = params.capId as string | null;
            break;
          case "partial":
            partial = params.amountYuan as number;
            break;
          case "funding":
            city = true;
            break;
          case "granted":
            granted = params.amountYuan as number;
            break;
        }
      }

      let decision: BaselineDecision;
      if (refusedCode !== undefined) {
        decision = refusal(claim, [refusedCode]);
      } else if (granted !== undefined) {
        const amountYuan = partial ?? granted;
        decision = {
          claim: claim.id,
          status: partial !== undefined ? "partial" : "granted",
          amountYuan,
          fundingSource: city ? "city" : "county",
          reasons: partial !== undefined ? ["cap_reached"] : [],
        };
        grantedSubjects.push(subjectKey);
        if (claim.project !== undefined) grantedProjects.push(claim.project);
        if (capId !== null) capUsed[capId] = (capUsed[capId] ?? 0) + amountYuan;
      } else {
        // The item rule failed: its rule result says which conditions did.
        decision = refusal(claim, whyNot(failureResults, claim.item));
      }
      decisions[index] = decision;
    }
    return decisions;
  }
}

/**
 * The validity condition: the first of the item's windows whose `when` holds, else the pack's
 * period. Windows are read once: this baseline supports one value per window (as in the pack).
 */
function validity(item: PolicyItem, start: string, end: string, effective: string): JreCondition {
  const branches: JreCondition[] = [];
  const earlier: JreCondition[] = [];
  for (const [i, window] of item.windows.entries()) {
    const period = single(window.period, effective, `${item.id} window ${i}`);
    const when = toJre(window.when);
    branches.push({
      all: [
        ...earlier.map((c): JreCondition => ({ not: c })),
        when,
        ...dateRange(period.start, period.end),
      ],
    });
    earlier.push(when);
  }
  const own = [...earlier.map((c): JreCondition => ({ not: c })), ...dateRange(start, end)];
  if (branches.length === 0) return { all: own };
  return { any: [...branches, { all: own }] };
}

/** The fraction digits past the millisecond, which Date.parse drops (`.0005` → 500 of 1e6). */
function pastMillisecond(instant: string): number {
  const m = /\.\d{3}(\d+)/.exec(instant);
  return m ? Number((m[1] as string).padEnd(6, "0").slice(0, 6)) : 0;
}

function refusal(claim: Claim, reasons: ReasonCode[]): BaselineDecision {
  return { claim: claim.id, status: "refused", amountYuan: 0, fundingSource: null, reasons };
}

function whyNot(failureResults: readonly RuleResult[], item: string): ReasonCode[] {
  const name = `item:${item}`;
  const result = failureResults.find((r) => r.name === name);
  const conditions = result && "all" in result.conditions ? result.conditions.all : [];
  const codes: ReasonCode[] = [];
  for (const c of conditions) {
    const { name: which, result: passed } = c as { name?: string; result?: boolean };
    if (passed !== false || which === undefined) continue;
    if (which === "validity") codes.push("outside_validity");
    else if (which.startsWith("condition:")) codes.push("condition_not_met");
  }
  if (codes.length === 0) throw new Error(`baseline: no reason for the failure of ${name}`);
  return codes;
}
