import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { appendAudit } from "../audit/audit-log.ts";
import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { budgetFor, SOURCE_NAMES } from "../budgets/budgets.ts";
import { beijingToday, instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { nextCounter } from "../db/counters.ts";
import { inTransaction, type Tx } from "../db/database.ts";
import type { ApplicationTable, OrganizationTable } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { idempotent } from "../ledger/idempotency.ts";
import { moveMoney, readBudget } from "../ledger/ledger.ts";
import { loadSettings } from "../settings/settings.ts";

/** The states of an award, as officials read them. */
export const AWARD_STATE_NAMES: Record<string, string> = {
  reserved: "待拨付",
  paid: "已拨付",
  cancelled: "已撤销",
  reversed: "已追回",
};

export type AwardOutcome =
  | {
      readonly kind: "awarded";
      readonly awardId: string;
      readonly number: string;
      readonly year: number;
      readonly source: string;
    }
  | { readonly kind: "waiting_budget"; readonly message: string };

/**
 * Turns a case that passed publicity into an award: the amount is reserved on the budget the
 * engine named (the city's fund, or the organization's county) in the year of the award. When
 * it does not fit, the case waits with a message naming the budget, what remains and what is
 * asked (or, with the setting on, it is reserved on next year's budget).
 */
export async function awardCase(
  ctx: Context,
  trx: Tx,
  app: ApplicationTable,
  org: OrganizationTable,
  amount: number,
  fundingSource: string,
  actorId: string,
): Promise<AwardOutcome> {
  const at = instant(ctx);
  const today = beijingToday(ctx);
  const source = fundingSource === "city" ? "city" : org.county;
  const settings = await loadSettings(trx);
  const year = Number(today.slice(0, 4));
  const years = settings["general.queueToNextYear"] ? [year, year + 1] : [year];
  const id = randomUUID();
  let reservedIn: number | null = null;
  const tried: string[] = [];
  for (const y of years) {
    await budgetFor(ctx, trx, { year: y, source }, actorId);
    const posted = await moveMoney(
      trx,
      { year: y, source },
      { from: "available", to: "reserved", amount, kind: "award", awardId: id, actorId },
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
  const item = ctx.registry.packs.map((p) => p.items.get(app.item)).find((i) => i !== undefined);
  const number = `JL-${reservedIn}-${String(await nextCounter(trx, `award_number:${reservedIn}`)).padStart(6, "0")}`;
  await trx
    .insertInto("awards")
    .values({
      id,
      number,
      application_id: app.id,
      organization_id: org.id,
      item: app.item,
      clause: item?.clause ?? "",
      amount,
      year: reservedIn,
      source,
      state: "reserved",
      awarded_on: today,
      paid_on: null,
      reversal_reason: null,
      created_at: at,
      // The account finance verified for the organization, fixed now (null until one is).
      bank_account_id: sql<string | null>`(select id from bank_accounts
        where organization_id = ${org.id} and state = 'verified')`,
    })
    .execute();
  return { kind: "awarded", awardId: id, number, year: reservedIn, source };
}

export async function listAwards(
  ctx: Context,
  actor: Actor,
  f: { year?: number | undefined; source?: string | undefined; state?: string | undefined },
) {
  requireAccess(actor, "award.read");
  let q = ctx.database.db
    .selectFrom("awards")
    .innerJoin("organizations", "organizations.id", "awards.organization_id")
    .selectAll("awards")
    .select([
      "organizations.name as organization_name",
      "organizations.uscc as uscc",
      "organizations.county as county",
    ])
    .orderBy("awards.number");
  if (f.year) q = q.where("awards.year", "=", f.year);
  if (f.source) q = q.where("awards.source", "=", f.source);
  if (f.state) q = q.where("awards.state", "=", f.state);
  if (actor.role === "finance" && actor.county) q = q.where("awards.source", "=", actor.county);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    applicationId: r.application_id,
    organization: {
      id: r.organization_id,
      name: r.organization_name,
      uscc: r.uscc,
      county: r.county,
    },
    item: r.item,
    clause: r.clause,
    amount: Number(r.amount),
    year: r.year,
    source: r.source,
    state: r.state,
    awardedOn: r.awarded_on,
    paidOn: r.paid_on,
    reversalReason: r.reversal_reason,
  }));
}

