import { z } from "zod";
import { civilDateSchema, countySchema, usccSchema } from "../calculate/request.ts";
import { CITY_WIDE } from "./progress.ts";

/** What officials send to enter baselines, records and values of the 2025 targets (二). */

const text = (max: number) =>
  z.string().trim().min(1, "不能为空").max(max, `不能超过 ${max} 个字符`);
const decimalText = z
  .union([z.string(), z.number()], {
    error: (issue) =>
      issue.input === undefined ? "缺少必填字段（非负数）" : "应为非负数（数字或数字文本）",
  })
  .transform((v) => (typeof v === "number" ? String(v) : v))
  .meta({ example: "12", description: "非负数，最多 4 位小数" });
export const countyOrCity = z
  .string()
  .refine((v) => v === CITY_WIDE || countySchema.safeParse(v).success, {
    message: `应为县（市、区）名称或“${CITY_WIDE}”`,
  });

export const baselineInputSchema = z.object({
  targetId: text(100),
  county: countyOrCity,
  value: decimalText,
  asOf: civilDateSchema,
  source: text(200),
  note: z.string().max(1000).optional(),
});

export const recordInputSchema = z.object({
  targetId: text(100),
  county: countySchema,
  organizationName: text(200),
  uscc: usccSchema.optional(),
  subject: text(200),
  eventDate: civilDateSchema,
  endedOn: civilDateSchema.nullable().optional(),
  source: text(200),
  note: z.string().max(1000).optional(),
});

export const valueInputSchema = z.object({
  targetId: text(100),
  county: countyOrCity.default(CITY_WIDE),
  value: decimalText,
  periodStart: civilDateSchema,
  periodEnd: civilDateSchema,
  source: text(200),
  note: z.string().max(1000).optional(),
});
