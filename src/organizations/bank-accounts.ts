import { randomUUID } from "node:crypto";
import { can, deny, requireAccess } from "../auth/access.ts";
import { type Actor, ROLE_NAMES, type Role, systemActor } from "../auth/roles.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction, isUniqueViolation, type Tx } from "../db/database.ts";
import type { BankAccountTable } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { applyTransition } from "../lifecycle/apply-transition.ts";
import { postNotice } from "../notices/notices.ts";
import { BANK_ACCOUNT_STATES, type BankState } from "./bank-account-states.ts";
import {
  findAccountWithOrganization,
  listAccountRows,
  pendingAccount,
  pointUnpaidAwardsTo,
  verifiedAccount,
} from "./bank-accounts-repository.ts";
import {
  findOrganizationRow,
  lockOrganization,
  setOrganizationAccount,
} from "./organizations-repository.ts";

/**
 * Payment accounts (四（二）: the award is paid to the organization). Changing where money goes is
 * the classic fraud against grants, so an account is never changed in place: the organization (or
 * an official) asks for a new one, finance of its county or of the city verifies it, and only then
 * is it used. Awards and payment lines keep the id of the verified account they will be, or were,
 * paid to; an account row never changes its number. Whoever asked cannot verify their own request.
 *
 * Every change of an account's state goes through the one writer (applyTransition) with the table
 * in bank-account-states.ts, which also writes the account's event row and its audit entry
 * (`bank_account.request`, `.register`, `.verify`, `.reject`, `.withdraw`, `.supersede`). The event
 * and the audit keep the bank name and only the last four digits of an account.
 */

export { pendingAccount, verifiedAccount } from "./bank-accounts-repository.ts";

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

/** An account as the events and the audit keep it: bank name and last four digits. */
const shown = (row: Pick<BankAccountTable, "bank_name" | "account"> | undefined | null) =>
  row ? { bankName: row.bank_name, account: maskAccount(row.account) } : null;

/** The organization an account belongs to: the scope its transitions are allowed in. */
interface Owner {
  readonly id: string;
  readonly county: string;
}
const scopeOf = (owner: Owner) => ({ organizationId: owner.id, county: owner.county });

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
  owner: Owner,
  input: { bankName: string; bankAccount: string },
): Promise<BankAccountTable> {
  const by = actor ?? systemActor("operator");
  const scope = scopeOf(owner);
  const current = await verifiedAccount(trx, owner.id);
  if (
    current &&
    digitsOf(current.account) === digitsOf(input.bankAccount) &&
    current.bank_name === input.bankName
  ) {
    throw new AppError("invalid_field", "与当前已核实的收款账户相同，无需变更", "bankAccount");
  }
  const id = randomUUID();
  const replaced = await pendingAccount(trx, owner.id);
  if (replaced) {
    await applyTransition(trx, ctx, by, "bank_account", replaced.id, "withdraw", {
      scope,
      set: { decided_by: by.userId, decided_at: at, note: "被新的变更申请替代" },
      data: { organizationId: owner.id, ...shown(replaced), replacedBy: id },
    });
  }
  // One verified account at a time: the operator's replaces the current one first.
  if (!actor && current) {
    await applyTransition(trx, ctx, by, "bank_account", current.id, "supersede", {
      scope,
      data: { organizationId: owner.id, ...shown(current), supersededBy: id },
    });
  }
  const created = {
    id,
    organization_id: owner.id,
    bank_name: input.bankName,
    account: input.bankAccount,
    requested_by: by.userId,
    requested_role: actor?.role ?? "operator",
    requested_at: at,
    decided_by: actor ? null : by.userId,
    decided_at: actor ? null : at,
    note: actor ? null : "登记时由服务器操作员录入",
  };
  const moved = await applyTransition(
    trx,
    ctx,
    by,
    "bank_account",
    id,
    actor ? "request" : "register",
    {
      scope,
      create: created,
      data: {
        organizationId: owner.id,
        ...shown(created),
        current: shown(current),
        ...(replaced ? { replacesRequest: replaced.id } : {}),
      },
    },
  );
  const row: BankAccountTable = { ...created, state: moved.to, version: moved.version };
  if (!actor) await adoptVerifiedAccount(trx, row);
  if (actor) {
    const who = `${ROLE_NAMES[actor.role]} ${actor.username}`;
    await postNotice(trx, at, {
      organizationId: owner.id,
      kind: "bank.requested",
      body: `${who} 申请将收款账户变更为 ${row.bank_name} ${maskAccount(row.account)}。财政部门核实后生效，核实前仍按原已核实账户${current ? `（${current.bank_name} ${maskAccount(current.account)}）` : ""}拨付。如非本单位所为，请立即联系财政部门。`,
    });
  }
  return row;
}

