import { z } from "zod";
import type { Condition, FactSpec } from "./conditions.ts";
import type { CivilDate } from "./dates.ts";
import type { DatedParameter } from "./parameters.ts";
import { type RosterKind, rosterSchema } from "./roster-schema.ts";

/** How a county's top-up meets the city's decision on the same item: 配套 or 就高不重复. */
export const COMBINES = ["stack", "higher"] as const;
export type Combine = (typeof COMBINES)[number];

/**
 * The shape of a policy pack as written in data (YAML or JSON), checked before it is compiled,
 * and the shape of the compiled pack. Every field carries a Chinese description: they become the
 * titles and hints of docs/pack.schema.json (`npm run gen:pack-schema`), which editors use.
 *
 * No schema here carries a `.meta({ id })`: ids in zod's global registry become components of the
 * HTTP API's OpenAPI document.
 */

const civilDate = z.iso.date({ error: "应为有效日期 YYYY-MM-DD" });
const clauseRef = z.string().min(1, "条款引用不能为空");

/**
 * A dated parameter: values in force from their `from` date on, strictly increasing. An entry out
 * of order is reported at its own `from`, so that the path points at the line to fix.
 */
function dated<T extends z.ZodType>(value: T, what: string) {
  return z
    .array(
      z
        .object({
          from: civilDate.describe("自该日（含）起适用此值，YYYY-MM-DD"),
          value: value.describe(what),
          ref: clauseRef.describe("此值所据的条款，如 三（一）1"),
        })
        .strict()
        .describe("一个带日期的取值"),
    )
    .min(1, "至少需要一个取值")
    .superRefine((list, ctx) => {
      list.forEach((entry, i) => {
        const before = list[i - 1];
        if (before && before.from >= entry.from) {
          ctx.addIssue({
            code: "custom",
            path: [i, "from"],
            input: entry.from,
            message: `取值须按生效日期严格递增：${entry.from} 不晚于前一项的 ${before.from}`,
          });
        }
      });
    })
    .describe(`${what}：按生效日期严格递增的取值列表，每项自其 from 日起适用，直至下一项生效`);
}

const yuan = z.number().int("金额应为整数元").positive("金额应大于 0");

const factLabel = z.string().describe("事实在申报表单中的中文名称");

const factSpec = z
  .discriminatedUnion("type", [
    z
      .object({ type: z.literal("boolean").describe("是/否"), label: factLabel })
      .strict()
      .describe("是/否事实"),
    z
      .object({ type: z.literal("integer").describe("整数"), label: factLabel })
      .strict()
      .describe("整数事实"),
    z
      .object({
        type: z.literal("enum").describe("从选项中选一"),
        label: factLabel,
        values: z
          .record(z.string(), z.string().describe("选项的中文名称"))
          .describe("选项：键为选项代码，值为中文名称"),
      })
      .strict()
      .describe("枚举事实"),
  ])
  .describe("申报须提供的一项事实及其类型");

const factName = z.string().describe("所读取的事实名称，须在本项目的 facts 中声明");
const conditionLabel = z.string().describe("条件的中文说明，用于理由和目录");

// Built once: the lazy getter must return the same schema every time, or the JSON Schema
// generator follows the recursion for ever.
const condition: z.ZodType<Condition> = z.lazy(() => conditionUnion);
const conditionUnion: z.ZodType<Condition> = z
  .discriminatedUnion("kind", [
    z
      .object({
        kind: z.literal("equals").describe("事实等于某值"),
        fact: factName,
        value: z
          .union([z.boolean(), z.number(), z.string()])
          .describe("要求的值：是/否事实为布尔值，整数事实为整数，枚举事实为选项代码"),
        label: conditionLabel,
      })
      .strict()
      .describe("等于条件"),
    z
      .object({
        kind: z.literal("oneOf").describe("枚举事实取所列选项之一"),
        fact: factName,
        values: z
          .array(z.string().describe("选项代码"))
          .min(1, "至少列出一个选项")
          .describe("可接受的选项代码"),
        label: conditionLabel,
      })
      .strict()
      .describe("选项之一条件"),
    z
      .object({
        kind: z.literal("atLeast").describe("整数事实不小于某值"),
        fact: factName,
        value: z.number().int("应为整数").describe("最小值（含）"),
        label: conditionLabel,
      })
      .strict()
      .describe("不少于条件"),
    z
      .object({
        kind: z.literal("when").describe("前提成立时才要求另一条件"),
        if: condition.describe("前提：不成立时本条件视为满足"),
        require: condition.describe("前提成立时须满足的条件"),
      })
      .strict()
      .describe("条件式要求"),
  ])
  .describe("一项申报条件");

