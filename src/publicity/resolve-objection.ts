import { z } from "zod";
import type { Actor } from "../auth/roles.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { applyTransition } from "../lifecycle/apply-transition.ts";
import { findObjection } from "./publicity-repository.ts";
import type { PublicitySubject } from "./subject.ts";

export const resolutionInputSchema = z.object({
  outcome: z.enum(["upheld", "dismissed"]),
  resolution: z.string().trim().min(1, "不能为空").max(2000, "不能超过 2000 个字符"),
});

/**
 * The city resolves an objection, for any kind of subject: upheld → the subject leaves the list
 * with the reason (what that means is the subject's: a case is rejected and its grant released, a
 * project is not funded and its amount returns to the call); dismissed → it goes on to its close.
 * One transaction; a second resolution of the same objection finds it no longer open.
 */
export async function resolveObjection(
  ctx: Context,
  actor: Actor,
  subject: PublicitySubject,
  objectionId: string,
  input: z.output<typeof resolutionInputSchema>,
) {
  return inTransaction(ctx.database, async (trx) => {
    const objection = await findObjection(trx, subject.objectionKind, objectionId);
    if (!objection) throw new AppError("not_found", "异议不存在", "id");
    const action = input.outcome === "upheld" ? "uphold" : "dismiss";
    await applyTransition(trx, ctx, actor, subject.objectionKind, objectionId, action, {
      comment: input.resolution,
      set: { resolution: input.resolution, resolved_by: actor.userId, resolved_at: instant(ctx) },
    });
    if (input.outcome === "upheld") {
      await subject.uphold(
        trx,
        ctx,
        actor,
        objection.batchId,
        objection.subjectId,
        input.resolution,
      );
    }
    return { id: objectionId, state: input.outcome };
  });
}
