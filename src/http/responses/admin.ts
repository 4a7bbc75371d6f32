import { z } from "zod";
import { ROLES } from "../../auth/roles.ts";
import { COUNTIES } from "../../organizations/counties.ts";
import { SETTINGS, type SettingKey } from "../../settings/settings.ts";

/** What the routes of accounts, relations, settings and the audit log answer. */

export const userAccountSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    organizationId: z.string().nullable().describe("绑定的组织（企业用户、评审专家）"),
    county: z.enum(COUNTIES).nullable().describe("绑定的县（市、区）（县级审核人员、财务）"),
    disabled: z.boolean(),
    lockedUntil: z.string().nullable().describe("锁定到何时（连续登录失败后）；未锁定为 null"),
    passwordChangedAt: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "UserAccount", description: "账号：用户名、姓名、角色及其绑定、停用与锁定状态" });

export const userAccountListItemSchema = userAccountSchema
  .extend({
    organizationName: z.string().nullable().describe("绑定组织的名称；未绑定组织为 null"),
  })
  .meta({ id: "UserAccountListItem", description: "账号列表中的一个账号，含绑定组织的名称" });

export const userAccountListSchema = z
  .object({ items: z.array(userAccountListItemSchema) })
  .meta({ id: "UserAccountList", description: "账号列表（按用户名排序）" });

export const relationRecordedSchema = z
  .object({ id: z.string().describe("关联关系记录的编号") })
  .meta({ id: "RelationRecorded", description: "已登记的关联关系" });

const settingValue = z.union([z.number(), z.boolean()]);

export const settingsViewSchema = z
  .object({
    version: z.number().int().describe("全部设置共用的版本号，修改时须带上"),
    items: z.array(
      z.object({
        key: z.string().describe("设置名，如 general.publicityWorkingDays"),
        owner: z
          .enum(["security", "general"])
          .describe("管理者：security 为安全管理员，general 为系统管理员"),
        label: z.string().describe("设置的中文说明"),
        value: settingValue.describe("当前值"),
        default: settingValue.describe("默认值"),
        min: z.number().nullable().describe("数值设置的下限；开关为 null"),
        max: z.number().nullable().describe("数值设置的上限；开关为 null"),
        unit: z.string().nullable().describe("数值的单位，如 分钟、元"),
      }),
    ),
  })
  .meta({ id: "SettingsView", description: "本角色可管理的设置及共用的版本号" });

/** Every setting by its key, each described by its own schema and label. */
const settingShape = Object.fromEntries(
  Object.entries(SETTINGS).map(([key, spec]) => [key, spec.schema.describe(spec.label)]),
) as { [K in SettingKey]: (typeof SETTINGS)[K]["schema"] };

export const settingsValuesSchema = z
  .object({
    ...settingShape,
    version: z.number().int().describe("修改后的版本号"),
  })
  .meta({ id: "SettingsValues", description: "修改后的全部设置（键为设置名）及新的版本号" });

export const auditChangeSchema = z
  .object({
    field: z.string().describe("字段的中文名"),
    before: z.string().nullable().describe("修改前的值（状态、角色等以中文名表示）；没有时为 null"),
    after: z.string().nullable().describe("修改后的值；没有时为 null"),
  })
  .meta({ id: "AuditChange", description: "审计记录中一个字段的变化" });

export const auditEntrySchema = z
  .object({
    seq: z.number().int().describe("序号，哈希链中的位置"),
    at: z.string(),
    actorId: z.string().nullable().describe("操作人；operator 为服务器上的运维命令"),
    actorRole: z.string().nullable(),
    actorName: z
      .string()
      .nullable()
      .describe("操作人的名称（用户名）；公众、运维命令与定时任务为 null"),
    actorRoleName: z
      .string()
      .nullable()
      .describe("操作人角色的中文名（含公众、系统、服务器操作员）"),
    action: z.string().describe("动作代码，如 user.create、application.submit"),
    actionName: z.string().describe("动作的中文名，如 申报：审核通过"),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    target: z
      .string()
      .nullable()
      .describe("对象：记录类别与其编号或名称，如 申报 QI-2026-000031、组织 某某公司"),
    before: z.unknown().describe("修改前的值（JSON），没有时为 null"),
    after: z.unknown().describe("修改后的值或拒绝的原因（JSON），没有时为 null"),
    changes: z.array(auditChangeSchema).describe("修改前后的值，逐字段、以中文表示"),
    ip: z.string().nullable(),
    outcome: z.string().describe("结果：success 成功、denied 拒绝、failure 失败"),
    outcomeName: z.string().describe("结果的中文名"),
    hash: z.string().describe("本条的哈希（含上一条的哈希）"),
  })
  .meta({ id: "AuditEntry", description: "审计日志的一条记录" });

export const auditPageSchema = z
  .object({
    total: z.number().int().describe("符合条件的记录总数"),
    page: z.number().int(),
    pageSize: z.number().int(),
    items: z.array(auditEntrySchema),
    nextCursor: z
      .string()
      .nullable()
      .describe("下一页（更早的记录）的游标，作为 after 传回；本页不满一页时为 null"),
  })
  .meta({ id: "AuditPage", description: "审计日志的一页（新的在前）" });

export const auditChainCheckSchema = z
  .discriminatedUnion("ok", [
    z.object({
      ok: z.literal(true),
      entries: z.number().int().describe("校验过的记录数"),
    }),
    z.object({
      ok: z.literal(false),
      entries: z.number().int().describe("校验过的记录数"),
      brokenAt: z.number().int().describe("第一条不成立的记录的序号"),
      reason: z.string().describe("不成立的原因"),
    }),
  ])
  .meta({
    id: "AuditChainCheck",
    description: "审计日志哈希链校验结果：ok 为 true 时完整，否则指出第一条不成立的记录",
  });
