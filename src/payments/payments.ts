import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { appendAudit } from "../audit/audit-log.ts";
import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { checkSource, SOURCE_NAMES } from "../budgets/budgets.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { nextCounter } from "../db/counters.ts";
import { inTransaction } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { idempotent } from "../ledger/idempotency.ts";
import { moveMoney } from "../ledger/ledger.ts";
import { isCivilDate } from "../policy/dates.ts";

const scopeOf = (source: string) => ({ county: source === "city" ? null : source });

/** Finance builds a batch of the unpaid awards of one budget (year × source). */
export async function createPaymentBatch(
  ctx: Context,
  actor: Actor,
  input: { year: number; source: string },
  idempotencyKey: string,
) {
  const source = checkSource(input.source);
  requireAccess(actor, "payment.manage", scopeOf(source));
  const at = instant(ctx);
  return inTransaction(ctx.database, async (trx) => {
    const { result } = await idempotent(
      trx,
      idempotencyKey,
      { op: "payment.batch", ...input },
      at,
      async () => {
        const unpaid = await trx
          .selectFrom("awards")
          .selectAll()
          .where("year", "=", input.year)
          .where("source", "=", source)
          .where("state", "=", "reserved")
          .where((eb) =>
            eb.not(
              eb.exists(
                eb
                  .selectFrom("payment_lines")
                  .select("id")
                  .whereRef("payment_lines.award_id", "=", "awards.id")
                  .where("payment_lines.state", "=", "pending"),
              ),
            ),
          )
          .orderBy("number")
          .execute();
        if (unpaid.length === 0)
          throw new AppError(
            "conflict",
            `${input.year} 年${SOURCE_NAMES(source)}没有待拨付的奖励`,
            "source",
          );
        // Money goes only to an account finance verified: an award whose organization has none
        // stays out of the batch, and the answer says which and why.
        const payable = unpaid.filter((a) => a.bank_account_id !== null);
        const withoutAccount = unpaid.filter((a) => a.bank_account_id === null);
        if (payable.length === 0)
          throw new AppError(
            "conflict",
            `${input.year} 年${SOURCE_NAMES(source)}待拨付的 ${unpaid.length} 笔奖励均无已核实的收款账户（${withoutAccount
              .slice(0, 5)
              .map((a) => a.number)
              .join("、")}${withoutAccount.length > 5 ? " 等" : ""}），请先核实账户`,
            "source",
          );
        const id = randomUUID();
        const number = `BF-${input.year}-${String(await nextCounter(trx, `payment_number:${input.year}`)).padStart(4, "0")}`;
        await trx
          .insertInto("payment_batches")
          .values({
            id,
            number,
            year: input.year,
            source,
            created_by: actor.userId,
            created_at: at,
          })
          .execute();
        for (const award of payable) {
          await trx
            .insertInto("payment_lines")
            .values({
              id: randomUUID(),
              batch_id: id,
              award_id: award.id,
              amount: Number(award.amount),
              state: "pending",
              treasury_ref: null,
              paid_date: null,
              failure_reason: null,
              updated_at: at,
              bank_account_id: award.bank_account_id,
            })
            .execute();
        }
        await appendAudit(trx, ctx.database.dialect, at, {
          actorId: actor.userId,
          actorRole: actor.role,
          action: "payment.batch",
          targetType: "payment_batch",
          targetId: id,
          after: {
            number,
            year: input.year,
            source,
            lines: payable.length,
            total: payable.reduce((s, a) => s + Number(a.amount), 0),
            withoutAccount: withoutAccount.map((a) => a.number),
          },
          ip: actor.ip,
          outcome: "success",
        });
        return {
          id,
          number,
          lines: payable.length,
          withoutAccount: withoutAccount.map((a) => ({
            award: a.number,
            reason: "无已核实的收款账户",
          })),
        };
      },
    );
    return result;
  });
}

/**
 * The payment batches finance may work on: city finance all of them, county finance its
 * county's; with the number of lines and the amounts pending, paid and failed.
 */
