import { can, requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { beijingDate, beijingToday, instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { nextSubmissionMillis } from "../db/counters.ts";
import { inTransaction, isCheckViolation, isUniqueViolation, type Tx } from "../db/database.ts";
import type { ApplicationTable, OrganizationTable } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { applyTransition } from "../lifecycle/apply-transition.ts";
import { lockOrganization } from "../organizations/organizations-repository.ts";
import { maxDate } from "../policy/dates.ts";
import type { PolicyPack } from "../policy/pack.ts";
import { valueAt } from "../policy/parameters.ts";
import type { Decision } from "../policy/types.ts";
import { subjectKey } from "./application-input.ts";
import { caseScope, refuseIfExcluded } from "./applications.ts";
import { countEvidence, findApplicationRow, isRelated } from "./applications-repository.ts";
import { type CaseSupplement, evaluateCaseParts } from "./evaluate-case.ts";
import {
  addToCapUsage,
  ensureCapUsage,
  insertGrant,
  insertSupplementGrant,
} from "./grants-repository.ts";
import { countReviewDecision, enteredAt, isReviewDecision } from "./review-decisions.ts";
import {
  ACTION_NAMES,
  type Action,
  findTransition,
  STATE_NAMES,
  type State,
  TRANSITIONS,
} from "./states.ts";

export interface TransitionResult {
  readonly state: State;
  readonly decision: Decision | null;
}

/**
 * Moves a case by one action, following one recipe: load it in the caller's scope, check the
 * permission, check the state, run the engine against all the organization's cases and the
 * system's grants, then write the new state, the step (with the decision, its trace and the
 * policy version) and an audit entry in one transaction. The organization's row is locked first
 * (PostgreSQL; SQLite transactions are serial), so the first-come rule and the caps see every
 * concurrent step in order; the database's own constraints back them up.
 */
export async function transitionApplication(
  ctx: Context,
  actor: Actor,
  id: string,
  action: Action,
  comment: string | null,
): Promise<TransitionResult> {
  // Scope first: a case the actor may not read is not revealed.
  const existing = await findApplicationRow(ctx.database.db, id);
  requireAccess(
    actor,
    "application.read",
    caseScope(existing),
    { type: "application", id },
    "application.read",
  );
  if (!existing) throw new AppError("not_found", "申报不存在", "id");

  return inTransaction(ctx.database, async (trx) => {
    const org = await lockOrganization(trx, ctx.database.dialect, existing.organization_id);
    const row = await findApplicationRow(trx, id);
    if (!org || !row) throw new AppError("not_found", "申报不存在", "id");
    const from = row.state as State;
    const transition = findTransition(action, from);
    if (!transition) {
      // "Not yours" when no transition of this action is open to the actor; else "not now".
      const scope = { organizationId: row.organization_id, county: row.county };
      const options = TRANSITIONS.filter((tr) => tr.action === action);
      const first = options[0];
      if (first && !options.some((tr) => can(actor, tr.permission, scope))) {
        requireAccess(actor, first.permission, scope, { type: "application", id });
      }
      throw new AppError(
        "invalid_state",
        `申报处于“${STATE_NAMES[from]}”状态，不能${ACTION_NAMES[action]}`,
        "state",
      );
    }
    requireAccess(
      actor,
      transition.permission,
      { organizationId: row.organization_id, county: row.county },
      { type: "application", id },
    );
    if (transition.commentRequired && !comment) {
      throw new AppError("missing_field", `${ACTION_NAMES[action]}须填写意见`, "comment");
    }
    if (transition.decision && (await isRelated(trx, actor.userId, row.organization_id))) {
      throw new AppError(
        "related_official",
        "您已登记与该组织存在关联关系，须回避，不能审核此申报",
        "id",
        {
          action: `application.${action}`,
          targetType: "application",
          targetId: id,
        },
      );
    }
    if (action === "submit" || action === "confirm")
      await refuseIfExcluded(trx, org.id, beijingToday(ctx));

    const now = instant(ctx);
    const patch: Partial<ApplicationTable> = { updated_at: now };
    if ((action === "submit" || action === "confirm") && row.submitted_at === null) {
      // First submission fixes "first applied" (五、附则); a returned case keeps it. An offer
      // (免申即享) is first applied when the enterprise confirms it: confirming is its application.
      const ms = await nextSubmissionMillis(trx, ctx.database.dialect, ctx.now().getTime());
      patch.submitted_at = new Date(ms).toISOString();
      patch.submission_seq = ms;
    }
    if (action === "submit" && (await countEvidence(trx, id)) === 0) {
      throw new AppError("missing_field", "提交前须上传至少一份证明材料", "evidence");
    }
    if (comment !== null) patch.last_comment = comment;

    let decision: Decision | null = null;
    let supplements: CaseSupplement[] = [];
    if (action !== "withdraw") {
      ({ decision, supplements } = await evaluateCaseParts(
        ctx,
        trx,
        org,
        { ...row, ...patch, state: transition.to } as ApplicationTable,
        now,
      ));
      patch.expected_amount = decision.amountYuan;
      patch.funding_source = decision.fundingSource;
      patch.policy_id = decision.policy;
      if (transition.needsGrant && decision.amountYuan <= 0) {
        const why = decision.reasons.map((r) => r.message).join("；");
        throw new AppError("engine_refuses", `政策引擎不予核定：${why}`, "id");
      }
    }
    if (transition.grants && decision) {
      await recordGrant(ctx, trx, org, row, decision, now);
      await recordSupplementGrants(ctx, trx, org, row, supplements, now);
    }

    // A review decision is counted by the dates the case came to the reviewer and was decided.
    const entered = isReviewDecision(from, action) ? await enteredAt(trx, id) : null;
    await applyTransition(trx, ctx, actor, "application", id, action, {
      version: row.version,
      comment,
      set: patch,
      data: {
        amount: decision?.amountYuan ?? null,
        // The county's supporting decisions (四（三）), when its packs know the item.
        ...(supplements.length > 0
          ? {
              supplements: supplements.map((s) => ({
                policy: s.policy.id,
                amount: s.decision.amountYuan,
              })),
            }
          : {}),
      },
      decision: {
        policy: decision?.policy ?? null,
        amount: decision?.amountYuan ?? null,
        json: decision ? JSON.stringify(decision) : null,
      },
    }).catch((e: unknown) => {
      throw e instanceof AppError && e.code === "stale_version"
        ? new AppError("invalid_state", "申报状态已变化，请刷新后重试", "state")
        : e;
    });
    if (entered !== null)
      await countReviewDecision(trx, {
        fromState: from,
        county: row.county,
        startDay: beijingDate(entered),
        decidedDay: beijingDate(now),
      });
    return { state: transition.to, decision };
  });
}

/**
 * The final approval records the grant. The database enforces what the engine decided: one grant
 * per item and subject in the system, one per project of an organization, and the caps (a guarded
 * update that must touch exactly one row, behind a CHECK constraint).
 */
async function recordGrant(
  ctx: Context,
  trx: Tx,
  org: OrganizationTable,
  row: ApplicationTable,
  decision: Decision,
  now: string,
): Promise<void> {
  try {
    await insertGrant(trx, {
      application_id: row.id,
      organization_id: org.id,
      item: row.item,
      subject: subjectKey(row.subject),
      project: row.project,
      amount: decision.amountYuan,
      funding_source: decision.fundingSource ?? "county",
      policy_id: decision.policy ?? "",
      created_at: now,
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new AppError("conflict", "同一奖励项目与对象或同一项目已获奖励，不能重复核定", "id");
    }
    throw e;
  }
  const pack = decision.policy ? ctx.registry.pack(decision.policy) : undefined;
  if (pack) await drawOnCap(trx, org, row, pack, decision.amountYuan);
}

/**
 * What the county's supporting packs decided for the case is granted beside the city's grant,
 * each within its own pack's cap, and awarded from the county's budget with the city's part.
 */
async function recordSupplementGrants(
  ctx: Context,
  trx: Tx,
  org: OrganizationTable,
  row: ApplicationTable,
  supplements: readonly CaseSupplement[],
  now: string,
): Promise<void> {
  for (const { policy, decision } of supplements) {
    if (decision.amountYuan <= 0) continue;
    await insertSupplementGrant(trx, {
      application_id: row.id,
      policy_id: policy.id,
      organization_id: org.id,
      item: row.item,
      clause: decision.clause ?? "",
      amount: decision.amountYuan,
      combine: decision.combine,
      created_at: now,
    });
    const pack = ctx.registry.supportingPack(policy.id);
    if (pack) await drawOnCap(trx, org, row, pack, decision.amountYuan);
  }
}

/** Adds the amount to the organization's use of the item's cap in the pack, if it has one. */
async function drawOnCap(
  trx: Tx,
  org: OrganizationTable,
  row: ApplicationTable,
  pack: PolicyPack,
  amount: number,
): Promise<void> {
  const cap = pack.items.get(row.item)?.cap;
  if (!cap) return;
  const limit = valueAt(cap.limit, maxDate(row.event_date, pack.effective));
  if (!limit) return;
  const key = { organizationId: org.id, policyId: pack.id, capId: cap.id };
  await ensureCapUsage(trx, key, limit.value);
  try {
    if (!(await addToCapUsage(trx, key, amount))) throw capExceeded(cap.title);
  } catch (e) {
    if (isCheckViolation(e)) throw capExceeded(cap.title);
    throw e;
  }
}

const capExceeded = (title: string) => new AppError("conflict", `${title}已用完，不能再核定`, "id");