const period = z
  .object({
    start: civilDate.describe("窗口首日（含）"),
    end: civilDate.describe("窗口末日（含）"),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.start > p.end) {
      ctx.addIssue({
        code: "custom",
        path: ["end"],
        input: p.end,
        message: `窗口结束日期 ${p.end} 早于开始日期 ${p.start}`,
      });
    }
  });

const window = z
  .object({
    when: condition.describe("适用本窗口的情形"),
    label: z.string().describe("窗口的中文名称"),
    period: dated(period, "事件日期须落入的期间（替代政策有效期）"),
  })
  .strict()
  .describe("项目自有的申报期间：满足 when 的申报以此期间代替政策有效期判断事件日期");

export const beneficiaries = [
  "组织",
  "企业",
  "第一起草单位",
  "主要承担单位",
  "承担单位",
  "实验室",
  "平台",
] as const;

export const itemSchema = z
  .object({
    id: z
      .string()
      .regex(/^\d+\.\d+(\.[a-z])?$/, "奖励项目编号应形如 1.1.a 或 3.4")
      .describe("奖励项目编号：部分.条.项，如 1.1.a；在本政策包内唯一"),
    title: z.string().describe("项目名称"),
    group: z.string().describe("项目所属类别，如 质量品牌、标准化"),
    clause: clauseRef.describe("项目所据的条款，如 三（一）1"),
    beneficiary: z.enum(beneficiaries).describe("受奖主体"),
    kind: z
      .enum(["fixed", "competitive"])
      .default("fixed")
      .describe("fixed：按申报兑现固定金额；competitive：竞争性项目，择优安排，不按申报兑现"),
    note: z.string().optional().describe("补充说明"),
    amount: dated(yuan, "奖励金额（元）")
      .optional()
      .describe("奖励金额（元）：固定项目必填，竞争性项目不得填写"),
    facts: z
      .record(z.string(), factSpec)
      .default({})
      .describe("条件读取的事实：键为事实名称，值为其类型与中文名称"),
    conditions: z.array(condition).default([]).describe("须全部满足的申报条件"),
    windows: z
      .array(window)
      .default([])
      .describe("项目自有的申报期间；按顺序取第一个 when 成立的窗口"),
    combine: z
      .enum(COMBINES)
      .optional()
      .describe(
        "县级配套政策中与市级同一项目的关系：stack 叠加（配套），higher 就高不重复；不填则按 supplement.combine",
      ),
  })
  .strict()
  .superRefine((i, ctx) => {
    if (i.kind === "fixed" && i.amount === undefined) {
      ctx.addIssue({ code: "custom", path: ["amount"], input: i, message: "固定奖励项目须有金额" });
    }
    if (i.kind === "competitive" && i.amount !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["amount"],
        input: i.amount,
        message: "竞争性项目不得有金额",
      });
    }
  })
  .describe("一个奖励项目");

/**
 * How a target is counted: distinct organizations or subjects among the live awards of some
 * items and the records officials register (plus a baseline), or a value measured outside.
 */
