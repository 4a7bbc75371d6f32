import { z } from "zod";

/** What the policy routes answer (src/http/routes/policies.ts). */

const datedAmountSchema = z
  .object({
    from: z.string().describe("自该日起适用"),
    value: z.number().int().describe("金额（元）"),
    ref: z.string().describe("所依据的条款"),
  })
  .meta({ id: "DatedAmount", description: "随日期变化的金额：自 from 起适用，直到下一条的 from" });

const policyTargetSchema = z
  .object({
    id: z.string(),
    indicator: z.string().describe("指标"),
    comparator: z.enum(["gte", "gt"]).describe("gte 不少于，gt 多于"),
    value: z.number(),
    unit: z.string(),
    counting: z
      .discriminatedUnion("kind", [
        z.object({
          kind: z.literal("distinct"),
          unit: z.enum(["organization", "subject"]),
          items: z.array(z.string()),
          definition: z.string(),
        }),
        z.object({ kind: z.literal("manual"), definition: z.string() }),
      ])
      .describe("计数方法：按奖励项目统计不同组织或对象（distinct），或由授权人员录入（manual）"),
    deadline: z.string().describe("目标期限"),
    ref: z.string().describe("所依据的条款"),
  })
  .meta({ id: "PolicyTarget", description: "政策规定的工作目标" });

export const policySummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    shortTitle: z.string(),
    jurisdiction: z.string(),
    effective: z.string().describe("施行首日"),
    expires: z.string().describe("有效期最后一日（含）"),
    validityRef: z.string(),
    repeals: z
      .array(z.object({ id: z.string(), title: z.string(), ref: z.string() }))
      .describe("同时废止的文件"),
    itemCount: z.number().int(),
    readings: z
      .array(z.object({ ref: z.string(), topic: z.string(), text: z.string() }))
      .describe("对条款的解读（采用的理解）"),
    caps: z
      .array(
        z.object({
          id: z.string(),
          title: z.string(),
          items: z.array(z.string()).describe("受该上限约束的奖励项目"),
          per: z.string().describe("上限的计算单位：organization 每个组织"),
          limit: z.array(datedAmountSchema),
        }),
      )
      .describe("累计奖励上限"),
    targets: z.array(policyTargetSchema).readonly(),
  })
  .meta({ id: "PolicySummary", description: "已收录的政策：施行期、上限、目标和解读" });

export const policyListSchema = z
  .object({
    current: z.string().describe("现行政策编号"),
    policies: z.array(policySummarySchema),
  })
  .meta({ id: "PolicyList", description: "已收录的政策" });

const factSpecSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("boolean"), label: z.string() }),
  z.object({ type: z.literal("integer"), label: z.string() }),
  z.object({
    type: z.literal("enum"),
    label: z.string(),
    values: z.record(z.string(), z.string()).describe("取值及其中文含义"),
  }),
]);

export const catalogItemSchema = z
  .object({
    id: z.string().describe("奖励项目编号，如 1.1.g"),
    title: z.string(),
    group: z.string().describe("类别"),
    clause: z.string(),
    beneficiary: z.string().describe("奖励对象"),
    kind: z.enum(["fixed", "competitive"]).describe("fixed 固定奖励，competitive 竞争性项目"),
    note: z.string().nullable(),
    amountYuan: z
      .number()
      .int()
      .nullable()
      .describe("在 asOf 当日适用的金额（元）；竞争性项目为 null"),
    amountHistory: z.array(datedAmountSchema),
    facts: z
      .array(z.object({ name: z.string(), spec: factSpecSchema }))
      .describe("申报须填写的事实"),
    conditions: z
      .array(z.object({ text: z.string(), formal: z.string() }))
      .describe("条件：中文说明与形式表达"),
    windows: z
      .array(
        z.object({
          label: z.string(),
          when: z.string(),
          start: z.string(),
          end: z.string(),
          ref: z.string(),
        }),
      )
      .describe("项目自身的时间窗口"),
    cap: z
      .object({ id: z.string(), title: z.string(), limitYuan: z.number().int(), ref: z.string() })
      .nullable(),
    funding: z
      .object({ rule: z.enum(["city", "by-county"]), text: z.string(), ref: z.string() })
      .describe("资金承担"),
  })
  .meta({ id: "CatalogItem", description: "奖励项目：金额、条款、条件、所需事实、资金承担" });

export const policyCatalogSchema = z
  .object({ policy: policySummarySchema, items: z.array(catalogItemSchema) })
  .meta({ id: "PolicyCatalog", description: "政策的奖励项目目录" });
