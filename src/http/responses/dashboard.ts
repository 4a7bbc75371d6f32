import { z } from "zod";
import { STATES } from "../../applications/states.ts";
import { COUNTIES } from "../../organizations/counties.ts";

/** What the leaders' dashboard answers (src/http/routes/dashboard.ts). */

const tallySchema = z.object({
  key: z.string(),
  count: z.number().int().describe("奖励数"),
  amount: z.number().int().describe("金额（元）"),
});

export const dashboardSchema = z
  .object({
    county: z.enum(COUNTIES).nullable().describe("县级用户只看本县；全市为 null"),
    year: z.number().int().nullable().describe("所查看的年度；不分年度时为 null"),
    awards: z
      .object({
        byCounty: z.array(tallySchema),
        byGroup: z.array(tallySchema).describe("按奖励项目类别"),
        byYear: z.array(tallySchema).describe("按预算年度（总是全部年度）"),
        total: z.object({ count: z.number().int(), amount: z.number().int() }),
      })
      .describe("已预留或已支付的奖励"),
    budgets: z.array(
      z.object({
        year: z.number().int(),
        source: z.string().describe("资金来源：city 或县（市、区）名称"),
        sourceName: z.string(),
        total: z.number().int(),
        reserved: z.number().int(),
        paid: z.number().int(),
        remaining: z.number().int(),
      }),
    ),
    cases: z
      .array(z.object({ state: z.enum(STATES), count: z.number().int() }))
      .describe("已提交过的申报按状态计数"),
    reviewSteps: z.array(
      z.object({
        step: z.string().describe("环节：accept 受理，county 县级初审，city 市级复审"),
        name: z.string(),
        decisions: z.number().int().describe("已作出的决定数"),
        averageDays: z.number().nullable().describe("平均工作日（一位小数）；无决定时为 null"),
      }),
    ),
  })
  .meta({ id: "Dashboard", description: "领导看板（汇总数据，无个人信息）" });
