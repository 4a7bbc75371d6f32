import type { Actor } from "../auth/roles.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction, isUniqueViolation } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { applyTransition } from "../lifecycle/apply-transition.ts";
import { countyOfUscc } from "./classify.ts";
import { type Decided, makeOffer } from "./make-offer.ts";
import { rosterRowWithImport, setRowDecision } from "./rosters-repository.ts";

export interface NameReviewInput {
  readonly decision: "confirm" | "reject";
  /** Why; required for a rejection. */
  readonly comment?: string | null | undefined;
  /** The version of the row the official read. */
  readonly version?: number | undefined;
}

export interface NameReviewResult {
  readonly id: string;
  readonly outcome: "matched" | "unmatched";
  readonly version: number;
  /** For a confirmed match: what the engine made of the row (an offer, or a refusal and why). */
  readonly decision: "offered" | "refused" | null;
  readonly reason: string | null;
  readonly application: { id: string; number: string } | null;
}

/**
 * An official confirms or rejects a roster row matched by name only (needsReview: no USCC or an
 * unknown one, but the name equals one registered organization's). Confirmed, the row is matched
 * to that organization and the engine decides its claim as an import would, in the same
 * transaction: a grant becomes an offer. Rejected (with a reason), the row is unmatched and listed
 * among the county's unregistered organizations to invite. Through the one writer, at the version
 * read; a second review of the same row is refused.
 */
export async function reviewNameMatch(
  ctx: Context,
  actor: Actor,
  rowId: string,
  input: NameReviewInput,
): Promise<NameReviewResult> {
  try {
    return await inTransaction(ctx.database, async (trx) => {
      const row = await rosterRowWithImport(trx, rowId);
      if (!row) throw new AppError("not_found", "名单记录不存在", "id");
      const now = instant(ctx);
      const reviewed = {
        reviewed_by: actor.userId,
        reviewed_at: now,
        review_comment: input.comment?.trim() || null,
      };
      if (input.decision === "reject") {
        const moved = await applyTransition(trx, ctx, actor, "roster_row", rowId, "reject_name", {
          version: input.version,
          comment: input.comment ?? null,
          set: {
            ...reviewed,
            organization_id: null,
            county: countyOfUscc(row.uscc) ?? row.county,
          },
          data: { import: row.importNumber, row: row.row, name: row.name },
        });
        return {
          id: rowId,
          outcome: "unmatched",
          version: moved.version,
          decision: null,
          reason: null,
          application: null,
        };
      }
      // The row is matched first (its state, version and the reviewer's right are checked there),
      // then the engine decides its claim for the organization the name named.
      const moved = await applyTransition(trx, ctx, actor, "roster_row", rowId, "confirm_name", {
        version: input.version,
        comment: input.comment ?? null,
        set: reviewed,
        data: { import: row.importNumber, row: row.row, name: row.name },
      });
      const decided: Decided =
        row.item && row.subject && row.event_date && row.organization_id
          ? await makeOffer(
              ctx,
              trx,
              actor,
              row.organization_id,
              {
                row: row.row,
                item: row.item,
                subject: row.subject,
                eventDate: row.event_date,
                facts: row.facts ? (JSON.parse(row.facts) as Record<string, unknown>) : {},
              },
              now,
              row.importNumber,
            )
          : { decision: "refused", reason: "名单记录不完整", reasonCode: null, application: null };
      await setRowDecision(trx, rowId, {
        decision: decided.decision,
        reason: decided.reason,
        reasonCode: decided.reasonCode,
        applicationId: decided.application?.id ?? null,
      });
      return {
        id: rowId,
        outcome: "matched",
        version: moved.version,
        decision: decided.decision,
        reason: decided.reason,
        application: decided.application,
      };
    });
  } catch (e) {
    // Another row of the same item and subject was matched meanwhile (the unique key).
    if (isUniqueViolation(e)) {
      throw new AppError("conflict", "同一奖励项目与对象已有匹配的名单记录", "id");
    }
    throw e;
  }
}
