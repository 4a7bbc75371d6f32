import type { Context } from "../context.ts";
import type { DB, Tx } from "../db/database.ts";
import type { ApplicationTable, OrganizationTable } from "../db/schema.ts";
import { evaluate } from "../policy/evaluate.ts";
import {
  evaluateSupplements,
  type SupplementDecision,
  type SupplementEvaluation,
} from "../policy/supplements.ts";
import type { Claim, Decision } from "../policy/types.ts";
import { subjectKey } from "./application-input.ts";
import { grantsElsewhere, liveCasesOf } from "./applications-repository.ts";
import { LIVE_STATES } from "./states.ts";

function toClaim(row: ApplicationTable, submittedAt: string): Claim {
  return {
    id: row.number,
    item: row.item,
    subject: subjectKey(row.subject),
    project: row.project ?? undefined,
    eventDate: row.event_date,
    submittedAt,
    facts: JSON.parse(row.facts) as Record<string, unknown>,
  };
}

/**
 * Runs the engine for one case against all the organization's live cases (first applied, caps)
 * and the grants of every other organization (pay once across the system). A case not yet
 * submitted is placed as if submitted at `asOf`.
 */
export async function evaluateCase(
  ctx: Context,
  db: DB | Tx,
  organization: OrganizationTable,
  application: ApplicationTable,
  asOf: string,
): Promise<Decision> {
  return (await evaluateCaseParts(ctx, db, organization, application, asOf)).decision;
}

/** A county supporting pack's decision of the case (四（三）), beside the city's. */
export interface CaseSupplement {
  readonly policy: SupplementEvaluation["policy"];
  readonly decision: SupplementDecision;
}

/**
 * The city's decision of the case and, when its county has supporting packs in force that know
 * the item, each such pack's decision of it, decided beside the city's (配套 or 就高不重复).
 */
export async function evaluateCaseParts(
  ctx: Context,
  db: DB | Tx,
  organization: OrganizationTable,
  application: ApplicationTable,
  asOf: string,
): Promise<{ decision: Decision; supplements: CaseSupplement[] }> {
  const cases = await liveCasesOf(db, organization.id, LIVE_STATES);
  // Grants keep the subject's folded key (pay once compares on it).
  const prior = await grantsElsewhere(
    db,
    organization.id,
    [...cases, application].map((c) => ({ item: c.item, subject: subjectKey(c.subject) })),
  );
  return evaluateAgainst(ctx, organization, application, asOf, { cases, prior });
}

/** What a case is decided against: the organization's live cases and everyone else's grants. */
export interface CaseHistory {
  readonly cases: readonly ApplicationTable[];
  readonly prior: readonly { item: string; subject: string; number: string }[];
}

/**
 * The decision of a case against a history already read (many cases of many organizations decided
 * in one pass, as a roster's offers are): the same as evaluateCaseParts.
 */
export function evaluateAgainst(
  ctx: Pick<Context, "registry">,
  organization: Pick<OrganizationTable, "uscc" | "name" | "county">,
  application: ApplicationTable,
  asOf: string,
  history: CaseHistory,
  /** Whether the decision carries its trace (the checks made); a roster's offers keep none. */
  trace = true,
): { decision: Decision; supplements: CaseSupplement[] } {
  const claims = history.cases
    .filter((c) => c.id !== application.id)
    .map((c) => toClaim(c, c.submitted_at as string));
  claims.push(toClaim(application, application.submitted_at ?? asOf));
  const items = new Set(claims.map((c) => c.item));
  const org = { uscc: organization.uscc, name: organization.name, county: organization.county };
  const evaluation = evaluate(ctx.registry, org, claims, {
    trace,
    priorGrants: history.prior
      .filter((g) => items.has(g.item))
      .map((g) => ({ item: g.item, subject: g.subject, claim: g.number })),
  });
  const decision = evaluation.decisions[evaluation.decisions.length - 1] as Decision;
  const supplements: CaseSupplement[] = [];
  for (const s of evaluateSupplements(ctx.registry, org, claims, evaluation)) {
    const own = s.decisions.find((d) => d.claim === decision.claim);
    if (own) supplements.push({ policy: s.policy, decision: own });
  }
  return { decision, supplements };
}
