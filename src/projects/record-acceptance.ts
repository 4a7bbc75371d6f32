import { z } from "zod";
import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { civilDateSchema } from "../calculate/request.ts";
import { beijingToday, instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { moveMoney } from "../ledger/ledger.ts";
import { applyTransition } from "../lifecycle/apply-transition.ts";
import { findProposalRow, reservedTranches } from "./project-funding-repository.ts";

export const acceptanceInputSchema = z.object({
  result: z.enum(["passed", "failed"]),
  date: civilDateSchema,
  note: z.string().trim().min(1, "不能为空").max(2000, "不能超过 2000 个字符"),
});

/** 验收 (四（二）): passed opens the final payment; failed releases what is still reserved. */
export async function recordAcceptance(
  ctx: Context,
  actor: Actor,
  proposalId: string,
  input: z.output<typeof acceptanceInputSchema>,
) {
  requireAccess(actor, "project.manage");
  if (input.date > beijingToday(ctx))
    throw new AppError("invalid_field", "验收日期不能晚于今天", "date");
  const at = instant(ctx);
  return inTransaction(ctx.database, async (trx) => {
    const proposal = await findProposalRow(trx, proposalId);
    if (!proposal) throw new AppError("not_found", "项目申报不存在", "id");
    if (proposal.state !== "funded")
      throw new AppError("invalid_state", "只有已立项、未验收的项目可以验收", "id");
    const { to: state } = await applyTransition(
      trx,
      ctx,
      actor,
      "project_proposal",
      proposalId,
      input.result === "passed" ? "accept" : "fail",
      {
        comment: input.note,
        set: { accepted_on: input.date, acceptance_note: input.note, updated_at: at },
        data: { result: input.result, date: input.date },
      },
    );
    let released = 0;
    if (input.result === "failed") {
      for (const t of await reservedTranches(trx, proposalId)) {
        try {
          await applyTransition(trx, ctx, actor, "project_tranche", t.id, "release", {
            set: { updated_at: at },
            data: { amount: Number(t.amount), reason: "验收未通过" },
          });
        } catch (e) {
          // Paid by a payment that committed while this waited on the row: nothing to release.
          if (e instanceof AppError && e.code === "invalid_state") continue;
          throw e;
        }
        const ok = await moveMoney(
          trx,
          { year: t.year, source: t.source },
          {
            from: "reserved",
            to: "available",
            amount: Number(t.amount),
            kind: "project.release",
            trancheId: t.id,
            actorId: actor.userId,
            note: "验收未通过",
          },
          at,
        );
        if (!ok) throw new Error("reserved money of a tranche is missing");
        released += Number(t.amount);
      }
    }
    return { id: proposalId, state, released };
  });
}
