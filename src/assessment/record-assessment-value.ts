import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { requireAccess } from "../auth/access.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { nextCounter } from "../db/counters.ts";
import { inTransaction } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { auditAssessment, type Caller, callerId } from "./assessment-audit.ts";
import { assessmentValueInputSchema, parseInput } from "./assessment-input.ts";
import { insertAssessmentValue, schemeIndicatorsOfYear } from "./assessment-repository.ts";
import type { Indicator } from "./scoring.ts";

/** A value of a manual indicator; a later entry for the same county replaces it (history kept). */
export async function addAssessmentValue(
  ctx: Context,
  actor: Caller,
  input: z.input<typeof assessmentValueInputSchema>,
) {
  if (actor) requireAccess(actor, "assessment.manage");
  const value = parseInput(assessmentValueInputSchema, input);
  const schemes = await schemeIndicatorsOfYear(ctx.database.db, value.year);
  const manual = schemes.some((s) =>
    (JSON.parse(s.indicators) as Indicator[]).some(
      (i) => i.id === value.indicatorId && i.source.kind === "manual",
    ),
  );
  if (!manual)
    throw new AppError(
      "invalid_field",
      `${value.year} 年的考核方案中没有人工录入的指标 ${value.indicatorId}`,
      "indicatorId",
    );
  return inTransaction(ctx.database, async (trx) => {
    const id = randomUUID();
    const at = instant(ctx);
    await insertAssessmentValue(trx, {
      id,
      seq: await nextCounter(trx, "assessment_value_seq"),
      year: value.year,
      county: value.county,
      indicator_id: value.indicatorId,
      value: value.value,
      source: value.source,
      created_by: callerId(actor),
      created_at: at,
    });
    const view = {
      id,
      year: value.year,
      county: value.county,
      indicatorId: value.indicatorId,
      value: value.value,
      source: value.source,
      createdAt: at,
    };
    await auditAssessment(ctx, trx, actor, "assessment.value", "assessment_value", id, view);
    return view;
  });
}
