import type { Tx } from "../db/database.ts";
import type { Action, State } from "./states.ts";

/**
 * A review decision: the case leaves the state in which it waited for a reviewer (submitted for
 * the county's acceptance, county_review, city_review) by the reviewer's accept, approve, return
 * or reject. The dashboard's review times count these (dashboard.ts, review-duration.ts).
 */
export const REVIEW_STATES: readonly State[] = ["submitted", "county_review", "city_review"];
export const REVIEW_ACTIONS: readonly Action[] = ["accept", "approve", "return", "reject"];

export function isReviewDecision(from: State, action: Action): boolean {
  return REVIEW_STATES.includes(from) && REVIEW_ACTIONS.includes(action);
}

/** The instant of a case's latest event: when it came into the state it is in. */
export async function enteredAt(trx: Tx, applicationId: string): Promise<string | null> {
  const row = await trx
    .selectFrom("application_events")
    .select("created_at")
    .where("application_id", "=", applicationId)
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.created_at ?? null;
}

/** Counts one decision by its two Beijing dates, in the decision's transaction. */
export async function countReviewDecision(
  trx: Tx,
  decision: { fromState: State; county: string; startDay: string; decidedDay: string },
): Promise<void> {
  await trx
    .insertInto("review_decision_days")
    .values({
      from_state: decision.fromState,
      county: decision.county,
      start_day: decision.startDay,
      decided_day: decision.decidedDay,
      decisions: 1,
    })
    .onConflict((oc) =>
      oc
        .columns(["from_state", "county", "start_day", "decided_day"])
        .doUpdateSet((eb) => ({ decisions: eb("review_decision_days.decisions", "+", 1) })),
    )
    .execute();
}