const counting = z
  .discriminatedUnion("kind", [
    z
      .object({
        kind: z.literal("distinct").describe("按去重的组织或对象计数"),
        unit: z
          .enum(["organization", "subject"])
          .describe(
            "organization：按统一社会信用代码去重；subject：按对象（标准编号、项目等）去重",
          ),
        items: z
          .array(z.string().describe("奖励项目编号"))
          .default([])
          .describe("计入的奖励项目，须为本政策包中的项目"),
        definition: z.string().describe("计数口径的中文说明"),
      })
      .strict()
      .describe("去重计数"),
    z
      .object({
        kind: z.literal("manual").describe("在系统外测得，由官员录入"),
        definition: z.string().describe("统计口径的中文说明"),
      })
      .strict()
      .describe("人工录入"),
  ])
  .describe("目标的计数方式");

const target = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9-]+$/, "目标编号只能含小写字母、数字和连字符")
      .describe("目标编号：小写字母、数字和连字符"),
    indicator: z.string().describe("指标名称"),
    comparator: z.enum(["gte", "gt"]).describe("gte：达到或以上（≥）；gt：高于（>）"),
    value: z.number().positive("目标值应大于 0").describe("目标值"),
    unit: z.string().describe("计量单位，如 家、项、%"),
    counting: counting.default({ kind: "manual", definition: "由授权官员录入的数值" }),
  })
  .strict()
  .describe("一项目标");

export const validitySchema = z
  .object({
    effective: civilDate.describe("施行日（含），YYYY-MM-DD"),
    years: z
      .number()
      .int("有效年数应为整数")
      .positive("有效年数应大于 0")
      .max(100, "有效年数不应超过 100")
      .describe("有效期年数：最后一日为施行日满该年数的前一日"),
    ref: clauseRef.describe("规定有效期的条款，如 五、附则"),
  })
  .strict()
  .describe("施行日与有效期");

export const capSchema = z
  .object({
    id: z.string().describe("上限编号，在本政策包内唯一"),
    title: z.string().describe("上限名称"),
    items: z
      .array(z.string().describe("奖励项目编号"))
      .min(1, "至少列出一个奖励项目")
      .describe("共用此上限的奖励项目；一个项目至多属于一个上限"),
    per: z.literal("organization").describe("按组织（统一社会信用代码）累计"),
    limit: dated(yuan, "累计上限（元）"),
  })
  .strict()
  .describe("若干项目合计的累计奖励上限");

export const packSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9-]+$/, "政策包编号只能含小写字母、数字和连字符")
      .describe("政策包编号：小写字母、数字和连字符，如 taizhou-quality-2023"),
    title: z.string().describe("政策文件全称"),
    shortTitle: z.string().describe("政策简称，用于理由与页面"),
    jurisdiction: z
      .string()
      .regex(/\S/, "适用地域不能为空")
      .describe("适用地域，如 台州市；同一地域的政策包施行期不得重叠，除非一方废止另一方"),
    validity: validitySchema,
    repeals: z
      .array(
        z
          .object({
            id: z.string().describe("被废止政策的编号：已收录的政策包编号，或文件文号"),
            title: z.string().describe("被废止政策的名称"),
            ref: clauseRef.describe("规定废止的条款"),
          })
          .strict()
          .describe("一项被本政策废止的政策"),
      )
      .default([])
      .describe("本政策废止的政策"),
    supplement: z
      .object({
        to: z.string().describe("所配套的上级政策的适用地域，如 台州市"),
        combine: z
          .enum(COMBINES)
          .default("higher")
          .describe("与上级政策同一项目的默认关系：higher 就高不重复（默认），stack 叠加"),
        ref: clauseRef.describe("规定配套方式的条款"),
      })
      .strict()
      .optional()
      .describe(
        "县级配套政策（四（三））：与上级政策同时适用于本地域的申报，资金由本级财政承担；与上级政策同一项目编号的为配套（加码）项目",
      ),
    funding: z
      .object({
        ref: clauseRef.describe("规定资金承担的条款"),
        cityCounties: z
          .array(z.string().describe("县（市、区）名称"))
          .min(1, "至少列出一个县（市、区）")
          .describe("由市财政承担其申报的县（市、区）"),
        cityItems: z
          .array(z.string().describe("奖励项目编号"))
          .default([])
          .describe("无论所在县（市、区）均由市财政承担的奖励项目"),
      })
      .strict()
      .optional()
      .describe("资金承担规则（县级配套政策可不填：全部由本级财政承担）"),
    sameProject: z
      .object({ ref: clauseRef.describe("规定同一项目按最先申报一项执行的条款") })
      .strict()
      .describe("同一项目符合多项补助时的规则"),
    caps: z.array(capSchema).default([]).describe("累计奖励上限"),
    readings: z
      .array(
        z
          .object({
            ref: clauseRef.describe("所解释的条款"),
            topic: z.string().describe("主题"),
            text: z.string().describe("所采用的理解"),
          })
          .strict()
          .describe("一条条文理解"),
      )
      .default([])
      .describe("原文可有多种理解时所采用的理解，列入政策目录"),
    items: z.array(itemSchema).min(1, "至少需要一个奖励项目").describe("奖励项目"),
    rosters: z
      .array(rosterSchema)
      .default([])
      .describe("官方名单类型（免申即享）：导入名单后，已注册组织的每一行成为待其确认的奖励"),
    targets: z
      .object({
        deadline: civilDate.describe("目标的完成期限，YYYY-MM-DD"),
        ref: clauseRef.describe("规定目标的条款"),
        list: z.array(target).describe("目标列表"),
      })
      .strict()
      .optional()
      .describe("政策设定的目标"),
  })
  .strict()
  .meta({
    title: "政策包",
    description: "一项奖励政策的数据：有效期、资金承担、上限、奖励项目（带日期的金额与条件）及目标",
  });