/** The organization's copy of its verified account, and the unpaid awards that will be paid to it. */
async function adoptVerifiedAccount(
  trx: Tx,
  row: Pick<BankAccountTable, "id" | "organization_id" | "bank_name" | "account">,
): Promise<number> {
  await setOrganizationAccount(trx, row.organization_id, row.bank_name, row.account);
  // A failed line's award is paid to this account in its next batch.
  return pointUnpaidAwardsTo(trx, row.organization_id, row.id);
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
  // finance officer then verifies it. Who may not even read the organization is told it does
  // not exist.
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
      return requestAccountInTx(ctx, trx, at, actor, org, input);
    });
    return { id: row.id, state: row.state, stateName: BANK_ACCOUNT_STATES[row.state] };
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError("conflict", "该组织的账户变更正在办理，请刷新后重试", "bankAccount");
    throw e;
  }
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
  const request = await findAccountWithOrganization(ctx.database.db, id);
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
  const owner = { id: request.organization_id, county: request.county };
  const at = instant(ctx);
  return inTransaction(ctx.database, async (trx) => {
    await lockOrganization(trx, ctx.database.dialect, owner.id);
    const current = await verifiedAccount(trx, owner.id);
    let awards = 0;
    // One verified account at a time: the old one is superseded before the new one is verified.
    // Should the request no longer be pending, its own transition below refuses and all of this
    // rolls back.
    if (decision.verify && current && current.id !== id) {
      await applyTransition(trx, ctx, actor, "bank_account", current.id, "supersede", {
        scope: scopeOf(owner),
        data: { organizationId: owner.id, ...shown(current), supersededBy: id },
      });
    }
    if (decision.verify) awards = await adoptVerifiedAccount(trx, request);
    const moved = await applyTransition(
      trx,
      ctx,
      actor,
      "bank_account",
      id,
      decision.verify ? "verify" : "reject",
      {
        scope: scopeOf(owner),
        comment: note,
        set: { decided_by: actor.userId, decided_at: at, note },
        data: {
          organizationId: owner.id,
          ...shown(request),
          previous: shown(current),
          ...(decision.verify ? { awardsRepointed: awards } : {}),
        },
      },
    );
    await postNotice(trx, at, {
      organizationId: owner.id,
      kind: decision.verify ? "bank.verified" : "bank.rejected",
      body: decision.verify
        ? `收款账户 ${request.bank_name} ${maskAccount(request.account)} 已由财政部门核实，此后的拨付使用该账户。`
        : `收款账户变更（${request.bank_name} ${maskAccount(request.account)}）未通过核实：${note}。拨付仍使用原已核实账户。`,
    });
    return { id, state: moved.to, awardsRepointed: awards };
  });
}

/** The organization (or the official who asked) withdraws a pending request. */
export async function withdrawBankAccount(ctx: Context, actor: Actor, id: string) {
  const request = await findAccountWithOrganization(ctx.database.db, id);
  // The route is the organization's and its officials'; finance withdraws a request only by
  // taking a newer one at the counter.
  requireAccess(
    actor,
    "organization.update",
    { organizationId: request?.organization_id ?? null, county: request?.county ?? null },
    { type: "bank_account", id },
    "organization.read",
  );
  if (!request) throw new AppError("not_found", "账户变更申请不存在", "id");
  const owner = { id: request.organization_id, county: request.county };
  const at = instant(ctx);
  return inTransaction(ctx.database, async (trx) => {
    await lockOrganization(trx, ctx.database.dialect, owner.id);
    const moved = await applyTransition(trx, ctx, actor, "bank_account", id, "withdraw", {
      scope: scopeOf(owner),
      set: { decided_by: actor.userId, decided_at: at },
      data: { organizationId: owner.id, ...shown(request) },
    });
    await postNotice(trx, at, {
      organizationId: owner.id,
      kind: "bank.withdrawn",
      body: `收款账户变更申请（${request.bank_name} ${maskAccount(request.account)}）已由 ${ROLE_NAMES[actor.role]} ${actor.username} 撤回。`,
    });
    return { id, state: moved.to };
  });
}

/** The requests finance may decide (default: the pending ones), oldest first. */
export async function listBankAccountRequests(
  ctx: Context,
  actor: Actor,
  filter: { state?: BankState | undefined },
): Promise<BankAccountRequest[]> {
  requireAccess(actor, "organization.verifyBank", actor.county ? { county: actor.county } : {});
  const rows = await listAccountRows(ctx.database.db, {
    state: filter.state ?? "pending",
    county: actor.county,
    limit: 500,
  });
  return rows.map((r) => ({
    id: r.id,
    organizationId: r.organization_id,
    organization: r.organization,
    uscc: r.uscc,
    county: r.county,
    bankName: r.bank_name,
    account: r.account,
    state: r.state,
    stateName: BANK_ACCOUNT_STATES[r.state] ?? r.state,
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
