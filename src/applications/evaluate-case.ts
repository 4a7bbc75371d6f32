import type { Context } from "../context.ts";
import type { DB, Tx } from "../db/database.ts";
import type { ApplicationTable, OrganizationTable } from "../db/schema.ts";
import { evaluate } from "../policy/evaluate.ts";
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
  const cases = await liveCasesOf(db, organization.id, LIVE_STATES);
  const claims = cases
    .filter((c) => c.id !== application.id)
    .map((c) => toClaim(c, c.submitted_at as string));
  claims.push(toClaim(application, application.submitted_at ?? asOf));
  const prior = await grantsElsewhere(db, organization.id, [...new Set(claims.map((c) => c.item))]);
  const evaluation = evaluate(
    ctx.registry,
    { uscc: organization.uscc, name: organization.name, county: organization.county },
    claims,
    {
      trace: true,
      priorGrants: prior.map((g) => ({ item: g.item, subject: g.subject, claim: g.number })),
    },
  );
  return evaluation.decisions[evaluation.decisions.length - 1] as Decision;
}
