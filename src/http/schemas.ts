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
  })
  .meta({ id: "CalculateResponse" });
