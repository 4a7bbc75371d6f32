import { z } from "zod";
import { civilDateSchema } from "../calculate/request.ts";
import { AppError } from "../errors.ts";
import type { FactSpec } from "../policy/conditions.ts";
import type { PolicyRegistry } from "../policy/registry.ts";

/** A subject as shown: as the user wrote it, trimmed, runs of white space folded. */
export function normalizeSubject(subject: string): string {
  return subject.normalize("NFC").trim().replace(/\s+/g, " ");
}

/**
 * The key subjects are compared on for pay once: compatibility-folded (full-width letters,
 * digits and punctuation as their ASCII forms) and upper-cased, so "ZJM－2023－0001" and
 * "zjm-2023-0001" are one certificate.
 */
export function subjectKey(subject: string): string {
  return subject.normalize("NFKC").toUpperCase().trim().replace(/\s+/g, " ");
}

const text = (max: number) =>
  z.string().trim().min(1, "不能为空").max(max, `不能超过 ${max} 个字符`);
const factsSchema = z.record(z.string(), z.union([z.boolean(), z.number(), z.string()]));

export const applicationInputSchema = z.object({
  organizationId: z.string().uuid("应为组织编号").optional(),
  item: text(20),
  subject: text(500).transform(normalizeSubject),
  project: text(200)
    .nullish()
    .transform((v) => v ?? null),
  eventDate: civilDateSchema,
  facts: factsSchema.default({}),
});
export type ApplicationInput = z.output<typeof applicationInputSchema>;

/** A correction names only the fields it changes; the others (facts included) stay as they are. */
export const applicationPatchSchema = z
  .object({
    item: text(20).optional(),
    subject: text(500).transform(normalizeSubject).optional(),
    project: text(200).nullish(),
    eventDate: civilDateSchema.optional(),
    facts: factsSchema.optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), {
    message: "没有要修改的字段：请至少提供 item、subject、project、eventDate 或 facts 中的一项",
  });

/**
 * Checks the item and its facts against the policy: the item must be a fixed reward of a known
 * pack, and each fact must be one the item asks for, of its type. The form is driven by the same
 * fact specs.
 */
export function checkItemAndFacts(
  registry: PolicyRegistry,
  item: string,
  facts: Record<string, unknown>,
): void {
  const found = registry.packs.map((p) => p.items.get(item)).find((i) => i !== undefined);
  if (!found) throw new AppError("invalid_field", `政策中没有奖励项目“${item}”`, "item");
  if (found.kind === "competitive") {
    throw new AppError(
      "invalid_field",
      `${item} ${found.title}通过公平竞争方式择优筛选，不接受申报（${found.clause}）`,
      "item",
    );
  }
  for (const [name, value] of Object.entries(facts)) {
    const spec: FactSpec | undefined = found.facts[name];
    const field = `facts.${name}`;
    if (!spec) throw new AppError("invalid_field", `项目 ${item} 不需要事实 ${name}`, field);
    if (spec.type === "boolean" && typeof value !== "boolean") {
      throw new AppError("invalid_field", `字段 ${field}（${spec.label}）应为是/否`, field);
    }
    if (
      spec.type === "integer" &&
      !(typeof value === "number" && Number.isInteger(value) && value >= 0)
    ) {
      throw new AppError("invalid_field", `字段 ${field}（${spec.label}）应为非负整数`, field);
    }
    if (spec.type === "enum" && !(typeof value === "string" && value in spec.values)) {
      const allowed = Object.entries(spec.values)
        .map(([k, v]) => `${k}（${v}）`)
        .join("、");
      throw new AppError("invalid_field", `字段 ${field}（${spec.label}）应为：${allowed}`, field);
    }
  }
}
