import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { beijingToday, instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { idempotent } from "../ledger/idempotency.ts";
import { awardEntry } from "./case-publicity.ts";
import { awardOfCase, latestCaseEntry } from "./case-publicity-repository.ts";

/**
 * Awards one case whose publicity has ended (the explicit command; the scheduled close does the
 * same for every due case). Keyed: a replay returns the first result.
 */
export async function awardApplication(
  ctx: Context,
  actor: Actor,
  applicationId: string,
  idempotencyKey: string,
) {
  requireAccess(actor, "publicity.manage");
  const today = beijingToday(ctx);
  return inTransaction(ctx.database, async (trx) => {
    const { result } = await idempotent(
      trx,
      idempotencyKey,
      { op: "award", applicationId },
      instant(ctx),
      async () => {
        const entry = await latestCaseEntry(trx, applicationId);
        if (!entry) throw new AppError("invalid_state", "该申报未经公示", "id");
        if (entry.endDate >= today)
          throw new AppError("invalid_state", `公示期至 ${entry.endDate} 止，期满后方可奖励`, "id");
        const outcome = await awardEntry(trx, ctx, actor, entry.batchId, applicationId);
        if (outcome === "held")
          throw new AppError("invalid_state", "该申报有未处理的异议，暂缓奖励", "id");
        if (outcome === "skipped")
          throw new AppError("invalid_state", "该申报不在待奖励状态", "id");
        if (outcome !== "done") throw new AppError("conflict", outcome.waiting, "budget");
        const award = await awardOfCase(trx, applicationId);
        return { ...award, amount: Number(award.amount) };
      },
    );
    return result;
  });
}
