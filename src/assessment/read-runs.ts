import { requireAccess } from "../auth/access.ts";
import type { Context } from "../context.ts";
import { AppError } from "../errors.ts";
import type { Caller } from "./assessment-audit.ts";
import { latestRunRow, runRowById, runRows } from "./assessment-repository.ts";
import { type RunView, toRun } from "./assessment-views.ts";

/** Reading the kept runs: what each scored, with which scheme version. */

/** The runs, newest first, with their ranking (not their inputs). */
export async function listRuns(ctx: Context, actor: Caller, year?: number) {
  if (actor) requireAccess(actor, "assessment.read");
  return (await runRows(ctx.database.db, year)).map((row) => {
    const run = toRun(row, Number(row.version));
    return {
      id: run.id,
      year: run.year,
      schemeId: run.schemeId,
      schemeVersion: run.schemeVersion,
      createdBy: run.createdBy,
      createdAt: run.createdAt,
      ranking: run.results.counties.map((c) => ({
        county: c.county,
        rank: c.rank,
        total: c.total,
      })),
    };
  });
}

export async function getRun(ctx: Context, actor: Caller, id: string): Promise<RunView> {
  if (actor) requireAccess(actor, "assessment.read");
  const row = await runRowById(ctx.database.db, id);
  if (!row) throw new AppError("not_found", "考核计算记录不存在", "id");
  return toRun(row, Number(row.version));
}

/** The newest run of a year, or null when the year has none. */
export async function latestRun(ctx: Context, actor: Caller, year: number) {
  if (actor) requireAccess(actor, "assessment.read");
  const row = await latestRunRow(ctx.database.db, year);
  return row ? toRun(row, Number(row.version)) : null;
}
