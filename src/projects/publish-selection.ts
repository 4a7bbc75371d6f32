import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { applyTransition } from "../lifecycle/apply-transition.ts";
import { openPublicityBatch } from "../publicity/open-batch.ts";
import { loadSettings } from "../settings/settings.ts";
import type { SelectionInput } from "./project-input.ts";
import { allocateFromCall, loadCall, rankedProposals, totalsOf } from "./projects-repository.ts";
import { selectProposals } from "./ranking.ts";
import { rankStored } from "./stored-ranking.ts";

/**
 * 择优: funds the ranked proposals in order within the call's budget and publishes the result
 * through publicity (the batches, calendar and closing job of case publicity).
 */
export async function publishSelection(
  ctx: Context,
  actor: Actor,
  id: string,
  input: SelectionInput,
) {
  requireAccess(actor, "project.manage");
  const settings = await loadSettings(ctx.database.db);
  const workingDays = input.workingDays ?? settings["general.publicityWorkingDays"];
  return inTransaction(ctx.database, async (trx) => {
    const call = await loadCall(trx, id);
    if (call.state !== "ranked")
      throw new AppError(
        "invalid_state",
        call.state === "open" ? "请先完成评审排序" : "本次征集已公示",
        "id",
      );
    const proposals = await rankedProposals(trx, id);
    const scores = await totalsOf(
      trx,
      proposals.map((p) => p.id),
    );
    const ranked = rankStored(call, proposals, scores);
    const selection = selectProposals(ranked, Number(call.budget) - Number(call.allocated));
    const total = selection.reduce((s, x) => s + x.amount, 0);
    if (total === 0) throw new AppError("invalid_state", "没有可安排的项目", "id");
    // The call's budget is a hard limit: guarded here and by the table's CHECK constraint. A
    // concurrent selection of the same call waits on this row and then finds nothing to add.
    if ((await allocateFromCall(trx, id, total)) !== 1)
      throw new AppError("conflict", "本次征集预算不足或已公示", "id");
    const batch = await openPublicityBatch(trx, ctx, actor, {
      kind: "projects",
      title: input.title ?? `${call.title}拟立项名单`,
      startDate: input.startDate,
      workingDays,
    });
    const selected = selection.filter((s) => s.selected);
    await applyTransition(trx, ctx, actor, "project_call", id, "publish", {
      set: { publicity_batch_id: batch.id },
      data: { batch: batch.number, selected: selected.map((s) => s.id), total },
    });
    const at = instant(ctx);
    for (const s of selection) {
      await applyTransition(
        trx,
        ctx,
        actor,
        "project_proposal",
        s.id,
        s.selected ? "select" : "pass_over",
        {
          set: {
            funded_amount: s.selected ? s.amount : null,
            decision_note: s.reason,
            updated_at: at,
          },
          data: { amount: s.amount, reason: s.reason },
        },
      );
      if (s.selected)
        await applyTransition(
          trx,
          ctx,
          actor,
          "project_publicity_entry",
          { batch_id: batch.id, proposal_id: s.id },
          "list",
          {
            create: { batch_id: batch.id, proposal_id: s.id, amount: s.amount },
            data: { amount: s.amount },
          },
        );
    }
    return {
      callId: id,
      batch,
      total,
      selection: selection.map((s) => ({
        ...s,
        number: ranked.find((r) => r.id === s.id)?.number,
        rank: ranked.find((r) => r.id === s.id)?.rank,
      })),
    };
  });
}
