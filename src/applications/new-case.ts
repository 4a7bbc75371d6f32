import { beijingToday } from "../clock.ts";
import type { Context } from "../context.ts";
import { nextCounter, reserveCounter } from "../db/counters.ts";
import type { Tx } from "../db/database.ts";
import type { ApplicationTable, OrganizationTable } from "../db/schema.ts";
import type { State } from "./states.ts";

/** The next case number of the year (Beijing): QI-2026-000001. */
export async function nextCaseNumber(trx: Tx, ctx: Pick<Context, "now">): Promise<string> {
  const year = Number(beijingToday(ctx).slice(0, 4));
  const seq = await nextCounter(trx, `application_number:${year}`);
  return `QI-${year}-${String(seq).padStart(6, "0")}`;
}

/** `n` new case numbers at once, in order (a roster's offers). */
export async function nextCaseNumbers(
  trx: Tx,
  ctx: Pick<Context, "now">,
  n: number,
): Promise<string[]> {
  if (n === 0) return [];
  const year = Number(beijingToday(ctx).slice(0, 4));
  const first = await reserveCounter(trx, `application_number:${year}`, n);
  return Array.from({ length: n }, (_, i) => `QI-${year}-${String(first + i).padStart(6, "0")}`);
}

/**
 * The row of a new case of `org`, before the engine has decided it: a draft an enterprise
 * starts, or an offer made from a roster (免申即享).
 */
export function newCaseRow(
  org: Pick<OrganizationTable, "id" | "county">,
  claim: {
    readonly item: string;
    readonly subject: string;
    readonly project: string | null;
    readonly eventDate: string;
    readonly facts: Readonly<Record<string, unknown>>;
  },
  fields: { id: string; number: string; state: State; createdBy: string; at: string },
): ApplicationTable {
  return {
    id: fields.id,
    number: fields.number,
    organization_id: org.id,
    county: org.county,
    item: claim.item,
    subject: claim.subject,
    project: claim.project,
    event_date: claim.eventDate,
    facts: JSON.stringify(claim.facts),
    state: fields.state,
    submitted_at: null,
    submission_seq: null,
    policy_id: null,
    expected_amount: null,
    funding_source: null,
    last_comment: null,
    created_by: fields.createdBy,
    created_at: fields.at,
    updated_at: fields.at,
    version: 1,
  };
}