export async function listPaymentBatches(
  ctx: Context,
  actor: Actor,
  filter: { year?: number | undefined; source?: string | undefined },
) {
  const source = filter.source ?? actor.county ?? undefined;
  requireAccess(actor, "payment.manage", scopeOf(source ?? "city"));
  let q = ctx.database.db.selectFrom("payment_batches").selectAll();
  if (filter.year !== undefined) q = q.where("year", "=", filter.year);
  if (source !== undefined) q = q.where("source", "=", source);
  const batches = await q.orderBy("created_at", "desc").execute();
  const lines =
    batches.length === 0
      ? []
      : await ctx.database.db
          .selectFrom("payment_lines")
          .select(["batch_id", "state", "amount"])
          .where(
            "batch_id",
            "in",
            batches.map((b) => b.id),
          )
          .execute();
  return batches.map((b) => {
    const own = lines.filter((l) => l.batch_id === b.id);
    const sum = (state: string) =>
      own.filter((l) => l.state === state).reduce((s, l) => s + Number(l.amount), 0);
    return {
      id: b.id,
      number: b.number,
      year: b.year,
      source: b.source,
      createdAt: b.created_at,
      lines: own.length,
      pending: sum("pending"),
      paid: sum("paid"),
      failed: sum("failed"),
    };
  });
}

export async function getPaymentBatch(ctx: Context, actor: Actor, batchId: string) {
  const batch = await ctx.database.db
    .selectFrom("payment_batches")
    .selectAll()
    .where("id", "=", batchId)
    .executeTakeFirst();
  requireAccess(actor, "payment.manage", scopeOf(batch?.source ?? "city"), {
    type: "payment_batch",
    id: batchId,
  });
  if (!batch) throw new AppError("not_found", "拨付批次不存在", "id");
  const lines = await ctx.database.db
    .selectFrom("payment_lines")
    .innerJoin("awards", "awards.id", "payment_lines.award_id")
    .innerJoin("organizations", "organizations.id", "awards.organization_id")
    .leftJoin("bank_accounts", "bank_accounts.id", "payment_lines.bank_account_id")
    .select((eb) => [
      "payment_lines.id as id",
      "payment_lines.state as state",
      "payment_lines.amount as amount",
      "payment_lines.treasury_ref as treasuryRef",
      "payment_lines.paid_date as paidDate",
      "payment_lines.failure_reason as failureReason",
      "awards.number as award",
      "awards.item as item",
      "awards.clause as clause",
      "awards.awarded_on as awardedOn",
      "organizations.name as organization",
      "organizations.uscc as uscc",
      // The account this line was sent with, as verified then; never the organization's latest.
      "bank_accounts.bank_name as bankName",
      "bank_accounts.account as bankAccount",
      eb
        .exists(
          eb
            .selectFrom("bank_accounts as pending")
            .select("pending.id")
            .whereRef("pending.organization_id", "=", "awards.organization_id")
            .where("pending.state", "=", "pending"),
        )
        .as("accountChangePending"),
    ])
    .where("payment_lines.batch_id", "=", batchId)
    .orderBy("awards.number")
    .execute();
  return {
    id: batch.id,
    number: batch.number,
    year: batch.year,
    source: batch.source,
    lines: lines.map((l) => ({
      ...l,
      amount: Number(l.amount),
      accountChangePending: Boolean(Number(l.accountChangePending)),
    })),
  };
}

/** The batch as .xlsx for the treasury system; the bank account is there because finance pays. */
export async function exportPaymentBatch(
  ctx: Context,
  actor: Actor,
  batchId: string,
): Promise<{ name: string; data: Buffer }> {
  const batch = await getPaymentBatch(ctx, actor, batchId);
  const data = await paymentWorkbook(
    batch.lines.map(({ accountChangePending: _, ...l }) => ({
      ...l,
      state: LINE_STATES[l.state] ?? l.state,
    })),
  );
  return { name: `${batch.number}.xlsx`, data };
}

const LINE_STATES: Record<string, string> = { pending: "待拨付", paid: "已拨付", failed: "失败" };

export interface PaymentRow {
  award: string;
  organization: string;
  uscc: string;
  bankName: string | null;
  bankAccount: string | null;
  amount: number;
  item: string;
  clause: string;
  awardedOn: string;
  state: string;
}

