import { randomUUID } from "node:crypto";
import { subjectKey } from "../applications/application-input.ts";
import { grantsOfItems, liveCasesOfMany } from "../applications/applications-repository.ts";
import { evaluateAgainst } from "../applications/evaluate-case.ts";
import { newCaseRow, nextCaseNumbers } from "../applications/new-case.ts";
import { LIVE_STATES } from "../applications/states.ts";
import type { Actor } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import type { Tx } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { createRecords, type NewRecord } from "../lifecycle/apply-transition.ts";
import { organizationRowsById } from "../organizations/organizations-repository.ts";

/** The claim a roster row stands for, as the import read it or as it was stored. */
export interface OfferClaim {
  readonly row: number;
  readonly item: string;
  readonly subject: string;
  readonly eventDate: string;
  readonly facts: Readonly<Record<string, unknown>>;
}

export interface Decided {
  readonly decision: "offered" | "refused";
  readonly reason: string | null;
  /** The code of the engine's first reason for a refusal (condition_not_met, cap_reached…). */
  readonly reasonCode: string | null;
  readonly application: { id: string; number: string } | null;
}

/**
 * The engine decides roster rows' claims, each for its organization against its history (its
 * live cases, first applied, caps; the grants of everyone else, pay once) as if applied for now;
 * a grant becomes an offer (a case 待确认, pre-filled, through the one writer's bulk creation),
 * waiting for the organization to confirm; a refusal keeps the engine's reasons. The histories
 * are read once for all the rows: offers are not live cases (they hold no place until
 * confirmed) and make no grants, so one row's offer never changes another's decision.
 */
export async function makeOffers(
  ctx: Context,
  trx: Tx,
  actor: Actor,
  entries: readonly { organizationId: string; claim: OfferClaim }[],
  now: string,
  importNumber: string,
): Promise<Decided[]> {
  if (entries.length === 0) return [];
  const orgIds = [...new Set(entries.map((e) => e.organizationId))];
  const [orgs, cases] = await Promise.all([
    organizationRowsById(trx, orgIds),
    liveCasesOfMany(trx, orgIds, LIVE_STATES),
  ]);
  // Pay once compares item and subject: the grants of every item the claims and the
  // organizations' live cases name, by item and subject (each grant once).
  const items = new Set(entries.map((e) => e.claim.item));
  for (const list of cases.values()) for (const c of list) items.add(c.item);
  const bySubject = new Map<string, Awaited<ReturnType<typeof grantsOfItems>>>();
  for (const g of await grantsOfItems(trx, [...items])) {
    const key = `${g.item}\u0000${g.subject}`;
    const list = bySubject.get(key);
    if (list) list.push(g);
    else bySubject.set(key, [g]);
  }
  /** Everyone else's grants of the items and subjects of these claims. */
  const priorOf = (orgId: string, claims: readonly { item: string; subject: string }[]) =>
    claims.flatMap((c) =>
      (bySubject.get(`${c.item}\u0000${subjectKey(c.subject)}`) ?? []).filter(
        (g) => g.organization_id !== orgId,
      ),
    );

  const granted: {
    index: number;
    row: ReturnType<typeof newCaseRow>;
    amount: number;
    decision: ReturnType<typeof evaluateAgainst>["decision"];
    org: { id: string; county: string };
  }[] = [];
  const out: Decided[] = entries.map((e, index) => {
    const org = orgs.get(e.organizationId);
    if (!org) throw new AppError("not_found", `组织不存在（名单第 ${e.claim.row} 行）`, "file");
    const row = newCaseRow(
      org,
      { ...e.claim, project: null },
      { id: randomUUID(), number: "", state: "offered", createdBy: actor.userId, at: now },
    );
    const own = cases.get(org.id) ?? [];
    const { decision } = evaluateAgainst(
      ctx,
      org,
      row,
      now,
      { cases: own, prior: priorOf(org.id, [row, ...own]) },
      false,
    );
    if (decision.amountYuan <= 0) {
      return {
        decision: "refused",
        reason: decision.reasons.map((x) => x.message).join("；") || "政策引擎不予核定",
        reasonCode: decision.reasons[0]?.code ?? null,
        application: null,
      };
    }
    granted.push({ index, row, amount: decision.amountYuan, decision, org });
    return { decision: "offered", reason: null, reasonCode: null, application: null };
  });

  const numbers = await nextCaseNumbers(trx, ctx, granted.length);
  const records: NewRecord[] = granted.map((g, i) => {
    const number = numbers[i] as string;
    const claim = (entries[g.index] as (typeof entries)[number]).claim;
    const {
      state: _state,
      version: _version,
      ...created
    } = {
      ...g.row,
      number,
      policy_id: g.decision.policy,
      expected_amount: g.amount,
      funding_source: g.decision.fundingSource,
    };
    out[g.index] = {
      decision: "offered",
      reason: null,
      reasonCode: null,
      application: { id: g.row.id, number },
    };
    return {
      create: created,
      scope: { organizationId: g.org.id, county: g.org.county },
      comment: `名单 ${importNumber} 第 ${claim.row} 行`,
      data: { number, item: claim.item, subject: claim.subject, amount: g.amount },
      // Kept without its trace: the confirmation decides the case again and keeps that one's.
      decision: { policy: g.decision.policy, amount: g.amount, json: JSON.stringify(g.decision) },
    };
  });
  await createRecords(trx, ctx, actor, "application", "offer", records);
  return out;
}

/** One row's offer (an official's confirmed name match): makeOffers of one. */
export async function makeOffer(
  ctx: Context,
  trx: Tx,
  actor: Actor,
  organizationId: string,
  claim: OfferClaim,
  now: string,
  importNumber: string,
): Promise<Decided> {
  const [decided] = await makeOffers(
    ctx,
    trx,
    actor,
    [{ organizationId, claim }],
    now,
    importNumber,
  );
  return decided as Decided;
}
