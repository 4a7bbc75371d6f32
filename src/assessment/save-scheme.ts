import { randomUUID } from "node:crypto";
import { requireAccess } from "../auth/access.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { nextCounter } from "../db/counters.ts";
import { inTransaction, isUniqueViolation } from "../db/database.ts";
import type { AssessmentSchemeTable } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { requireVersion } from "../lifecycle/apply-transition.ts";
import { targetPack } from "../targets/target-pack.ts";
import { auditAssessment, type Caller, callerId } from "./assessment-audit.ts";
import { parseInput, type SchemeInput, schemeInputSchema } from "./assessment-input.ts";
import { insertScheme, latestSchemeVersion } from "./assessment-repository.ts";
import { type SchemeView, toScheme } from "./assessment-views.ts";
import type { Indicator } from "./scoring.ts";

/** Item and target ids must name what the policy packs know; checked before anything is written. */
function checkReferences(ctx: Context, indicators: readonly Indicator[]) {
  indicators.forEach((indicator, i) => {
    const source = indicator.source;
    if (source.kind === "awards") {
      source.items?.forEach((item, j) => {
        if (!ctx.registry.packs.some((p) => p.items.has(item)))
          throw new AppError(
            "invalid_field",
            `奖励项目 ${item} 不存在`,
            `indicators[${i}].source.items[${j}]`,
          );
      });
    }
    if (source.kind === "targets" && source.targetIds) {
      const pack = targetPack(ctx);
      source.targetIds.forEach((id, j) => {
        const target = pack.targets.find((t) => t.id === id);
        const field = `indicators[${i}].source.targetIds[${j}]`;
        if (!target) throw new AppError("invalid_field", `目标 ${id} 不存在`, field);
        if (target.counting.kind !== "distinct")
          throw new AppError(
            "invalid_field",
            `目标 ${id}（${target.indicator}）由人工录入数值，不按县（市、区）计数`,
            field,
          );
      });
    }
  });
}

/**
 * Saves a scheme for a year as its next version; an earlier version is never changed.
 *
 * The input names the version it was edited from (`baseVersion`; none for a year without a
 * scheme). When the year's latest version is another one, someone saved in between and this
 * save would silently replace their version: it is refused as stale (409), with the current
 * version, so that the official reloads and edits again.
 */
export async function saveScheme(
  ctx: Context,
  actor: Caller,
  input: SchemeInput,
): Promise<SchemeView> {
  if (actor) requireAccess(actor, "assessment.manage");
  const scheme = parseInput(schemeInputSchema, input);
  checkReferences(ctx, scheme.indicators);
  const title = `${scheme.year} 年度考核方案`;
  try {
    return await inTransaction(ctx.database, async (trx) => {
      // The counter's row lock (PostgreSQL; SQLite's BEGIN IMMEDIATE on its own) puts concurrent
      // saves of a year in line, so the version read next is the latest committed one and the
      // base check below sees what the save before it wrote. The unique (year, version) backs
      // it up.
      await nextCounter(trx, `assessment_scheme:${scheme.year}`);
      const latest = await latestSchemeVersion(trx, scheme.year);
      if (latest === 0 && scheme.baseVersion !== undefined)
        throw new AppError(
          "invalid_field",
          `${scheme.year} 年度尚无考核方案，保存第一个版本时不填所依据的版本`,
          "baseVersion",
        );
      // No base means "the year has no scheme yet", which is stale once a version exists.
      requireVersion(title, scheme.baseVersion ?? 0, latest);
      const row: AssessmentSchemeTable = {
        id: randomUUID(),
        year: scheme.year,
        version: latest + 1,
        indicators: JSON.stringify(scheme.indicators),
        note: scheme.note ?? null,
        created_by: callerId(actor),
        created_at: instant(ctx),
      };
      await insertScheme(trx, row);
      await auditAssessment(ctx, trx, actor, "assessment.saveScheme", "assessment_scheme", row.id, {
        year: row.year,
        version: row.version,
        baseVersion: scheme.baseVersion ?? null,
        indicators: scheme.indicators.map((i) => `${i.id}:${i.weight}`),
      });
      return toScheme(row);
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError("conflict", "该年度方案刚被他人保存，请刷新后重试", "year");
    throw e;
  }
}
