import { z } from "zod";
import { countySchema } from "../calculate/request.ts";
import { formatDecimal, parseDecimal } from "../targets/decimal.ts";
import { parseWith } from "../validation.ts";

/** What the city sends to save a scheme, enter a value or run the assessment (四（一）). */

const text = (max: number) =>
  z.string().trim().min(1, "不能为空").max(max, `不能超过 ${max} 个字符`);

const unknownKeys = (issue: { code: string; keys?: string[] }) =>
  issue.code === "unrecognized_keys" ? `不认识的字段：${(issue.keys ?? []).join("、")}` : undefined;

/** A non-negative decimal with at most 4 places, kept as text ("12", "99.5"). */
const decimalText = z
  .union([z.string(), z.number()], { error: "应为非负数" })
  .transform((v) => (typeof v === "number" ? String(v) : v.trim()))
  .refine((v) => isDecimal(v), "应为非负数，最多 4 位小数")
  .transform((v) => formatDecimal(parseDecimal(v, "value")))
  .meta({ example: "12.5", description: "非负数，最多 4 位小数" });

function isDecimal(v: string): boolean {
  try {
    parseDecimal(v, "value");
    return true;
  } catch {
    return false;
  }
}

const year = z
  .number({ error: "应为年度（整数）" })
  .int("应为年度（整数）")
  .min(2000, "年度应在 2000 至 2100 之间")
  .max(2100, "年度应在 2000 至 2100 之间");

const version = z
  .number({ error: "应为版本号（正整数）" })
  .int("应为版本号（正整数）")
  .min(1, "应为版本号（正整数）")
  .max(1_000_000, "版本号过大");

const ruleSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("relative") }, { error: unknownKeys }),
    z.strictObject(
      { kind: z.literal("threshold"), threshold: decimalText },
      { error: unknownKeys },
    ),
    z.strictObject(
      { kind: z.literal("linear"), min: decimalText, max: decimalText },
      { error: unknownKeys },
    ),
  ],
  { error: "计分规则应为 relative（相对最优值）、threshold（达标得分）或 linear（区间线性）" },
);

const sourceSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject(
      {
        kind: z.literal("awards"),
        measure: z.enum(["count", "amount"], { error: "应为 count（项数）或 amount（金额）" }),
        items: z.array(text(20)).min(1, "至少列一个奖励项目").max(100).optional(),
      },
      { error: unknownKeys },
    ),
    z.strictObject(
      {
        kind: z.literal("targets"),
        targetIds: z.array(text(100)).min(1, "至少列一个目标").max(50).optional(),
      },
      { error: unknownKeys },
    ),
    z.strictObject({ kind: z.literal("objections_upheld") }, { error: unknownKeys }),
    z.strictObject(
      {
        kind: z.literal("review_timeliness"),
        days: z
          .number({ error: "应为工作日数（整数）" })
          .int("应为工作日数（整数）")
          .min(1, "至少 1 个工作日")
          .max(60, "不能超过 60 个工作日"),
      },
      { error: unknownKeys },
    ),
    z.strictObject({ kind: z.literal("manual") }, { error: unknownKeys }),
  ],
  {
    error:
      "数据来源应为 awards、targets、objections_upheld、review_timeliness 或 manual（人工录入）",
  },
);

const indicatorSchema = z.strictObject(
  {
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,49}$/, "应为小写字母、数字、-、_ 组成的标识，最多 50 个字符"),
    name: text(50),
    weight: z
      .number({ error: "权重应为整数分值" })
      .int("权重应为整数分值")
      .min(1, "权重至少为 1")
      .max(100, "权重不能超过 100"),
    direction: z.enum(["higher", "lower"], {
      error: "应为 higher（越高越好）或 lower（越低越好）",
    }),
    rule: ruleSchema,
    source: sourceSchema,
  },
  { error: unknownKeys },
);

export const schemeInputSchema = z
  .object({
    year,
    // Schemes are append-only: a save is the year's next version. Two officials editing the same
    // version must not both succeed silently, so the save names the version it was based on.
    baseVersion: version
      .optional()
      .describe(
        "所依据的版本号：编辑时加载的该年度最新版本。该年度尚无方案时不填；" +
          "若该年度最新版本已不是此版本（他人已保存新版本），保存被拒绝（409 stale_version，details.currentVersion 为当前版本）",
      ),
    note: z.string().trim().max(1000, "不能超过 1000 个字符").optional(),
    indicators: z
      .array(indicatorSchema, { error: "应为指标数组" })
      .min(1, "至少一个指标")
      .max(30, "不能超过 30 个指标"),
  })
  .superRefine((scheme, ctx) => {
    const seen = new Set<string>();
    scheme.indicators.forEach((indicator, i) => {
      if (seen.has(indicator.id))
        ctx.addIssue({
          code: "custom",
          path: ["indicators", i, "id"],
          message: `指标标识 ${indicator.id} 重复`,
        });
      seen.add(indicator.id);
      const rule = indicator.rule;
      if (rule.kind === "linear" && parseDecimal(rule.min, "min") >= parseDecimal(rule.max, "max"))
        ctx.addIssue({
          code: "custom",
          path: ["indicators", i, "rule", "max"],
          message: "上限应大于下限",
        });
    });
    const total = scheme.indicators.reduce((sum, ind) => sum + ind.weight, 0);
    if (total !== 100)
      ctx.addIssue({
        code: "custom",
        path: ["indicators"],
        message: `各指标权重之和应为 100，现为 ${total}`,
      });
  });

export const assessmentValueInputSchema = z.object({
  year,
  county: countySchema,
  indicatorId: text(50),
  value: decimalText,
  source: text(200),
});

export const runInputSchema = z.object({
  year,
  version: version.optional(),
});

export type SchemeInput = z.input<typeof schemeInputSchema>;

/** Parses input the domain was given directly (the CLI, the demo), in the API's words. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = parseWith(schema, input);
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
}
