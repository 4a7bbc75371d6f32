import { z } from "zod";
import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { civilDateSchema } from "../calculate/request.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { applyTransition } from "../lifecycle/apply-transition.ts";
import { openPublicityBatch } from "../publicity/open-batch.ts";
import { loadSettings } from "../settings/settings.ts";
import { findApplicationRow } from "./applications-repository.ts";

const text = (max: number) =>
  z.string().trim().min(1, "不能为空").max(max, `不能超过 ${max} 个字符`);

export const publicityInputSchema = z.object({
  title: text(200),
  // A publicity period runs a few weeks: a start beyond 2100 is a typing error, and the calendar
  // arithmetic has no civil dates past 9999.
  startDate: civilDateSchema.refine((d) => d <= "2100-12-31", "公示开始日期不能晚于 2100-12-31"),
  workingDays: z.number().int().min(1).max(30).optional(),
  applicationIds: z.array(z.string().uuid()).min(1, "至少选择一个审核通过的申报").max(1000),
});

/**
 * Publishes approved cases (公示): one batch, each case moved to publicity and listed with the
 * amount its review fixed, all in one transaction — a case that is not approved refuses the whole
 * batch, naming its place in the list.
 */
export async function createPublicityBatch(
  ctx: Context,
  actor: Actor,
  input: z.output<typeof publicityInputSchema>,
) {
  requireAccess(actor, "publicity.manage");
  const settings = await loadSettings(ctx.database.db);
  const workingDays = input.workingDays ?? settings["general.publicityWorkingDays"];
  return inTransaction(ctx.database, async (trx) => {
    const batch = await openPublicityBatch(trx, ctx, actor, {
      kind: "awards",
      title: input.title,
      startDate: input.startDate,
      workingDays,
    });
    for (const [i, appId] of [...new Set(input.applicationIds)].entries()) {
      const field = `applicationIds[${i}]`;
      const app = await findApplicationRow(trx, appId);
      if (!app) throw new AppError("invalid_field", "申报不存在", field);
      if (app.state !== "approved") {
        throw new AppError(
          "invalid_state",
          `申报 ${app.number} 不是“审核通过”状态，不能公示`,
          field,
        );
      }
      const scope = { organizationId: app.organization_id, county: app.county };
      await applyTransition(trx, ctx, actor, "application", appId, "publish", {
        version: app.version,
        set: { updated_at: instant(ctx) },
        scope,
        data: { batch: batch.number },
      }).catch((e: unknown) => {
        throw e instanceof AppError && e.code === "stale_version"
          ? new AppError("invalid_state", `申报 ${app.number} 状态已变化`, field)
          : e;
      });
      await applyTransition(
        trx,
        ctx,
        actor,
        "publicity_entry",
        { batch_id: batch.id, application_id: appId },
        "list",
        {
          create: {
            batch_id: batch.id,
            application_id: appId,
            amount: app.expected_amount ?? 0,
            funding_source: app.funding_source ?? "county",
            note: null,
          },
          scope,
          data: { amount: app.expected_amount ?? 0 },
        },
      );
    }
    return batch;
  });
}
