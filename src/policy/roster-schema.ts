import { z } from "zod";

/**
 * A roster kind (免申即享): a list some authority publishes (品字标 certificates, quality awards,
 * standards and their first drafting units…), its columns, and how a row becomes a claim of an
 * item of the pack. Officials import such lists; each row of a registered organization becomes an
 * offer that the organization only confirms.
 *
 * A column's `type` says how a cell is read:
 * - `uscc` the organization's 统一社会信用代码 (exactly one column; may be blank in a row),
 * - `name` the organization's name as the roster gives it (exactly one column),
 * - `text`, `integer`, `date` (2024-03-01, 2024/3/1, 2024年3月1日 or an Excel date),
 * - `boolean` (是/否),
 * - `enum` with `values` from the cell's text to a code (a fact's option, or an item id).
 */

const key = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9]*$/, "列代码只能含字母和数字，以字母开头")
  .describe("列代码：在本名单内唯一，供 claim 引用");

const header = z.string().regex(/\S/, "表头不能为空").describe("模板和文件中的中文表头");

const optional = z.boolean().default(false).describe("为 true 时该列可以留空");

const column = z
  .discriminatedUnion("type", [
    z
      .object({
        key,
        header,
        type: z.literal("uscc").describe("统一社会信用代码（可留空：按名称比对）"),
      })
      .strict(),
    z.object({ key, header, type: z.literal("name").describe("组织名称") }).strict(),
    z.object({ key, header, type: z.literal("text").describe("文本"), optional }).strict(),
    z.object({ key, header, type: z.literal("integer").describe("整数"), optional }).strict(),
    z
      .object({
        key,
        header,
        type: z.literal("date").describe("日期：2024-03-01、2024/3/1、2024年3月1日或 Excel 日期"),
        optional,
      })
      .strict(),
    z.object({ key, header, type: z.literal("boolean").describe("是/否"), optional }).strict(),
    z
      .object({
        key,
        header,
        type: z.literal("enum").describe("从所列文字中选一"),
        values: z
          .record(z.string(), z.string().describe("对应的代码：事实选项代码或奖励项目编号"))
          .refine((v) => Object.keys(v).length > 0, "至少列出一个取值")
          .describe("单元格文字 → 代码"),
        optional,
      })
      .strict(),
  ])
  .describe("名单的一列");

export const rosterSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9-]+$/, "名单类型编号只能含小写字母、数字和连字符")
      .describe("名单类型编号，如 pinzibiao；在本政策包内唯一"),
    title: z.string().describe("名单名称，如 “品字标”认证证书名单"),
    publisher: z.string().describe("名单的发布或提供单位"),
    ref: z.string().min(1, "条款引用不能为空").describe("所对应的条款"),
    columns: z
      .array(column)
      .min(2, "至少需要统一社会信用代码和组织名称两列")
      .describe("各列，按模板顺序"),
    claim: z
      .object({
        item: z
          .union([
            z.string().describe("固定的奖励项目编号"),
            z
              .object({ column: z.string().describe("取值为奖励项目编号的枚举列") })
              .strict()
              .describe("按某一枚举列的取值确定奖励项目"),
          ])
          .describe("每行所申报的奖励项目"),
        subject: z
          .string()
          .regex(
            /\{[a-zA-Z][a-zA-Z0-9]*\}/,
            "奖励对象须引用至少一列，如 “品字标”证书 {certificate}",
          )
          .describe("奖励对象的写法：{列代码} 处填入该行的值（枚举列填其文字）"),
        eventDate: z.string().describe("事件日期所在的日期列代码"),
        facts: z
          .record(z.string(), z.string().describe("提供该事实的列代码"))
          .default({})
          .describe("事实名称 → 提供它的列代码"),
      })
      .strict()
      .describe("一行如何成为一项申报"),
  })
  .strict()
  .describe("一类官方名单（免申即享）：列、及每行如何成为一项申报");

export type RosterKind = z.infer<typeof rosterSchema>;
export type RosterColumn = RosterKind["columns"][number];
