import { z } from "zod";
import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { civilDateSchema } from "../calculate/request.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { idempotent } from "../ledger/idempotency.ts";
import { moveMoney } from "../ledger/ledger.ts";
import { applyTransition } from "../lifecycle/apply-transition.ts";
import { findProposalRow, findTranche } from "./project-funding-repository.ts";

export const trancheResultSchema = z.object({
  treasuryRef: z.string().trim().min(1, "不能为空").max(100, "不能超过 100 个字符"),
  paidOn: civilDateSchema,
});

const alreadyDone = (state: string) =>
  new AppError(
    "invalid_state",
    state === "paid" ? "该笔款项已拨付，不能重复拨付" : "该笔款项已释放",
    "id",
  );

/**
 * Finance records a tranche as paid by the treasury: the advance once the project is funded, the
 * final tranche only after acceptance passed (四（二）). Keyed: a replay returns the first result.
 */
export async function payTranche(
  ctx: Context,
  actor: Actor,
  trancheId: string,
  input: z.output<typeof trancheResultSchema>,
  idempotencyKey: string,
) {
  requireAccess(actor, "project.pay", { county: null }, { type: "project_tranche", id: trancheId });
  const at = instant(ctx);
  return inTransaction(ctx.database, async (trx) => {
    const { result } = await idempotent(
      trx,
      idempotencyKey,
      { op: "project.pay", trancheId, ...input },
      at,
      async () => {
        const t = await findTranche(trx, trancheId);
        if (!t) throw new AppError("not_found", "拨付款项不存在", "id");
        const proposal = await findProposalRow(trx, t.proposal_id);
        if (!proposal) throw new AppError("not_found", "项目申报不存在", "id");
        if (t.state !== "reserved") throw alreadyDone(t.state);
        if (t.kind === "final" && proposal.state !== "accepted")
          throw new AppError("invalid_state", "尾款须在验收通过后拨付", "id");
        if (t.kind === "advance" && !["funded", "accepted"].includes(proposal.state))
          throw new AppError(
            "invalid_state",
            proposal.state === "acceptance_failed"
              ? "项目验收未通过，款项已释放"
              : "项目未立项，不能拨付预付款",
            "id",
          );
        try {
          await applyTransition(trx, ctx, actor, "project_tranche", trancheId, "pay", {
            version: t.version,
            set: { treasury_ref: input.treasuryRef, paid_on: input.paidOn, updated_at: at },
            scope: { county: null },
            data: {
              amount: Number(t.amount),
              kind: t.kind,
              proposal: proposal.number,
              treasuryRef: input.treasuryRef,
            },
          });
        } catch (e) {
          // Changed while this waited on the row: say what it became (paid, or released).
          if (!(e instanceof AppError) || !["invalid_state", "stale_version"].includes(e.code))
            throw e;
          const now = await findTranche(trx, trancheId);
          throw alreadyDone(now?.state ?? "released");
        }
        const posted = await moveMoney(
          trx,
          { year: t.year, source: t.source },
          {
            from: "reserved",
            to: "paid",
            amount: Number(t.amount),
            kind: "project.pay",
            trancheId,
            actorId: actor.userId,
            note: input.treasuryRef,
          },
          at,
        );
        if (!posted) throw new Error("reserved money of a tranche is missing");
        return { id: trancheId, state: "paid", amount: Number(t.amount), paidOn: input.paidOn };
      },
    );
    return result;
  });
}
