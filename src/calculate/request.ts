import { z } from "zod";
import { COUNTIES, isCounty } from "../organizations/counties.ts";
import { USCC_PROBLEM_TEXT, usccProblem } from "../organizations/uscc.ts";
import { isCivilDate } from "../policy/dates.ts";

/**
 * The request of the calculation contract (`qi calculate`, `POST /api/v1/calculate`). One schema
 * serves the CLI, the API (and its OpenAPI document) and the web forms.
 */

export const MAX_CLAIMS = 5000;

const INSTANT =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))?$/;

/** Issue codes carried in zod issues' params, mapped to the product's error codes. */
type FieldCode = "invalid_uscc" | "unknown_county" | "invalid_date" | "duplicate_claim_id";

function custom(
  ctx: z.core.$RefinementCtx,
  message: string,
  code: FieldCode,
  path: PropertyKey[] = [],
) {
  ctx.addIssue({ code: "custom", message, params: { code }, path });
}

export const civilDateSchema = z
  .string()
  .superRefine((v, ctx) => {
    if (!isCivilDate(v))
      custom(ctx, `应为有效日期（YYYY-MM-DD），收到 ${JSON.stringify(v)}`, "invalid_date");
  })
  .meta({ format: "date", example: "2023-05-01" });

/**
 * An instant with a time zone. Without an offset it is read as Beijing time (+08:00), the time
 * zone the product's users live in.
 */
export const instantSchema = z
  .string()
  .transform((v, ctx) => {
    const m = INSTANT.exec(v);
    const hour = Number(m?.[2]);
    const minute = Number(m?.[3]);
    const second = Number(m?.[4] ?? 0);
    const offsetOk = !m?.[6] || (Number(m[6]) <= 23 && Number(m[7]) <= 59);
    if (
      !m ||
      !isCivilDate(m[1] as string) ||
      hour > 23 ||
      minute > 59 ||
      second > 59 ||
      !offsetOk
    ) {
      custom(
        ctx,
        `应为带时区的日期时间（如 2023-06-01T10:00:00+08:00），收到 ${JSON.stringify(v)}`,
        "invalid_date",
      );
      return z.NEVER;
    }
    return m[5] ? v : `${v}+08:00`;
  })
  .meta({ format: "date-time", example: "2023-06-01T10:00:00+08:00" });

export const usccSchema = z
  .string()
  .superRefine((v, ctx) => {
    const problem = usccProblem(v);
    if (problem)
      custom(ctx, `${USCC_PROBLEM_TEXT[problem]}，收到 ${JSON.stringify(v)}`, "invalid_uscc");
  })
  .meta({ example: "91331082390996033J", description: "统一社会信用代码（GB 32100-2015 校验）" });

export const countySchema = z
  .string()
  .superRefine((v, ctx) => {
    if (!isCounty(v))
      custom(
        ctx,
        `未知的县（市、区）${JSON.stringify(v)}，应为：${COUNTIES.join("、")}`,
        "unknown_county",
      );
  })
  .meta({ enum: [...COUNTIES], description: "管辖县（市、区）或台州湾新区" });

const text = (max: number) =>
  z.string().trim().min(1, "不能为空").max(max, `不能超过 ${max} 个字符`);

export const organizationSchema = z.object({
  uscc: usccSchema,
  name: text(200),
  county: countySchema,
});

export const claimSchema = z.object({
  id: text(100),
  item: text(20).meta({ example: "1.1.g", description: "奖励项目编号，如 1.1.g" }),
  subject: text(500).meta({ description: "奖励对象：证书、标准、实验室、平台、秘书处等" }),
  project: text(200)
    .nullish()
    .transform((v) => v ?? undefined)
    .meta({ description: "项目标识；相同者视为同一项目（五、附则）" }),
  eventDate: civilDateSchema,
  submittedAt: instantSchema,
  facts: z
    .record(z.string(), z.union([z.boolean(), z.number(), z.string(), z.null()]))
    .default({})
    .meta({ description: "该项目所需事实，见 GET /api/v1/policies/:id/items" }),
});

export const calculateRequestSchema = z.object({
  organization: organizationSchema,
  claims: z
    .array(claimSchema)
    .max(MAX_CLAIMS, `一次最多 ${MAX_CLAIMS} 条申报`)
    .superRefine((claims, ctx) => {
      const seen = new Set<string>();
      claims.forEach((c, i) => {
        if (seen.has(c.id))
          custom(ctx, `申报编号 ${JSON.stringify(c.id)} 重复`, "duplicate_claim_id", [i, "id"]);
        seen.add(c.id);
      });
    }),
});

export type CalculateRequest = z.output<typeof calculateRequestSchema>;
