import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { AuditAction } from "../audit/actions.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { can, deny, type Permission, requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { civilDateSchema, countySchema } from "../calculate/request.ts";
import { beijingToday, instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { type DB, inTransaction, isUniqueViolation, type Tx } from "../db/database.ts";
import type { BankAccountTable, ExclusionTable, OrganizationTable } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { requireVersion, staleVersion } from "../lifecycle/apply-transition.ts";
import { maskAccount, pendingAccount, requestAccountInTx } from "./bank-accounts.ts";
import type { County } from "./counties.ts";
import {
  activeExclusionRows,
  exclusionRows,
  findOrganizationRow,
  insertExclusion,
  insertOrganization,
  liftExclusionRow,
  listOrganizationRows,
  lockOrganization,
  updateOrganizationIfVersion,
} from "./organizations-repository.ts";
import { USCC_PROBLEM_TEXT, usccProblem } from "./uscc.ts";

/** What an organization is called in messages (a stale edit: “组织已被他人修改…”). */
const TITLE = "组织";

export const ORGANIZATION_KINDS = {
  enterprise: "企业",
  institution: "事业单位",
  association: "社会团体",
  research: "科研机构",
  other: "其他组织",
} as const;

/** The exclusions the implementing notices name; each blocks new applications. */
export const EXCLUSION_KINDS = {
  serious_dishonesty: "列入严重失信主体名单",
  mujun_d: "亩均效益综合评价 D 档",
  false_materials: "提供虚假材料骗取奖励",
  other: "其他不予支持情形",
} as const;

const text = (max: number) =>
  z.string().trim().min(1, "不能为空").max(max, `不能超过 ${max} 个字符`);
const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,20}$/, "应为电话号码");
const bankAccount = z
  .string()
  .trim()
  .regex(/^[0-9 -]{8,40}$/, "应为银行账号（数字）");

export const organizationInputSchema = z.object({
  uscc: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-Z]{18}$/, "统一社会信用代码应为18位数字或大写字母"),
  name: text(200),
  county: countySchema,
  kind: z.enum(Object.keys(ORGANIZATION_KINDS) as [keyof typeof ORGANIZATION_KINDS]),
  contactName: text(50).nullish(),
  contactPhone: phone.nullish(),
  bankName: text(100).nullish(),
  bankAccount: bankAccount.nullish(),
  /** An official's reason for registering a code that fails the check (old codes). */
  usccOverrideReason: text(500).nullish(),
});
export type OrganizationInput = z.output<typeof organizationInputSchema>;

export const organizationPatchSchema = z
  .object({
    name: text(200).optional(),
    kind: organizationInputSchema.shape.kind.optional(),
    county: countySchema.optional(),
    contactName: text(50).nullish(),
    contactPhone: phone.nullish(),
    /** A new payment account is a request that finance verifies (see bank-accounts.ts). */
    bankName: text(100).nullish(),
    bankAccount: bankAccount.optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), {
    message:
      "没有要修改的字段：请至少提供 name、kind、county、contactName、contactPhone、bankName 或 bankAccount 中的一项",
  });

export const exclusionInputSchema = z.object({
  kind: z.enum(Object.keys(EXCLUSION_KINDS) as [keyof typeof EXCLUSION_KINDS]),
  source: text(300),
  effectiveDate: civilDateSchema,
  note: text(1000).nullish(),
});

export interface Exclusion {
  id: string;
  kind: string;
  kindName: string;
  source: string;
  effectiveDate: string;
  note: string | null;
  active: boolean;
  liftedAt: string | null;
}

export interface Organization {
  id: string;
  uscc: string;
  name: string;
  county: County;
  kind: string;
  kindName: string;
  /** Personal data: only for the organization itself, officials in scope and finance. */
  contact?: { name: string | null; phone: string | null };
  /**
   * The verified account: in full for finance, others see only its last four digits; and a change
   * waiting for finance, if any.
   */
  bank?: {
    name: string | null;
    account: string | null;
    pending: { id: string; name: string; account: string | null; requestedAt: string } | null;
  };
  usccOverride: { by: string; reason: string } | null;
  exclusions: Exclusion[];
  createdAt: string;
  /** The version an edit (PATCH) must name: an edit read at another one answers stale_version. */
  version: number;
}

