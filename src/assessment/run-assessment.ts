import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { requireAccess } from "../auth/access.ts";
import type { Context } from "../context.ts";
import { nextInstantMillis } from "../db/counters.ts";
import { type Dialect, inTransaction, type Tx } from "../db/database.ts";
import type { AssessmentRunTable } from "../db/schema.ts";
import { auditAssessment, type Caller, callerId } from "./assessment-audit.ts";
import { parseInput, runInputSchema } from "./assessment-input.ts";
import { insertRun } from "./assessment-repository.ts";
import { type RunView, toRun } from "./assessment-views.ts";
import { computeInputs } from "./compute-inputs.ts";
import { findScheme } from "./read-schemes.ts";
import { score } from "./scoring.ts";

/**
 * The instant of a new run: now, or 1 ms after the previous run when that is not earlier, so
 * that runs are ordered by their instants and "the latest run" of a year is always one run.
 */
async function nextRunInstant(trx: Tx, dialect: Dialect, nowMs: number): Promise<string> {
  return new Date(
    await nextInstantMillis(trx, dialect, "assessment_run_clock", nowMs),
  ).toISOString();
}

/**
 * Scores the counties for a year with a version of its scheme (the latest by default) and keeps
 * the run: the scheme version, the inputs read from the records and the results.
 */
export async function runAssessment(
  ctx: Context,
  actor: Caller,
  input: z.input<typeof runInputSchema>,
): Promise<RunView> {
  if (actor) requireAccess(actor, "assessment.manage");
  const { year, version } = parseInput(runInputSchema, input);
  return inTransaction(ctx.database, async (trx) => {
    const scheme = await findScheme(trx, year, version);
    const inputs = await computeInputs(ctx, trx, year, scheme.indicators);
    const results = score(scheme, inputs);
    const row: AssessmentRunTable = {
      id: randomUUID(),
      scheme_id: scheme.id,
      year,
      inputs: JSON.stringify(inputs),
      results: JSON.stringify(results),
      created_by: callerId(actor),
      created_at: await nextRunInstant(trx, ctx.database.dialect, ctx.now().getTime()),
    };
    await insertRun(trx, row);
    await auditAssessment(ctx, trx, actor, "assessment.run", "assessment_run", row.id, {
      year,
      version: scheme.version,
      ranking: results.counties.map((c) => `${c.rank}.${c.county} ${c.total}`),
    });
    return toRun(row, scheme.version);
  });
}
