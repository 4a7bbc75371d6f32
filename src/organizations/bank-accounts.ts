import { randomUUID } from "node:crypto";
import { appendAudit } from "../audit/audit-log.ts";
import { can, deny, requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { ROLE_NAMES, type Role } from "../auth/roles.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction, isUniqueViolation, type Tx } from "../db/database.ts";
import type { BankAccountTable } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { postNotice } from "../notices/notices.ts";
import { findOrganizationRow, lockOrganization } from "./organizations-repository.ts";

/**
 * Payment accounts (四（二）: the award is paid to the organization). Changing where money goes is
 * the classic fraud against grants, so an account is never changed in place: the organization (or
 * an official) asks for a new one, finance of its county or of the city verifies it, and only then
 * is it used. Awards and payment lines keep the id of the verified account they will be, or were,
 * paid to; an account row never changes its number. Whoever asked cannot verify their own request.
 */

export const BANK_ACCOUNT_STATES = {
  pending: "待财政核实",
  verified: "已核实",
  rejected: "未通过",
  withdrawn: "已撤回",
  superseded: "已被替换",
} as const;

/** The last four digits, as everyone but finance sees an account, and as the audit keeps it. */
export const maskAccount = (account: string | null | undefined) =>
  account ? `****${account.replace(/\D/g, "").slice(-4)}` : null;

const digitsOf = (account: string) => account.replace(/\D/g, "");

export interface BankAccountRequest {
  id: string;
  organizationId: string;
  organization: string;
  uscc: string;
  county: string;
  bankName: string;
  account: string;
  state: string;
  stateName: string;
  requestedBy: string;
  requestedRole: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
  /** The account it would replace (full for finance, who decides). */
  current: { bankName: string; account: string } | null;
}

/** The verified account of an organization, if any (read inside the caller's transaction). */
export function verifiedAccount(trx: Tx, organizationId: string) {
  return trx
    .selectFrom("bank_accounts")
    .selectAll()
    .where("organization_id", "=", organizationId)
    .where("state", "=", "verified")
    .executeTakeFirst();
}

/** The pending request of an organization, if any. */
export function pendingAccount(db: Context["database"]["db"] | Tx, organizationId: string) {
  return db
    .selectFrom("bank_accounts")
    .selectAll()
    .where("organization_id", "=", organizationId)
    .where("state", "=", "pending")
    .executeTakeFirst();
}

/** The audit actions of payment accounts: one name each, never spelled elsewhere. */
type BankAuditAction =
  | "organization.bankRequest"
  | "organization.bankVerify"
  | "organization.bankReject"
  | "organization.bankWithdraw";

function audit(
  ctx: Context,
  trx: Tx,
  at: string,
  actor: Actor | null,
  action: BankAuditAction,
  organizationId: string,
  before: unknown,
  after: unknown,
) {
  return appendAudit(trx, ctx.database.dialect, at, {
    actorId: actor?.userId ?? "operator",
    actorRole: actor?.role ?? "operator",
    action,
    targetType: "organization",
    targetId: organizationId,
    before,
    after,
    ip: actor?.ip ?? null,
    outcome: "success",
  });
}

const shown = (row: Pick<BankAccountTable, "bank_name" | "account"> | undefined | null) =>
  row ? { bankName: row.bank_name, account: maskAccount(row.account) } : null;

/**
 * Records a request to be paid to a new account. Called inside the caller's transaction, with the
 * organization locked. A newer request replaces an older pending one. With no actor (the
 * operator registering on the server) the account is verified at once: the operator is trusted
 * as finance is.
 */
export async function requestAccountInTx(
  ctx: Context,
  trx: Tx,
  at: string,
  actor: Actor | null,
  organizationId: string,
  input: { bankName: string; bankAccount: string },
): Promise<BankAccountTable> {
  const current = await verifiedAccount(trx, organizationId);
  if (
    current &&
    digitsOf(current.account) === digitsOf(input.bankAccount) &&
    current.bank_name === input.bankName
  ) {
    throw new AppError("invalid_field", "与当前已核实的收款账户相同，无需变更", "bankAccount");
  }
  const replaced = await pendingAccount(trx, organizationId);
  if (replaced) {
    await trx
      .updateTable("bank_accounts")
      .set({
        state: "withdrawn",
        decided_by: actor?.userId ?? "operator",
        decided_at: at,
        note: "被新的变更申请替代",
      })
      .where("id", "=", replaced.id)
      .where("state", "=", "pending")
      .execute();
  }
  const row: BankAccountTable = {
    id: randomUUID(),
    organization_id: organizationId,
    bank_name: input.bankName,
    account: input.bankAccount,
    state: actor ? "pending" : "verified",
    requested_by: actor?.userId ?? "operator",
    requested_role: actor?.role ?? "operator",
    requested_at: at,
    decided_by: actor ? null : "operator",
    decided_at: actor ? null : at,
    note: actor ? null : "登记时由服务器操作员录入",
  };
  if (!actor && current) {
    await trx
      .updateTable("bank_accounts")
      .set({ state: "superseded" })
      .where("id", "=", current.id)
      .execute();
  }
  await trx.insertInto("bank_accounts").values(row).execute();
  if (!actor) {
    await adoptVerifiedAccount(trx, row);
  }
  await audit(
    ctx,
    trx,
    at,
    actor,
    actor ? "organization.bankRequest" : "organization.bankVerify",
    organizationId,
    shown(current),
    { ...shown(row), request: row.id, replacesRequest: replaced?.id },
  );
  if (actor) {
    const who = `${ROLE_NAMES[actor.role]} ${actor.username}`;
    await postNotice(trx, at, {
      organizationId,
      kind: "bank.requested",
      body: `${who} 申请将收款账户变更为 ${row.bank_name} ${maskAccount(row.account)}。财政部门核实后生效，核实前仍按原已核实账户${current ? `（${current.bank_name} ${maskAccount(current.account)}）` : ""}拨付。如非本单位所为，请立即联系财政部门。`,
    });
  }
  return row;
}

/** The organization's copy of its verified account, and the unpaid awards that will be paid to it. */
async function adoptVerifiedAccount(trx: Tx, row: BankAccountTable): Promise<number> {
  await trx
    .updateTable("organizations")
    .set({ bank_name: row.bank_name, bank_account: row.account })
    .where("id", "=", row.organization_id)
    .execute();
  // Awards not yet paid follow the newly verified account; a line already in a batch keeps the
  // account it was sent with (the treasury has that list), and a failed line's award is paid to
  // this one in its next batch.
  const moved = await trx
    .updateTable("awards")
    .set({ bank_account_id: row.id })
    .where("organization_id", "=", row.organization_id)
    .where("state", "=", "reserved")
    .executeTakeFirst();
  return Number(moved.numUpdatedRows);
}

/** An enterprise user or an official asks for a new payment account of an organization. */
export async function requestBankAccount(
  ctx: Context,
  actor: Actor,
  organizationId: string,
  input: { bankName: string; bankAccount: string },
) {
  const org = await findOrganizationRow(ctx.database.db, organizationId);
  const scope = { organizationId, county: org?.county ?? null };
  // Finance may take a request too (an enterprise bringing its form to the counter); another
  // finance officer then verifies it.
  if (!can(actor, "organization.verifyBank", scope)) {
    requireAccess(
      actor,
      "organization.update",
      scope,
      { type: "organization", id: organizationId },
      "organization.read",
    );
  }
  if (!org) throw new AppError("not_found", "组织不存在", "id");
  const at = instant(ctx);
  try {
    const row = await inTransaction(ctx.database, async (trx) => {
      await lockOrganization(trx, ctx.database.dialect, organizationId);
      return requestAccountInTx(ctx, trx, at, actor, organizationId, input);
    });
    return { id: row.id, state: row.state, stateName: BANK_ACCOUNT_STATES.pending };
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError("conflict", "该组织的账户变更正在办理，请刷新后重试", "bankAccount");
    throw e;
  }
}

async function loadRequest(ctx: Context, id: string) {
  return ctx.database.db
    .selectFrom("bank_accounts")
    .innerJoin("organizations", "organizations.id", "bank_accounts.organization_id")
    .selectAll("bank_accounts")
    .select([
      "organizations.name as organization",
      "organizations.uscc as uscc",
      "organizations.county as county",
    ])
    .where("bank_accounts.id", "=", id)
    .executeTakeFirst();
}

/**
 * Finance verifies or refuses a pending request. Verifying supersedes the old account and points
 * the unpaid awards to the new one, all in one transaction; two decisions at once: one wins.
 */
export async function decideBankAccount(
  ctx: Context,
  actor: Actor,
  id: string,
  decision: { verify: boolean; note?: string | null | undefined },
) {
  const request = await loadRequest(ctx, id);
  const scope = {
    organizationId: request?.organization_id ?? null,
    county: request?.county ?? null,
  };
  requireAccess(
    actor,
    "organization.verifyBank",
    scope,
    { type: "bank_account", id },
    "organization.verifyBank",
  );
  if (!request) throw new AppError("not_found", "账户变更申请不存在", "id");
  if (request.requested_by === actor.userId) {
    throw deny("不能核实本人提交的账户变更", "id", "organization.verifyBank", {
      type: "bank_account",
      id,
    });
  }
  const note = decision.note?.trim() || null;
  if (!decision.verify && !note) {
    throw new AppError("missing_field", "请填写不予核实的理由", "note");
  }
  const at = instant(ctx);
  return inTransaction(ctx.database, async (trx) => {
    await lockOrganization(trx, ctx.database.dialect, request.organization_id);
    const current = await verifiedAccount(trx, request.organization_id);
    if (decision.verify && current) {
      await trx
        .updateTable("bank_accounts")
        .set({ state: "superseded" })
        .where("id", "=", current.id)
        .where("state", "=", "verified")
        .execute();
    }
    const decided = await trx
      .updateTable("bank_accounts")
      .set({
        state: decision.verify ? "verified" : "rejected",
        decided_by: actor.userId,
        decided_at: at,
        note,
      })
      .where("id", "=", id)
      .where("state", "=", "pending")
      .executeTakeFirst();
    if (Number(decided.numUpdatedRows) !== 1) {
      throw new AppError("invalid_state", "该申请已办理或已被新的申请替代", "id");
    }
    const awards = decision.verify
      ? await adoptVerifiedAccount(trx, { ...request, state: "verified" })
      : 0;
    await audit(
      ctx,
      trx,
      at,
      actor,
      decision.verify ? "organization.bankVerify" : "organization.bankReject",
      request.organization_id,
      shown(current),
      { ...shown(request), request: id, awardsRepointed: awards, note },
    );
    await postNotice(trx, at, {
      organizationId: request.organization_id,
      kind: decision.verify ? "bank.verified" : "bank.rejected",
      body: decision.verify
        ? `收款账户 ${request.bank_name} ${maskAccount(request.account)} 已由财政部门核实，此后的拨付使用该账户。`
        : `收款账户变更（${request.bank_name} ${maskAccount(request.account)}）未通过核实：${note}。拨付仍使用原已核实账户。`,
    });
    return {
      id,
      state: decision.verify ? "verified" : "rejected",
      awardsRepointed: awards,
    };
  });
}

/** The organization (or the official who asked) withdraws a pending request. */
export async function withdrawBankAccount(ctx: Context, actor: Actor, id: string) {
  const request = await loadRequest(ctx, id);
  requireAccess(
    actor,
    "organization.update",
    { organizationId: request?.organization_id ?? null, county: request?.county ?? null },
    { type: "bank_account", id },
    "organization.read",
  );
  if (!request) throw new AppError("not_found", "账户变更申请不存在", "id");
  const at = instant(ctx);
  return inTransaction(ctx.database, async (trx) => {
    const done = await trx
      .updateTable("bank_accounts")
      .set({ state: "withdrawn", decided_by: actor.userId, decided_at: at })
      .where("id", "=", id)
      .where("state", "=", "pending")
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1)
      throw new AppError("invalid_state", "该申请已办理，不能撤回", "id");
    await audit(ctx, trx, at, actor, "organization.bankWithdraw", request.organization_id, null, {
      ...shown(request),
      request: id,
    });
    await postNotice(trx, at, {
      organizationId: request.organization_id,
      kind: "bank.withdrawn",
      body: `收款账户变更申请（${request.bank_name} ${maskAccount(request.account)}）已由 ${ROLE_NAMES[actor.role]} ${actor.username} 撤回。`,
    });
    return { id, state: "withdrawn" };
  });
}

