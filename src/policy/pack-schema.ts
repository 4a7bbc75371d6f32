import { z } from "zod";
import type { Condition } from "./conditions.ts";
import { isCivilDate } from "./dates.ts";

/** The shape of a policy pack as written in data (YAML or JSON), checked before it is compiled. */

const civilDate = z.string().refine(isCivilDate, "应为有效日期 YYYY-MM-DD");
const clauseRef = z.string().min(1);

function dated<T extends z.ZodType>(value: T) {
  return z
    .array(z.object({ from: civilDate, value, ref: clauseRef }).strict())
    .min(1)
    .refine((list) => list.every((e, i) => i === 0 || (list[i - 1]?.from ?? "") < e.from), {
      message: "取值须按生效日期严格递增",
    });
}

const yuan = z.number().int().positive();

const factSpec = z.discriminatedUnion("type", [
  z.object({ type: z.literal("boolean"), label: z.string() }).strict(),
  z.object({ type: z.literal("integer"), label: z.string() }).strict(),
  z
    .object({
      type: z.literal("enum"),
      label: z.string(),
      values: z.record(z.string(), z.string()),
    })
    .strict(),
]);

const condition: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion("kind", [
    z
      .object({
        kind: z.literal("equals"),
        fact: z.string(),
        value: z.union([z.boolean(), z.number(), z.string()]),
        label: z.string(),
      })
      .strict(),
    z
      .object({
        kind: z.literal("oneOf"),
        fact: z.string(),
        values: z.array(z.string()).min(1),
        label: z.string(),
      })
      .strict(),
    z
      .object({
        kind: z.literal("atLeast"),
        fact: z.string(),
        value: z.number().int(),
        label: z.string(),
      })
      .strict(),
    z.object({ kind: z.literal("when"), if: condition, require: condition }).strict(),
  ]),
);

const window = z
  .object({
    when: condition,
    label: z.string(),
    period: dated(z.object({ start: civilDate, end: civilDate }).strict()),
  })
  .strict();

export const beneficiaries = [
  "组织",
  "企业",
  "第一起草单位",
  "主要承担单位",
  "承担单位",
  "实验室",
  "平台",
] as const;

const item = z
  .object({
    id: z.string().regex(/^\d+\.\d+(\.[a-z])?$/),
    title: z.string(),
    group: z.string(),
    clause: clauseRef,
    beneficiary: z.enum(beneficiaries),
    kind: z.enum(["fixed", "competitive"]).default("fixed"),
    note: z.string().optional(),
    amount: dated(yuan).optional(),
    facts: z.record(z.string(), factSpec).default({}),
    conditions: z.array(condition).default([]),
    windows: z.array(window).default([]),
  })
  .strict()
  .refine((i) => (i.kind === "fixed") === (i.amount !== undefined), {
    message: "固定奖励项目须有金额，竞争性项目不得有金额",
    path: ["amount"],
  });

/**
 * How a target is counted: distinct organizations or subjects among the live awards of some
 * items and the records officials register (plus a baseline), or a value measured outside.
 */
const counting = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("distinct"),
      unit: z.enum(["organization", "subject"]),
      items: z.array(z.string()).default([]),
      definition: z.string(),
    })
    .strict(),
  z.object({ kind: z.literal("manual"), definition: z.string() }).strict(),
]);

const target = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    indicator: z.string(),
    comparator: z.enum(["gte", "gt"]),
    value: z.number().positive(),
    unit: z.string(),
    counting: counting.default({ kind: "manual", definition: "由授权官员录入的数值" }),
  })
  .strict();

export const packSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string(),
    shortTitle: z.string(),
    jurisdiction: z.string(),
    validity: z
      .object({ effective: civilDate, years: z.number().int().positive(), ref: clauseRef })
      .strict(),
    repeals: z
      .array(z.object({ id: z.string(), title: z.string(), ref: clauseRef }).strict())
      .default([]),
    funding: z
      .object({
        ref: clauseRef,
        cityCounties: z.array(z.string()).min(1),
        cityItems: z.array(z.string()).default([]),
      })
      .strict(),
    sameProject: z.object({ ref: clauseRef }).strict(),
    caps: z
      .array(
        z
          .object({
            id: z.string(),
            title: z.string(),
            items: z.array(z.string()).min(1),
            per: z.literal("organization"),
            limit: dated(yuan),
          })
          .strict(),
      )
      .default([]),
    readings: z
      .array(z.object({ ref: clauseRef, topic: z.string(), text: z.string() }).strict())
      .default([]),
    items: z.array(item).min(1),
    targets: z
      .object({ deadline: civilDate, ref: clauseRef, list: z.array(target) })
      .strict()
      .optional(),
  })
  .strict();

export type PackData = z.infer<typeof packSchema>;
export type ItemData = PackData["items"][number];
export type TargetData = z.infer<typeof target>;
export type Counting = z.infer<typeof counting>;