/**
 * Revokes an award (e.g. false materials): the reverse entries release the reservation or, after
 * payment, book the recovered money back to the budget; the case is rejected and its grant freed.
 */
export async function reverseAward(
  ctx: Context,
  actor: Actor,
  awardId: string,
  reason: string,
  idempotencyKey: string,
) {
  if (!reason.trim()) throw new AppError("missing_field", "撤销奖励须填写理由", "reason");
  const at = instant(ctx);
  return inTransaction(ctx.database, async (trx) => {
    const award = await trx
      .selectFrom("awards")
      .selectAll()
      .where("id", "=", awardId)
      .executeTakeFirst();
    requireAccess(
      actor,
      "award.reverse",
      { county: award?.source === "city" ? null : (award?.source ?? null) },
      { type: "award", id: awardId },
    );
    if (!award) throw new AppError("not_found", "奖励不存在", "id");
    const { result } = await idempotent(
      trx,
      idempotencyKey,
      { op: "award.reverse", awardId, reason },
      at,
      async () => {
        if (award.state !== "reserved" && award.state !== "paid") {
          throw new AppError(
            "invalid_state",
            `奖励 ${award.number} 已${award.state === "cancelled" ? "撤销" : "追回"}`,
            "id",
          );
        }
        const pending = await trx
          .selectFrom("payment_lines")
          .select("id")
          .where("award_id", "=", awardId)
          .where("state", "=", "pending")
          .executeTakeFirst();
        if (pending)
          throw new AppError("invalid_state", "该奖励在待拨付批次中，请先登记拨付结果", "id");
        const key = { year: award.year, source: award.source };
        const from = award.state === "paid" ? "paid" : "reserved";
        const posted = await moveMoney(
          trx,
          key,
          {
            from,
            to: "available",
            amount: Number(award.amount),
            kind: "award.reverse",
            awardId,
            actorId: actor.userId,
            note: reason,
          },
          at,
        );
        if (!posted) throw new AppError("conflict", "预算余额与奖励不符，不能撤销", "id");
        const state = award.state === "paid" ? "reversed" : "cancelled";
        await trx
          .updateTable("awards")
          .set({ state, reversal_reason: reason })
          .where("id", "=", awardId)
          .execute();
        await trx
          .updateTable("applications")
          .set({ state: "rejected", last_comment: reason, updated_at: at })
          .where("id", "=", award.application_id)
          .execute();
        await releaseGrant(ctx, trx, award.application_id);
        await appendAudit(trx, ctx.database.dialect, at, {
          actorId: actor.userId,
          actorRole: actor.role,
          action: "award.reverse",
          targetType: "award",
          targetId: awardId,
          before: { state: award.state },
          after: { state, reason },
          ip: actor.ip,
          outcome: "success",
        });
        return { id: awardId, state };
      },
    );
    return result;
  });
}

/** Frees a case's grant (pay once, project, cap) when the case is rejected after approval. */
export async function releaseGrant(ctx: Context, trx: Tx, applicationId: string): Promise<void> {
  const grant = await trx
    .selectFrom("grants")
    .selectAll()
    .where("application_id", "=", applicationId)
    .executeTakeFirst();
  if (!grant) return;
  await trx.deleteFrom("grants").where("application_id", "=", applicationId).execute();
  const cap = ctx.registry.pack(grant.policy_id)?.items.get(grant.item)?.cap;
  if (!cap) return;
  await trx
    .updateTable("cap_usage")
    .set((eb) => ({ used: eb("used", "-", grant.amount) }))
    .where("organization_id", "=", grant.organization_id)
    .where("policy_id", "=", grant.policy_id)
    .where("cap_id", "=", cap.id)
    .execute();
}