/** The requests finance may decide (default: the pending ones), oldest first. */
export async function listBankAccountRequests(
  ctx: Context,
  actor: Actor,
  filter: { state?: string | undefined },
): Promise<BankAccountRequest[]> {
  requireAccess(actor, "organization.verifyBank", actor.county ? { county: actor.county } : {});
  let q = ctx.database.db
    .selectFrom("bank_accounts")
    .innerJoin("organizations", "organizations.id", "bank_accounts.organization_id")
    .leftJoin("bank_accounts as cur", (j) =>
      j
        .onRef("cur.organization_id", "=", "bank_accounts.organization_id")
        .on("cur.state", "=", "verified"),
    )
    .leftJoin("users", "users.id", "bank_accounts.requested_by")
    .selectAll("bank_accounts")
    .select([
      "organizations.name as organization",
      "organizations.uscc as uscc",
      "organizations.county as county",
      "cur.bank_name as cur_bank_name",
      "cur.account as cur_account",
      "users.username as requester",
    ])
    .where("bank_accounts.state", "=", filter.state ?? "pending")
    .orderBy("bank_accounts.requested_at")
    .limit(500);
  if (actor.county) q = q.where("organizations.county", "=", actor.county);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    organizationId: r.organization_id,
    organization: r.organization,
    uscc: r.uscc,
    county: r.county,
    bankName: r.bank_name,
    account: r.account,
    state: r.state,
    stateName: BANK_ACCOUNT_STATES[r.state as keyof typeof BANK_ACCOUNT_STATES] ?? r.state,
    requestedBy: r.requester ?? r.requested_by,
    requestedRole: ROLE_NAMES[r.requested_role as Role] ?? r.requested_role,
    requestedAt: r.requested_at,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    note: r.note,
    current:
      r.cur_account && r.cur_bank_name !== null
        ? { bankName: r.cur_bank_name, account: r.cur_account }
        : null,
  }));
}
