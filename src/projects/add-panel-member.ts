import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { projectAudit } from "./project-audit.ts";
import { findUserForPanel, insertPanelSeat, loadCall } from "./projects-repository.ts";

/** Seats an expert on a call's panel, until the call is ranked; seating one twice is a no-op. */
export async function addPanelMember(ctx: Context, actor: Actor, callId: string, userId: string) {
  requireAccess(actor, "project.manage");
  return inTransaction(ctx.database, async (trx) => {
    const call = await loadCall(trx, callId);
    if (call.state !== "open")
      throw new AppError("invalid_state", "排序后不能再调整评审专家组", "id");
    const user = await findUserForPanel(trx, userId);
    if (!user) throw new AppError("invalid_field", "用户不存在", "userId");
    if (user.role !== "expert" || user.disabled)
      throw new AppError("invalid_field", "只能选择在用的评审专家账号", "userId");
    const seated = await insertPanelSeat(trx, {
      call_id: callId,
      user_id: userId,
      added_by: actor.userId,
      added_at: instant(ctx),
    });
    if (seated > 0)
      await projectAudit(ctx, trx, actor, "project.addExpert", "project_call", callId, { userId });
    return { callId, userId, displayName: user.display_name };
  });
}
