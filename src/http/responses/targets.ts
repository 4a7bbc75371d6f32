import { z } from "zod";
import { STATUS_NAMES, type Status } from "../../targets/progress.ts";

/** What the routes of the 2025 targets (二、总体目标) answer. Decimals are sent as text. */

const STATUSES = Object.keys(STATUS_NAMES) as Status[];

const decimal = (meaning: string) => z.string().describe(`${meaning}（十进制数文本，如 "99.62"）`);

export const targetValueEvidenceSchema = z
  .object({
    id: z.string(),
    name: z.string().describe("文件名"),
    mime: z.string(),
    size: z.number().int().describe("字节数"),
    sha256: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "TargetValueEvidence", description: "录入数值的证明材料" });

const countingSchema = z
  .discriminatedUnion("kind", [
    z.object({
      kind: z.literal("distinct"),
      unit: z
        .enum(["organization", "subject"])
        .describe("计数对象：organization 按组织（统一社会信用代码），subject 按成果"),
      items: z.array(z.string()).describe("计入的奖励项目编号"),
      itemTitles: z
        .array(z.object({ id: z.string(), title: z.string().describe("奖励项目名称") }))
        .describe("计入的奖励项目及其名称（与 items 同序）"),
      definition: z.string(),
    }),
    z.object({ kind: z.literal("manual"), definition: z.string() }),
  ])
  .describe("计数方式：distinct 由系统按奖励与登记计数，manual 由授权官员录入数值");

/** A target as the policy sets it (describeTarget). */
const targetFields = {
  id: z.string(),
  policy: z.string().describe("设定目标的政策"),
  policyTitle: z.string().describe("政策的标题"),
  indicator: z.string().describe("指标名称"),
  comparator: z.enum(["gte", "gt"]).describe("gte 为达到（≥），gt 为高于（>）"),
  comparatorText: z.string(),
  value: decimal("目标值"),
  unit: z.string(),
  deadline: z.string().describe("目标期限（含当日）"),
  ref: z.string().describe("政策条款"),
  counting: countingSchema,
};

export const targetProgressSchema = z
  .object({
    on: z.string().describe("计算进度的日期（晚于期限时为期限）"),
    value: decimal("当前值").nullable().describe("当前值；人工录入的指标尚无数值时为 null"),
    // Never null in fact; present-target.ts formats it with the nullable helper, so its type
    // allows null.
    target: decimal("目标值").nullable(),
    expected: decimal("按期限线性推算此日应达到的值")
      .nullable()
      .describe("按期限线性推算此日应达到的值；无基数可推算时为 null"),
    status: z.enum(STATUSES),
    statusName: z.string().describe("状态的中文名"),
    final: z.boolean().describe("期限已过，结果为最终结果"),
    percent: z.number().nullable().describe("完成百分比（最多 100，保留一位小数）"),
    counties: z.array(
      z.object({
        county: z.string().describe("县（市、区），或“全市”"),
        baseline: decimal("基数"),
        counted: z.number().int().describe("基数之后计入的个数"),
        value: decimal("当前值"),
      }),
    ),
    unit: z.string(),
  })
  .meta({ id: "TargetProgress", description: "目标在某日的进度、状态与按县分布" });

export const targetListSchema = z
  .object({
    policy: z.string(),
    asOf: z.string(),
    items: z.array(
      z
        .object({ ...targetFields, progress: targetProgressSchema })
        .meta({ id: "TargetOverview", description: "目标及其进度" }),
    ),
  })
  .meta({ id: "TargetList", description: "一项政策的全部目标及其在某日的进度" });

export const targetDetailSchema = z
  .object({
    ...targetFields,
    asOf: z.string(),
    progress: targetProgressSchema,
    history: z
      .array(z.object({ on: z.string(), value: decimal("当日的值").nullable() }))
      .describe("自政策生效起每月末（及查看日）的值"),
    baselines: z
      .array(
        z.object({
          id: z.string(),
          county: z.string(),
          value: decimal("基数"),
          asOf: z.string().describe("基数日期"),
          source: z.string(),
          note: z.string().nullable(),
          createdAt: z.string(),
        }),
      )
      .describe("登记的基数（新的在前，保留历史）"),
    values: z
      .array(
        z.object({
          id: z.string(),
          county: z.string(),
          value: decimal("录入的数值"),
          periodStart: z.string(),
          periodEnd: z.string(),
          source: z.string(),
          note: z.string().nullable(),
          createdAt: z.string(),
          evidence: z.array(targetValueEvidenceSchema),
        }),
      )
      .describe("录入的数值（新的在前，保留历史）"),
  })
  .meta({ id: "TargetDetail", description: "单个目标：进度、历史、基数与录入的数值" });

export const targetContributionsSchema = z
  .object({
    targetId: z.string(),
    on: z.string(),
    total: z.number().int(),
    items: z.array(
      z.object({
        county: z.string(),
        organizationName: z.string(),
        subject: z.string().describe("成果名称"),
        eventDate: z.string().describe("取得日期"),
        endedOn: z.string().nullable().describe("失效日期"),
        source: z.enum(["award", "record"]).describe("award 为奖励，record 为登记的成果"),
        ref: z.string().describe("奖励或登记记录的编号"),
      }),
    ),
  })
  .meta({ id: "TargetContributions", description: "构成目标计数的奖励与登记记录" });

export const targetBaselineAddedSchema = z
  .object({
    id: z.string(),
    targetId: z.string(),
    county: z.string(),
    value: decimal("基数"),
    asOf: z.string(),
  })
  .meta({ id: "TargetBaselineAdded", description: "登记的目标基数" });

export const targetRecordAddedSchema = z
  .object({ id: z.string(), targetId: z.string(), county: z.string(), subject: z.string() })
  .meta({ id: "TargetRecordAdded", description: "登记的成果" });

export const targetRecordWithdrawnSchema = z
  .object({ id: z.string(), withdrawnAt: z.string() })
  .meta({ id: "TargetRecordWithdrawn", description: "撤回的成果登记" });

export const targetValueAddedSchema = z
  .object({
    id: z.string(),
    targetId: z.string(),
    county: z.string(),
    value: decimal("录入的数值"),
    periodStart: z.string(),
    periodEnd: z.string(),
    evidence: targetValueEvidenceSchema.nullable().describe("随数值上传的证明材料"),
  })
  .meta({ id: "TargetValueAdded", description: "录入的人工指标数值" });
