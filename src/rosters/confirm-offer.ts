import {
  type TransitionResult,
  transitionApplication,
} from "../applications/transition-application.ts";
import type { Actor } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import { AppError } from "../errors.ts";

/**
 * The enterprise confirms an offer (免申即享) with one action: it commits that the roster's facts
 * are its own and true (承诺), and the case enters county review with its first-applied time set
 * now (see docs/rosters.md). Without the commitment nothing changes.
 */
export async function confirmOffer(
  ctx: Context,
  actor: Actor,
  applicationId: string,
  input: { commitment?: boolean | undefined },
): Promise<TransitionResult> {
  if (input.commitment !== true) {
    throw new AppError(
      "missing_field",
      "确认申领须承诺：名单所列信息属本单位且真实，奖励资金将拨付至本单位已核验的收款账户",
      "commitment",
    );
  }
  return transitionApplication(ctx, actor, applicationId, "confirm", null);
}
