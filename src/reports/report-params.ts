import type ExcelJS from "exceljs";
import { z } from "zod";
import type { Permission } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { countySchema } from "../calculate/request.ts";
import type { Context } from "../context.ts";
import { AppError } from "../errors.ts";
import { COUNTIES, type County, isCounty } from "../organizations/counties.ts";

/**
 * What every report kind is built with. A county filter means the organization's county (where
 * the money goes); `source` means the budget that pays (city, or a county's own).
 */

/** The parameters a report is built with, after scoping. */
export interface ReportParams {
  readonly year: number | null;
  /** The organizations' county, or null for the whole city. */
  readonly county: County | null;
  /** "city" or a county's budget; null for every source. */
  readonly source: string | null;
}

export interface ReportDefinition {
  /** The report's Chinese name: in the list of reports and in the file name. */
  readonly title: string;
  /** What the workbook holds, in a line for the list of reports. */
  readonly description: string;
  /** Checked with the report's county as scope. */
  readonly permission: Permission;
  readonly year: "required" | "optional";
  /** What the file is named by when no year is asked: "历年" (every year), or today's date. */
  readonly withoutYear?: "every-year" | "today";
  /** Whether `source` filters this report (otherwise passing it is refused). */
  readonly bySource: boolean;
  /** Writes the report's sheets into `book` (in memory, or streamed to a file). */
  build(ctx: Context, actor: Actor, params: ReportParams, book: ExcelJS.Workbook): Promise<void>;
}

const yearSchema = z.coerce
  .number()
  .int("应为整数年份")
  .min(2000, "年度应在 2000 至 2100 之间")
  .max(2100, "年度应在 2000 至 2100 之间");

const sourceSchema = z
  .string()
  .refine((v) => v === "city" || isCounty(v), { message: "应为 city 或县（市、区）名称" });

/** The query of every report (HTTP query string, CLI options): all text, coerced here. */
export const reportQuerySchema = z.object({
  year: yearSchema.optional().meta({ description: "年度（奖励、拨付按预算年度；公示按开始日期）" }),
  county: countySchema.optional().meta({ description: "县（市、区）；县级用户缺省为本县" }),
  source: sourceSchema.optional().meta({ description: "资金来源：city 或县（市、区）名称" }),
});

export function requireYear(params: ReportParams): number {
  if (params.year === null) throw new AppError("missing_field", "须指定年度", "year");
  return params.year;
}

/** The counties a report lists: the one asked for, or all of them in their official order. */
export const countiesOf = (params: ReportParams): readonly string[] =>
  params.county ? [params.county] : COUNTIES;