export type PackData = z.infer<typeof packSchema>;
export type ItemData = PackData["items"][number];
export type CapData = PackData["caps"][number];
export type TargetData = z.infer<typeof target>;
export type Counting = z.infer<typeof counting>;

// ── The compiled pack ──────────────────────────────────────────────────────────────────────

export interface Cap {
  readonly id: string;
  readonly title: string;
  readonly items: readonly string[];
  readonly per: "organization";
  readonly limit: DatedParameter<number>;
}

export interface ItemWindow {
  readonly when: Condition;
  readonly label: string;
  readonly period: DatedParameter<{ readonly start: CivilDate; readonly end: CivilDate }>;
}

export interface PolicyItem {
  readonly id: string;
  readonly title: string;
  readonly group: string;
  readonly clause: string;
  readonly beneficiary: string;
  readonly kind: "fixed" | "competitive";
  readonly note: string | undefined;
  /** Absent only for competitive items (3.4). */
  readonly amount: DatedParameter<number> | undefined;
  readonly facts: Readonly<Record<string, FactSpec>>;
  readonly conditions: readonly Condition[];
  readonly windows: readonly ItemWindow[];
  readonly cap: Cap | undefined;
  /** Paid by the city whatever the county (五、附则: 台州市政府质量奖（含标准创新贡献奖）). */
  readonly alwaysCityFunded: boolean;
  /** In a county's supporting pack: how this top-up meets the city's item, when it says so. */
  readonly combine: Combine | undefined;
}

export interface Target extends TargetData {
  readonly deadline: CivilDate;
  readonly ref: string;
}

export interface PolicyPack {
  readonly id: string;
  readonly title: string;
  readonly shortTitle: string;
  readonly jurisdiction: string;
  readonly effective: CivilDate;
  /** Last day in force, inclusive. */
  readonly expires: CivilDate;
  readonly validityRef: string;
  readonly repeals: PackData["repeals"];
  readonly funding: { readonly ref: string; readonly cityCounties: ReadonlySet<string> };
  /** Set for a county's supporting pack (四（三）): decided beside the packs it supports. */
  readonly supplement:
    | { readonly to: string; readonly combine: Combine; readonly ref: string }
    | undefined;
  readonly sameProjectRef: string;
  readonly caps: readonly Cap[];
  readonly items: ReadonlyMap<string, PolicyItem>;
  readonly itemList: readonly PolicyItem[];
  readonly readings: PackData["readings"];
  readonly targets: readonly Target[];
  /** The official rosters whose rows become offers (免申即享). */
  readonly rosters: readonly RosterKind[];
}
