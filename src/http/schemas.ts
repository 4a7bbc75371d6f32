import { z } from "zod";

/** Response schemas, for the OpenAPI document and the serializer. */

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      field: z.string().nullable(),
      details: z
        .record(z.string(), z.union([z.string(), z.number()]))
        .optional()
        .describe("可据以处理的事实，如 stale_version 时记录的当前版本 currentVersion"),
    }),
  })
  .meta({
    id: "Error",
    description: "错误：code 为错误码，message 为中文说明，field 指出出错字段",
  });

const reasonSchema = z.object({
  code: z.enum([
    "unknown_item",
    "not_fixed_reward",
    "outside_validity",
    "condition_not_met",
    "already_granted",
    "same_project",
    "cap_reached",
  ]),
  message: z.string(),
});

const traceStepSchema = z.object({
  check: z.enum(["catalog", "validity", "conditions", "payOnce", "sameProject", "cap", "funding"]),
  clause: z.string().nullable(),
  outcome: z.enum(["pass", "fail", "partial", "skipped"]),
  inputs: z.record(z.string(), z.unknown()),
  detail: z.string(),
});

const supplementPolicySchema = z.object({
  id: z.string(),
  shortTitle: z.string(),
  jurisdiction: z.string(),
});

export const supplementDecisionSchema = z
  .object({
    claim: z.string(),
    item: z.string(),
    status: z.enum(["granted", "partial", "refused"]),
    amountYuan: z.number().int().describe("本级财政承担的金额（就高不重复时为补足的差额）"),
    fundingSource: z.enum(["city", "county"]).nullable(),
    clause: z.string().nullable(),
    reasons: z.array(
      z.object({
        code: z.enum([...reasonSchema.shape.code.options, "covered_by_city"]),
        message: z.string(),
      }),
    ),
    policy: z.string().nullable(),
    combine: z
      .enum(["stack", "higher"])
      .nullable()
      .describe("与市级同一项目的关系：stack 叠加，higher 就高不重复；本级自有项目为 null"),
    cityAmountYuan: z.number().int().nullable().describe("市级对同一申报核定的金额"),
  })
  .meta({ id: "SupplementDecision", description: "县级配套政策对一条申报的核定（四（三））" });

/** A county supporting pack's decision of one case, for the case page. */
export const caseSupplementSchema = z.object({
  policy: supplementPolicySchema,
  decision: supplementDecisionSchema,
});

const supplementEvaluationSchema = z
  .object({
    policy: supplementPolicySchema,
    decisions: z.array(supplementDecisionSchema),
    totalYuan: z.number().int(),
  })
  .meta({ id: "SupplementEvaluation", description: "县级配套政策对同一组织申报的核定" });

export const calculateResponseSchema = z
  .object({
    policy: z.object({ id: z.string(), effective: z.string(), expires: z.string() }),
    decisions: z.array(
      z.object({
        claim: z.string(),
        item: z.string(),
        status: z.enum(["granted", "partial", "refused"]),
        amountYuan: z.number().int(),
        fundingSource: z.enum(["city", "county"]).nullable(),
        clause: z.string().nullable(),
        reasons: z.array(reasonSchema),
        policy: z.string().nullable().optional(),
        trace: z.array(traceStepSchema).optional(),
      }),
    ),
    totalYuan: z.number().int(),
    supplements: z
      .array(supplementEvaluationSchema)
      .optional()
      .describe(
        "仅当 include=supplements 时给出：所在县（市、区）配套政策（四（三））的核定，每个政策一项",
      ),
  })
  .meta({ id: "CalculateResponse" });

/** The HTTP statuses an error can take (see ERROR_CODES in src/errors.ts). */
type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 423 | 429 | 500;

/**
 * The error answers a route can give, each in the one error shape, for its `response` schema:
 * `response: { 200: thing, ...errors(400, 401, 403, 404) }`. Every route may also answer 500.
 */
export function errors<const S extends readonly ErrorStatus[]>(
  ...statuses: S
): Record<S[number] | 500, typeof errorSchema> {
  const out = { 500: errorSchema } as Record<S[number] | 500, typeof errorSchema>;
  for (const status of statuses) out[status as S[number]] = errorSchema;
  return out;
}

/** The errors of a route that needs a session: not signed in (401), not allowed (403). */
export const SIGNED_IN = [400, 401, 403] as const;
/** …and one that reads or changes a record by id (404) whose state or version may refuse (409). */
export const RECORD_CHANGE = [400, 401, 403, 404, 409] as const;

/** A file to download: its bytes, named in the Content-Disposition header. */
export function fileContent(description = "文件内容（二进制）") {
  return z.unknown().describe(`${description}；文件名见 Content-Disposition`);
}
