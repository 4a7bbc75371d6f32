import { z } from "zod";
import { civilDateSchema } from "../calculate/request.ts";

/** The inputs of the public-project use cases, shared by the API and the CLI. */

/** The topic categories the clause lists (三（三）4), and 其他 for "等". */
export const PROJECT_CATEGORIES = [
  "标准信息公共服务",
  "质量分析与质量诊断",
  "先进质量管理方法推广",
  "标准对标达标提升",
  "缺陷产品分析研判",
  "应对技术性贸易壁垒",
  "质量数据共建共享",
  "质量数字化转型或治理",
  "质量竞争力指数和品牌发展指数研制分析",
  "其他",
] as const;

const text = (max: number) =>
  z.string().trim().min(1, "不能为空").max(max, `不能超过 ${max} 个字符`);
const yuanSchema = z.number().int("应为整数元").positive("应为正整数元").max(1_000_000_000);

export const callInputSchema = z
  .object({
    year: z.number().int().min(2023).max(2100),
    title: text(200),
    budget: yuanSchema,
    maxPerProposal: yuanSchema.optional(),
    advancePercent: z.number().int().min(0).max(90).default(50),
    categories: z
      .array(text(50))
      .min(1, "至少一个类别")
      .max(20)
      .default([...PROJECT_CATEGORIES]),
    criteria: z
      .array(
        z.object({
          id: z.string().regex(/^[a-z0-9-]{1,40}$/, "应为小写字母、数字或连字符"),
          name: text(50),
          weight: z.number().int().min(1).max(100),
        }),
      )
      .min(1)
      .max(10),
    passMark: z.number().int().min(0).max(100).default(60),
    opensOn: civilDateSchema,
    closesOn: civilDateSchema,
  })
  .superRefine((v, ctx) => {
    const sum = v.criteria.reduce((s, c) => s + c.weight, 0);
    if (sum !== 100)
      ctx.addIssue({
        code: "custom",
        path: ["criteria"],
        message: `权重之和应为 100，现为 ${sum}`,
      });
    const ids = new Set<string>();
    for (const [i, c] of v.criteria.entries()) {
      if (ids.has(c.id))
        ctx.addIssue({ code: "custom", path: ["criteria", i, "id"], message: "评分项编号重复" });
      ids.add(c.id);
    }
    if (v.closesOn < v.opensOn)
      ctx.addIssue({ code: "custom", path: ["closesOn"], message: "截止日期不能早于开始日期" });
    if (v.maxPerProposal !== undefined && v.maxPerProposal > v.budget)
      ctx.addIssue({
        code: "custom",
        path: ["maxPerProposal"],
        message: "单项上限不能超过本次预算",
      });
  });
export type CallInput = z.output<typeof callInputSchema>;

export const proposalInputSchema = z.object({
  category: text(50),
  title: text(200),
  requested: yuanSchema,
  plan: text(20000),
});
export type ProposalInput = z.output<typeof proposalInputSchema>;

export const scoreInputSchema = z.object({
  scores: z.record(
    z.string(),
    z.number().int("应为整数").min(0, "应在 0 到 100 之间").max(100, "应在 0 到 100 之间"),
  ),
  comment: z.string().max(2000).optional(),
});
export type ScoreInput = z.output<typeof scoreInputSchema>;

export const selectionInputSchema = z.object({
  // A publicity period runs a few weeks: a start beyond 2100 is a typing error, and the calendar
  // arithmetic has no civil dates past 9999.
  startDate: civilDateSchema.refine((d) => d <= "2100-12-31", "公示开始日期不能晚于 2100-12-31"),
  workingDays: z.number().int().min(1).max(30).optional(),
  title: text(200).optional(),
});
export type SelectionInput = z.output<typeof selectionInputSchema>;
