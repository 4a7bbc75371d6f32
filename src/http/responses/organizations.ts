import { z } from "zod";
import { BANK_STATES } from "../../organizations/bank-account-states.ts";
import { COUNTIES } from "../../organizations/counties.ts";
import { EXCLUSION_KINDS, ORGANIZATION_KINDS } from "../../organizations/organizations.ts";

/** What the organization and payment-account routes answer (src/http/routes/organizations.ts). */

const listOf = (names: Readonly<Record<string, string>>) => Object.keys(names).join("、");

export const organizationExclusionSchema = z
  .object({
    id: z.string(),
    kind: z.string().describe(`情形：${listOf(EXCLUSION_KINDS)}`),
    kindName: z.string(),
    source: z.string().describe("依据（名单、评价结果等）"),
    effectiveDate: z.string(),
    note: z.string().nullable(),
    active: z.boolean().describe("今日是否生效（已生效且未解除）"),
    liftedAt: z.string().nullable(),
  })
  .meta({ id: "OrganizationExclusion", description: "不予支持情形：生效期间不能新建或提交申报" });

export const organizationSchema = z
  .object({
    id: z.string(),
    uscc: z.string().describe("统一社会信用代码"),
    name: z.string(),
    county: z.enum(COUNTIES).describe("管辖县（市、区）"),
    kind: z.string().describe(`组织类型：${listOf(ORGANIZATION_KINDS)}`),
    kindName: z.string(),
    contact: z
      .object({ name: z.string().nullable(), phone: z.string().nullable() })
      .optional()
      .describe("联系人（个人信息）：仅本组织、辖区审核人员和财政人员可见"),
    bank: z
      .object({
        name: z.string().nullable().describe("开户银行"),
        account: z.string().nullable().describe("已核实的账号：财政人员可见全部，其他人只见末四位"),
        pending: z
          .object({
            id: z.string(),
            name: z.string(),
            account: z.string().nullable(),
            requestedAt: z.string(),
          })
          .nullable()
          .describe("待财政核实的变更申请（仅可修改或核实该组织的用户可见）"),
      })
      .optional()
      .describe("收款账户"),
    usccOverride: z
      .object({ by: z.string(), reason: z.string() })
      .nullable()
      .describe("信用代码未通过校验而经核实登记时：核实人与理由"),
    exclusions: z.array(organizationExclusionSchema),
    createdAt: z.string(),
    version: z.number().int().describe("版本号：修改时须带上"),
  })
  .meta({ id: "Organization", description: "组织（按当前用户可见的范围）" });

export const organizationListSchema = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    items: z.array(organizationSchema).describe("列表中的组织不带不予支持情形（exclusions 为空）"),
  })
  .meta({ id: "OrganizationList", description: "组织列表（分页）" });

export const bankAccountRequestedSchema = z
  .object({
    id: z.string().describe("账户变更申请编号"),
    state: z.enum(BANK_STATES),
    stateName: z.string(),
  })
  .meta({ id: "BankAccountRequested", description: "已登记的收款账户变更申请" });

export const bankAccountDecidedSchema = z
  .object({
    id: z.string(),
    state: z.enum(BANK_STATES),
    awardsRepointed: z.number().int().describe("改为拨付到新账户的未拨付奖励数；不予核实时为 0"),
  })
  .meta({ id: "BankAccountDecided", description: "财政对收款账户变更的决定" });

export const bankAccountWithdrawnSchema = z
  .object({ id: z.string(), state: z.enum(BANK_STATES) })
  .meta({ id: "BankAccountWithdrawn", description: "已撤回的收款账户变更申请" });

export const bankAccountChangeSchema = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    organization: z.string().describe("组织名称"),
    uscc: z.string(),
    county: z.string(),
    bankName: z.string(),
    account: z.string().describe("申请的账号（完整，供财政核实）"),
    state: z.string().describe(`状态：${BANK_STATES.join("、")}`),
    stateName: z.string(),
    requestedBy: z.string().describe("申请人姓名（无则为用户编号）"),
    requestedRole: z.string().describe("申请人角色名称"),
    requestedAt: z.string(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    note: z.string().nullable(),
    current: z
      .object({ bankName: z.string(), account: z.string() })
      .nullable()
      .describe("将被替换的已核实账户"),
  })
  .meta({ id: "BankAccountChange", description: "收款账户变更申请" });

export const bankAccountChangeListSchema = z
  .object({ items: z.array(bankAccountChangeSchema) })
  .meta({ id: "BankAccountChangeList", description: "收款账户变更申请（先提交的在前）" });