function toExclusion(row: ExclusionTable, today: string): Exclusion {
  return {
    id: row.id,
    kind: row.kind,
    kindName: EXCLUSION_KINDS[row.kind as keyof typeof EXCLUSION_KINDS] ?? row.kind,
    source: row.source,
    effectiveDate: row.effective_date,
    note: row.note,
    active: row.lifted_at === null && row.effective_date <= today,
    liftedAt: row.lifted_at,
  };
}

/** The organization as `actor` may see it. */
export function present(
  actor: Actor,
  row: OrganizationTable,
  exclusions: ExclusionTable[],
  today: string,
  pending: BankAccountTable | null = null,
): Organization {
  const scope = { organizationId: row.id, county: row.county };
  const org: Organization = {
    id: row.id,
    uscc: row.uscc,
    name: row.name,
    county: row.county as County,
    kind: row.kind,
    kindName: ORGANIZATION_KINDS[row.kind as keyof typeof ORGANIZATION_KINDS] ?? row.kind,
    usccOverride: row.uscc_override_by
      ? { by: row.uscc_override_by, reason: row.uscc_override_reason ?? "" }
      : null,
    exclusions: exclusions.map((e) => toExclusion(e, today)),
    createdAt: row.created_at,
    version: row.version,
  };
  if (can(actor, "organization.readContact", scope)) {
    org.contact = { name: row.contact_name, phone: row.contact_phone };
  }
  const full = can(actor, "organization.readBank", scope);
  org.bank = {
    name: row.bank_name,
    account: full ? row.bank_account : maskAccount(row.bank_account),
    pending: pending
      ? {
          id: pending.id,
          name: pending.bank_name,
          account: full ? pending.account : maskAccount(pending.account),
          requestedAt: pending.requested_at,
        }
      : null,
  };
  return org;
}

export async function getOrganization(
  ctx: Context,
  actor: Actor,
  id: string,
): Promise<Organization> {
  const row = await findOrganizationRow(ctx.database.db, id);
  const scope = { organizationId: id, county: row?.county ?? null };
  requireAccess(
    actor,
    "organization.read",
    scope,
    { type: "organization", id },
    "organization.read",
  );
  if (!row) throw new AppError("not_found", "组织不存在", "id");
  const pending =
    can(actor, "organization.update", scope) || can(actor, "organization.verifyBank", scope)
      ? ((await pendingAccount(ctx.database.db, id)) ?? null)
      : null;
  return present(actor, row, await exclusionRows(ctx.database.db, id), beijingToday(ctx), pending);
}

export async function listOrganizations(
  ctx: Context,
  actor: Actor,
  filter: { county?: string | undefined; q?: string | undefined; page: number; pageSize: number },
) {
  requireAccess(actor, "organization.list");
  const county =
    actor.role === "county_official" || (actor.role === "finance" && actor.county)
      ? (actor.county ?? undefined)
      : filter.county;
  const { rows, total } = await listOrganizationRows(ctx.database.db, {
    county,
    q: filter.q,
    limit: filter.pageSize,
    offset: (filter.page - 1) * filter.pageSize,
  });
  return {
    total,
    page: filter.page,
    pageSize: filter.pageSize,
    items: rows.map((r) => present(actor, r, [], beijingToday(ctx))),
  };
}

