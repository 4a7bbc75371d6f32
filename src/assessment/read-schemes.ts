import { requireAccess } from "../auth/access.ts";
import type { Context } from "../context.ts";
import type { DB, Tx } from "../db/database.ts";
import { AppError } from "../errors.ts";
import type { Caller } from "./assessment-audit.ts";
import { latestSchemeVersion, schemeRow, schemeRows } from "./assessment-repository.ts";
import { type SchemeView, toScheme } from "./assessment-views.ts";

/** Reading the schemes: every version is kept, so any run can name the one it scored with. */

export async function listSchemes(ctx: Context, actor: Caller, year?: number) {
  if (actor) requireAccess(actor, "assessment.read");
  return (await schemeRows(ctx.database.db, year)).map(toScheme);
}

/** A year's scheme, the given version or the latest; not found names the field. */
export async function findScheme(db: DB | Tx, year: number, version?: number): Promise<SchemeView> {
  const row = await schemeRow(db, year, version);
  if (!row)
    throw version === undefined
      ? new AppError("not_found", `${year} 年尚无考核方案`, "year")
      : new AppError("not_found", `${year} 年考核方案没有第 ${version} 版`, "version");
  return toScheme(row);
}

/** A year's scheme: the given version, or the latest. */
export async function getScheme(ctx: Context, actor: Caller, year: number, version?: number) {
  if (actor) requireAccess(actor, "assessment.read");
  return findScheme(ctx.database.db, year, version);
}

/** The year's latest version, or null when the year has no scheme (the base of the next save). */
export async function currentSchemeVersion(
  ctx: Context,
  actor: Caller,
  year: number,
): Promise<number | null> {
  if (actor) requireAccess(actor, "assessment.read");
  const latest = await latestSchemeVersion(ctx.database.db, year);
  return latest === 0 ? null : latest;
}
