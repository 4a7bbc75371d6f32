import { z } from "zod";
import { DIRECTION_NAMES, type Direction } from "../../assessment/scoring.ts";

/** What the routes of the county assessment (四（一）) answer. Values and points are decimal text. */

const DIRECTIONS = Object.keys(DIRECTION_NAMES) as Direction[];

const direction = z.enum(DIRECTIONS).describe("higher 越高越好，lower 越低越好");

const ruleSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("relative") }),
    z.object({ kind: z.literal("threshold"), threshold: z.string().describe("达标值") }),
    z.object({
      kind: z.literal("linear"),
      min: z.string().describe("下限"),
      max: z.string().describe("上限"),
    }),
  ])
  .meta({
    id: "AssessmentRule",
    description: "计分规则：relative 相对最优值，threshold 达标得分，linear 区间线性",
  });

const sourceSchema = z
  .discriminatedUnion("kind", [
    z.object({
      kind: z.literal("awards"),
      measure: z.enum(["count", "amount"]).describe("count 项数，amount 金额"),
      items: z.array(z.string()).optional().describe("只计这些奖励项目；不填为全部"),
    }),
    z.object({
      kind: z.literal("targets"),
      targetIds: z.array(z.string()).optional().describe("只计这些目标；不填为全部计数目标"),
    }),
    z.object({ kind: z.literal("objections_upheld") }),
    z.object({
      kind: z.literal("review_timeliness"),
      days: z.number().int().describe("审核时限（工作日）"),
    }),
    z.object({ kind: z.literal("manual") }),
  ])
  .meta({ id: "AssessmentSource", description: "指标数值的来源" });

const indicatorSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    weight: z.number().int().describe("权重（整数分值，方案内之和为 100）"),
    direction,
    rule: ruleSchema,
    source: sourceSchema,
  })
  .meta({ id: "AssessmentIndicator", description: "考核指标：权重、方向、计分规则与数据来源" });

export const assessmentSchemeSchema = z
  .object({
    id: z.string(),
    year: z.number().int(),
    version: z.number().int().describe("该年度方案的版本号，从 1 起"),
    note: z.string().nullable(),
    indicators: z.array(indicatorSchema),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "AssessmentScheme", description: "某年度考核方案的一个版本" });

export const assessmentSchemeListSchema = z
  .object({ items: z.array(assessmentSchemeSchema) })
  .meta({ id: "AssessmentSchemeList", description: "考核方案（各年度各版本，新版本在前）" });

export const assessmentValueSchema = z
  .object({
    id: z.string(),
    year: z.number().int(),
    county: z.string(),
    indicatorId: z.string(),
    value: z.string().describe("数值（十进制数文本）"),
    source: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "AssessmentValue", description: "录入的人工指标数值" });

const pointsText = z.string().describe("得分（两位小数文本）");

const indicatorScoreSchema = z.object({
  indicatorId: z.string(),
  name: z.string(),
  weight: z.number().int(),
  direction,
  rule: ruleSchema,
  value: z.string().nullable().describe("该县的数值；没有时为 null，得 0 分"),
  best: z.string().nullable().describe("各县中的最优值；都没有时为 null"),
  pointsCenti: z.number().int().describe("得分（百分之一分）"),
  points: pointsText,
  formula: z.string().describe("计算过程，可手工复算"),
});

const countyScoreSchema = z
  .object({
    county: z.string(),
    rank: z.number().int().describe("名次：总分相同者名次相同（1、2、2、4）"),
    totalCenti: z.number().int().describe("总分（百分之一分）"),
    total: pointsText,
    indicators: z.array(indicatorScoreSchema).readonly(),
  })
  .meta({ id: "AssessmentCountyScore", description: "一个县（市、区）的得分、名次与逐项计算" });

export const assessmentRunSchema = z
  .object({
    id: z.string(),
    year: z.number().int(),
    schemeId: z.string(),
    schemeVersion: z.number().int(),
    createdBy: z.string(),
    createdAt: z.string(),
    inputs: z
      .record(z.string(), z.record(z.string(), z.string().nullable()))
      .describe("计算所用的数值：指标 → 县（市、区） → 数值（十进制数文本，没有时为 null）"),
    results: z.object({
      indicators: z
        .array(
          z.object({
            id: z.string(),
            name: z.string(),
            weight: z.number().int(),
            direction,
            rule: ruleSchema,
            best: z.string().nullable(),
          }),
        )
        .readonly(),
      counties: z.array(countyScoreSchema).readonly().describe("各县（市、区），按名次"),
    }),
  })
  .meta({ id: "AssessmentRun", description: "一次考核计算：所用方案版本、输入与结果" });

export const assessmentRunListSchema = z
  .object({
    items: z.array(
      z
        .object({
          id: z.string(),
          year: z.number().int(),
          schemeId: z.string(),
          schemeVersion: z.number().int(),
          createdBy: z.string(),
          createdAt: z.string(),
          ranking: z.array(
            z.object({ county: z.string(), rank: z.number().int(), total: pointsText }),
          ),
        })
        .meta({ id: "AssessmentRunSummary", description: "考核计算记录及其排名（不含输入）" }),
    ),
  })
  .meta({ id: "AssessmentRunList", description: "考核计算记录（新的在前）" });

export const assessmentRunCheckSchema = z
  .object({
    ok: z.boolean().describe("重新计分的结果与保存的结果一致"),
    differences: z.array(
      z.object({
        path: z.string().describe("不一致之处，如 counties[3].totalCenti"),
        stored: z.unknown().describe("保存的值"),
        recomputed: z.unknown().describe("重新计算的值"),
      }),
    ),
  })
  .meta({ id: "AssessmentRunCheck", description: "考核计算的核对结果" });