export async function createOrganization(
  ctx: Context,
  actor: Actor | null,
  input: OrganizationInput,
): Promise<Organization> {
  if (actor) requireAccess(actor, "organization.create", { county: input.county });
  const problem = usccProblem(input.uscc);
  if (problem && !input.usccOverrideReason) {
    throw new AppError(
      "invalid_uscc",
      `${USCC_PROBLEM_TEXT[problem]}；旧代码须由审核人员填写核实理由后登记`,
      "uscc",
    );
  }
  if (!problem && input.usccOverrideReason) {
    throw new AppError(
      "invalid_field",
      "统一社会信用代码校验通过，无需核实理由",
      "usccOverrideReason",
    );
  }
  if (input.bankAccount && !input.bankName) {
    throw new AppError("missing_field", "填写银行账号时须同时填写开户银行", "bankName");
  }
  const now = instant(ctx);
  const row: OrganizationTable = {
    id: randomUUID(),
    uscc: input.uscc,
    name: input.name,
    county: input.county,
    kind: input.kind,
    contact_name: input.contactName ?? null,
    contact_phone: input.contactPhone ?? null,
    // Filled from the verified account only (bank-accounts.ts), never from a request.
    bank_name: null,
    bank_account: null,
    uscc_override_by: problem ? (actor?.userId ?? "operator") : null,
    uscc_override_reason: problem ? (input.usccOverrideReason ?? null) : null,
    created_at: now,
    updated_at: now,
    version: 1,
  };
  try {
    await inTransaction(ctx.database, async (trx) => {
      await insertOrganization(trx, row);
      await audit(ctx, trx, actor, "organization.create", row.id, undefined, {
        uscc: row.uscc,
        name: row.name,
        county: row.county,
        usccOverride: problem ? row.uscc_override_reason : undefined,
      });
      if (input.bankAccount && input.bankName) {
        await requestAccountInTx(ctx, trx, now, actor, row, {
          bankName: input.bankName,
          bankAccount: input.bankAccount,
        });
      }
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError("conflict", `统一社会信用代码 ${input.uscc} 已登记`, "uscc");
    throw e;
  }
  // Read back: an account verified at registration is copied onto the row (and bumps its version).
  const stored = (await findOrganizationRow(ctx.database.db, row.id)) ?? row;
  return present(actor ?? operator, stored, [], beijingToday(ctx));
}

const operator: Actor = {
  userId: "operator",
  username: "operator",
  role: "city_official",
  organizationId: null,
  county: null,
  ip: null,
};

/** Loads an organization for `permission`: 404 when the actor may not even read it. */
async function loadInScope(ctx: Context, actor: Actor, id: string, permission: Permission) {
  const row = await findOrganizationRow(ctx.database.db, id);
  const scope = { organizationId: id, county: row?.county ?? null };
  requireAccess(actor, permission, scope, { type: "organization", id }, "organization.read");
  return row;
}

/**
 * Edits an organization read at `version`. The write is guarded by that version and bumps it, so
 * of two edits read at the same version one wins and the other answers 409 stale_version with
 * nothing written (a payment account asked for in the same edit included).
 */
export async function updateOrganization(
  ctx: Context,
  actor: Actor,
  id: string,
  patch: z.output<typeof organizationPatchSchema>,
  version: number,
): Promise<Organization> {
  const row = await loadInScope(ctx, actor, id, "organization.update");
  if (!row) throw new AppError("not_found", "组织不存在", "id");
  requireVersion(TITLE, version, row.version);
  // Name, kind and the administering county are registration facts an official keeps.
  if (
    actor.role === "enterprise" &&
    (patch.name !== undefined || patch.kind !== undefined || patch.county !== undefined)
  ) {
    throw deny(
      "名称、类型和管辖县（市、区）由审核人员维护",
      patch.name !== undefined ? "name" : patch.kind !== undefined ? "kind" : "county",
      "organization.update",
      { type: "organization", id },
    );
  }
  if (patch.county !== undefined && actor.role === "county_official") {
    throw deny("变更管辖县（市、区）须由市级审核人员办理", "county", "organization.update", {
      type: "organization",
      id,
    });
  }
  // A new payment account is asked for, not set: finance verifies it first. The bank name alone
  // (a form sending back what it showed) is no request.
  const bankChange =
    patch.bankAccount !== undefined
      ? { bankName: patch.bankName ?? "", bankAccount: patch.bankAccount }
      : null;
  if (bankChange && !bankChange.bankName) {
    throw new AppError("missing_field", "变更收款账户须同时填写开户银行", "bankName");
  }
  if (!bankChange && patch.bankName != null && patch.bankName !== row.bank_name) {
    throw new AppError("missing_field", "变更开户银行须同时填写新的银行账号", "bankAccount");
  }
  const at = instant(ctx);
  const set: Partial<OrganizationTable> = { updated_at: at };
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.kind !== undefined) set.kind = patch.kind;
  if (patch.county !== undefined) set.county = patch.county;
  if (patch.contactName !== undefined) set.contact_name = patch.contactName;
  if (patch.contactPhone !== undefined) set.contact_phone = patch.contactPhone;
  const fields = Object.keys(set).filter((k) => k !== "updated_at");
  try {
    await inTransaction(ctx.database, async (trx) => {
      await lockOrganization(trx, ctx.database.dialect, id);
      if ((await updateOrganizationIfVersion(trx, id, version, set)) !== 1) {
        throw staleVersion(TITLE, (await findOrganizationRow(trx, id))?.version ?? version + 1);
      }
      if (fields.length > 0) {
        // The audit keeps which fields changed, not the personal data itself.
        await audit(
          ctx,
          trx,
          actor,
          "organization.update",
          id,
          { version },
          {
            version: version + 1,
            fields,
          },
        );
      }
      if (bankChange) await requestAccountInTx(ctx, trx, at, actor, row, bankChange);
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError("conflict", "该组织的账户变更正在办理，请刷新后重试", "bankAccount");
    throw e;
  }
  return getOrganization(ctx, actor, id);
}

export async function addExclusion(
  ctx: Context,
  actor: Actor,
  id: string,
  input: z.output<typeof exclusionInputSchema>,
): Promise<Organization> {
  const row = await loadInScope(ctx, actor, id, "organization.manageExclusions");
  if (!row) throw new AppError("not_found", "组织不存在", "id");
  const now = instant(ctx);
  const exclusion: ExclusionTable = {
    id: randomUUID(),
    organization_id: id,
    kind: input.kind,
    source: input.source,
    effective_date: input.effectiveDate,
    note: input.note ?? null,
    created_by: actor.userId,
    created_at: now,
    lifted_at: null,
    lifted_by: null,
  };
  await inTransaction(ctx.database, async (trx) => {
    await insertExclusion(trx, exclusion);
    await audit(ctx, trx, actor, "organization.exclude", id, undefined, {
      kind: input.kind,
      source: input.source,
      effectiveDate: input.effectiveDate,
    });
  });
  return getOrganization(ctx, actor, id);
}

export async function liftExclusion(
  ctx: Context,
  actor: Actor,
  id: string,
  exclusionId: string,
): Promise<Organization> {
  await loadInScope(ctx, actor, id, "organization.manageExclusions");
  const now = instant(ctx);
  await inTransaction(ctx.database, async (trx) => {
    if ((await liftExclusionRow(trx, id, exclusionId, now, actor.userId)) !== 1)
      throw new AppError("not_found", "该限制不存在或已解除", "exclusionId");
    await audit(ctx, trx, actor, "organization.liftExclusion", id, undefined, { exclusionId });
  });
  return getOrganization(ctx, actor, id);
}

/** The exclusions in force on `day` (Beijing's civil date), which block new applications. */
export function activeExclusions(db: DB | Tx, organizationId: string, day: string) {
  return activeExclusionRows(db, organizationId, day);
}

function audit(
  ctx: Context,
  trx: Tx,
  actor: Actor | null,
  action: AuditAction,
  id: string,
  before: unknown,
  after: unknown,
) {
  return appendAudit(trx, ctx.database.dialect, instant(ctx), {
    actorId: actor?.userId ?? "operator",
    actorRole: actor?.role ?? "operator",
    action,
    targetType: "organization",
    targetId: id,
    before,
    after,
    ip: actor?.ip ?? null,
    outcome: "success",
  });
}
