import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/roles.ts";
import { budgetFor, SOURCE_NAMES } from "../budgets/budgets.ts";
import { beijingToday, instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { nextCounter } from "../db/counters.ts";
import type { Tx } from "../db/database.ts";
import type { ApplicationTable, OrganizationTable } from "../db/schema.ts";
import { moveMoney, readBudget } from "../ledger/ledger.ts";
import { applyTransition } from "../lifecycle/apply-transition.ts";
import { loadSettings } from "../settings/settings.ts";
import { verifiedAccountOf } from "./awards-repository.ts";

export type AwardOutcome =
  | {
      readonly kind: "awarded";
      readonly awardId: string;
      readonly number: string;
      readonly year: number;
      readonly source: string;
    }
  | { readonly kind: "waiting_budget"; readonly message: string };

/** One pack's part of a case: the city's decision, or a county supporting pack's (四（三）). */
export interface AwardPart {
  readonly amount: number;
  /** "city", or anything else for the organization's county. */
  readonly fundingSource: string;
  readonly policyId: string;
  readonly clause: string;
  readonly supporting: boolean;
}

/** The city pack's part of a case, as its grant and publicity entry fixed it. */
export function cityPart(
  ctx: Context,
  app: ApplicationTable,
  amount: number,
  fundingSource: string,
): AwardPart {
  const item = ctx.registry.itemOf(app.policy_id, app.item, app.event_date);
  return {
    amount,
    fundingSource,
    policyId: app.policy_id ?? "",
    clause: item?.clause ?? "",
    supporting: false,
  };
}

/**
 * Turns one part of a case that passed publicity into an award, inside the caller's transaction:
 * the amount is reserved on the budget the pack named (the city's fund, or the organization's
 * county) in the year of the award. When it does not fit, the case waits with a message naming the budget, what
 * remains and what is asked (or, with the setting on, it is reserved on next year's budget).
 * `actor` is the system for the scheduled close, or the official who asked for it.
 */
export async function awardCase(
  ctx: Context,
  trx: Tx,
  app: ApplicationTable,
  org: OrganizationTable,
  part: AwardPart,
  actor: Actor,
): Promise<AwardOutcome> {
  const amount = part.amount;
  const at = instant(ctx);
  const today = beijingToday(ctx);
  const source = part.fundingSource === "city" ? "city" : org.county;
  const settings = await loadSettings(trx);
  const year = Number(today.slice(0, 4));
  const years = settings["general.queueToNextYear"] ? [year, year + 1] : [year];
  const id = randomUUID();
  let reservedIn: number | null = null;
  const tried: string[] = [];
  for (const y of years) {
    await budgetFor(ctx, trx, { year: y, source }, actor.userId);
    const posted = await moveMoney(
      trx,
      { year: y, source },
      {
        from: "available",
        to: "reserved",
        amount,
        kind: "award",
        awardId: id,
        actorId: actor.userId,
      },
      at,
    );
    if (posted) {
      reservedIn = y;
      break;
    }
    // The guarded update waited for any concurrent award; read what is left now, for the message.
    const after = await readBudget(trx, { year: y, source });
    tried.push(`${y} 年${SOURCE_NAMES(source)}剩余 ${after?.remaining ?? 0} 元`);
  }
  if (reservedIn === null) {
    return {
      kind: "waiting_budget",
      message: `${tried.join("；")}，不足以支付本项奖励 ${amount} 元，待预算调整后再行奖励`,
    };
  }
  const number = `JL-${reservedIn}-${String(await nextCounter(trx, `award_number:${reservedIn}`)).padStart(6, "0")}`;
  await applyTransition(trx, ctx, actor, "award", id, "create", {
    create: {
      id,
      number,
      application_id: app.id,
      organization_id: org.id,
      item: app.item,
      clause: part.clause,
      amount,
      year: reservedIn,
      source,
      awarded_on: today,
      paid_on: null,
      reversal_reason: null,
      created_at: at,
      // The account finance verified for the organization, fixed now (null until one is).
      bank_account_id: await verifiedAccountOf(trx, org.id),
      policy_id: part.policyId,
      supporting: part.supporting ? 1 : 0,
      county: app.county,
    },
    scope: { organizationId: org.id, county: org.county },
    data: {
      number,
      application: app.number,
      amount,
      year: reservedIn,
      source,
      ...(part.supporting ? { policy: part.policyId } : {}),
    },
  });
  return { kind: "awarded", awardId: id, number, year: reservedIn, source };
}