/** The treasury's payment list as .xlsx: Chinese headers, amounts as numbers in #,##0, a total. */
export async function paymentWorkbook(rows: readonly PaymentRow[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("拨付清单");
  sheet.columns = [
    { header: "奖励编号", key: "award", width: 20 },
    { header: "组织名称", key: "organization", width: 40 },
    { header: "统一社会信用代码", key: "uscc", width: 22 },
    { header: "开户银行", key: "bankName", width: 20 },
    { header: "银行账号", key: "bankAccount", width: 26 },
    { header: "金额（元）", key: "amount", width: 14, style: { numFmt: "#,##0" } },
    { header: "奖励项目", key: "item", width: 10 },
    { header: "政策条款", key: "clause", width: 12 },
    { header: "奖励日期", key: "awardedOn", width: 12 },
    { header: "状态", key: "state", width: 10 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  const totalRow = sheet.addRow({
    organization: "合计",
    amount: rows.reduce((s, r) => s + r.amount, 0),
  });
  totalRow.font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}

export type PaymentResult =
  | { outcome: "paid"; treasuryRef: string; paidDate: string }
  | { outcome: "failed"; reason: string };

/**
 * Records the treasury's result for one line: paid (reserved → paid, once) or failed (the award
 * returns to unpaid and may go into another batch). Each line in its own transaction, keyed, so a
 * crashed run resumes without paying anything twice.
 */
export async function recordPaymentResult(
  ctx: Context,
  actor: Actor,
  lineId: string,
  result: PaymentResult,
  idempotencyKey: string,
) {
  if (result.outcome === "paid") {
    if (!result.treasuryRef.trim())
      throw new AppError("missing_field", "请填写国库支付凭证号", "treasuryRef");
    if (!isCivilDate(result.paidDate))
      throw new AppError("invalid_date", "支付日期应为 YYYY-MM-DD", "paidDate");
  } else if (!result.reason.trim()) {
    throw new AppError("missing_field", "请填写失败原因", "reason");
  }
  const at = instant(ctx);
  return inTransaction(ctx.database, async (trx) => {
    const line = await trx
      .selectFrom("payment_lines")
      .selectAll()
      .where("id", "=", lineId)
      .executeTakeFirst();
    const award =
      line &&
      (await trx
        .selectFrom("awards")
        .selectAll()
        .where("id", "=", line.award_id)
        .executeTakeFirst());
    requireAccess(actor, "payment.manage", scopeOf(award?.source ?? "city"), {
      type: "payment_line",
      id: lineId,
    });
    if (!line || !award) throw new AppError("not_found", "拨付明细不存在", "id");
    const { result: out } = await idempotent(
      trx,
      idempotencyKey,
      { op: "payment.result", lineId, ...result },
      at,
      async () => {
        if (line.state !== "pending")
          throw new AppError(
            "invalid_state",
            `该明细已登记为“${line.state === "paid" ? "已拨付" : "失败"}”`,
            "id",
          );
        if (result.outcome === "paid") {
          const posted = await moveMoney(
            trx,
            { year: award.year, source: award.source },
            {
              from: "reserved",
              to: "paid",
              amount: Number(line.amount),
              kind: "payment",
              awardId: award.id,
              paymentLineId: lineId,
              actorId: actor.userId,
              note: result.treasuryRef,
            },
            at,
          );
          if (!posted) throw new AppError("conflict", "预留金额不足，不能登记拨付", "id");
          await trx
            .updateTable("payment_lines")
            .set({
              state: "paid",
              treasury_ref: result.treasuryRef,
              paid_date: result.paidDate,
              updated_at: at,
            })
            .where("id", "=", lineId)
            .where("state", "=", "pending")
            .execute();
          const moved = await trx
            .updateTable("awards")
            .set({ state: "paid", paid_on: result.paidDate })
            .where("id", "=", award.id)
            .where("state", "=", "reserved")
            .executeTakeFirst();
          if (Number(moved.numUpdatedRows) !== 1)
            throw new AppError("conflict", "奖励已不在待拨付状态", "id");
        } else {
          await trx
            .updateTable("payment_lines")
            .set({ state: "failed", failure_reason: result.reason, updated_at: at })
            .where("id", "=", lineId)
            .where("state", "=", "pending")
            .execute();
        }
        await appendAudit(trx, ctx.database.dialect, at, {
          actorId: actor.userId,
          actorRole: actor.role,
          action: "payment.result",
          targetType: "payment_line",
          targetId: lineId,
          before: { state: "pending" },
          after: result,
          ip: actor.ip,
          outcome: "success",
        });
        return { id: lineId, state: result.outcome };
      },
    );
    return out;
  });
}
