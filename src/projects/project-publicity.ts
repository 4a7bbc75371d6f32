import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/roles.ts";
import { budgetFor } from "../budgets/budgets.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction, type Tx } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { moveMoney } from "../ledger/ledger.ts";
import { applyTransition } from "../lifecycle/apply-transition.ts";
import { hasOpenObjection } from "../publicity/publicity-repository.ts";
import type { CloseOutcome, PublicitySubject } from "../publicity/subject.ts";
import {
  callOfBatch,
  findProjectEntry,
  findProposalRow,
  publicProjectEntries,
  returnToCall,
  undecidedProjectEntries,
} from "./project-funding-repository.ts";
import { loadCall } from "./projects-repository.ts";

/** A selected proposal on the public list: no personal data. */
export type PublicProjectEntry = Awaited<ReturnType<typeof publicProjectEntries>>[number];

/**
 * Selected public projects as a subject of publicity (三（三）4, 四（二）): when the period has
 * ended, each selected proposal without an open objection is funded from the city's special fund
 * of the call's year — an advance (the call's percentage) and a final tranche, both reserved at
 * once in the ledger. An upheld objection drops the proposal and returns its amount to the call.
 */
export const projectPublicity: PublicitySubject<PublicProjectEntry> = {
  kind: "projects",
  objectionKind: "project_objection",
  subjectColumn: "proposal_id",

  listPublic: (ctx, batchId) => publicProjectEntries(ctx.database.db, batchId),

  async requireEntry(trx, batchId, proposalId) {
    if (!(await findProjectEntry(trx, batchId, proposalId)))
      throw new AppError("invalid_field", "该项目不在本批公示中", "proposalId");
  },

  async uphold(trx, ctx, actor, batchId, proposalId, reason) {
    const proposal = await findProposalRow(trx, proposalId);
    if (!proposal || (proposal.state !== "publicity" && proposal.state !== "waiting_budget"))
      return;
    const comment = `公示异议成立：${reason}`;
    await applyTransition(trx, ctx, actor, "project_proposal", proposalId, "uphold", {
      comment,
      set: { decision_note: comment, updated_at: instant(ctx) },
    });
    await applyTransition(
      trx,
      ctx,
      actor,
      "project_publicity_entry",
      { batch_id: batchId, proposal_id: proposalId },
      "reject",
      { comment: reason, scope: { county: proposal.county } },
    );
    await returnToCall(trx, proposal.call_id, Number(proposal.funded_amount ?? 0));
  },

  dueEntries: (ctx, batchId) => undecidedProjectEntries(ctx.database.db, batchId),

  async close(ctx, actor, batchId, proposalId) {
    try {
      return await inTransaction(ctx.database, (trx) =>
        fundEntry(trx, ctx, actor, batchId, proposalId),
      );
    } catch (error) {
      if (!(error instanceof WaitingBudget)) throw error;
    }
    // The reservation rolled back with the transaction: mark the wait in a new one.
    return inTransaction(ctx.database, (t) => markWaiting(t, ctx, actor, batchId, proposalId));
  },

  async afterClose(trx, ctx, actor, batchId) {
    const call = await callOfBatch(trx, batchId);
    if (call?.state === "publicity")
      await applyTransition(trx, ctx, actor, "project_call", call.id, "close");
  },
};

class WaitingBudget extends Error {}

async function fundEntry(
  trx: Tx,
  ctx: Context,
  actor: Actor,
  batchId: string,
  proposalId: string,
): Promise<CloseOutcome> {
  const entry = await findProjectEntry(trx, batchId, proposalId);
  const proposal = await findProposalRow(trx, proposalId);
  if (
    !entry ||
    !proposal ||
    (entry.outcome !== null && entry.outcome !== "waiting_budget") ||
    (proposal.state !== "publicity" && proposal.state !== "waiting_budget")
  )
    return "skipped";
  if (await hasOpenObjection(trx, "project_objection", proposalId)) return "held";
  const at = instant(ctx);
  const scope = { organizationId: proposal.organization_id, county: proposal.county };
  // Claim the proposal before reserving anything: of two closings at once (two servers, the
  // scheduled job and the command), the second waits on this row, then finds it taken.
  try {
    await applyTransition(trx, ctx, actor, "project_proposal", proposalId, "fund", {
      version: proposal.version,
      set: { updated_at: at },
      scope,
    });
  } catch (e) {
    if (e instanceof AppError && (e.code === "invalid_state" || e.code === "stale_version"))
      return "skipped";
    throw e;
  }
  const call = await loadCall(trx, proposal.call_id);
  const amount = Number(entry.amount);
  const advance = Math.floor((amount * call.advance_percent) / 100);
  const key = { year: call.year, source: "city" };
  await budgetFor(ctx, trx, key, actor.userId);
  for (const [kind, part] of [
    ["advance", advance],
    ["final", amount - advance],
  ] as const) {
    if (part <= 0) continue;
    const id = randomUUID();
    await applyTransition(trx, ctx, actor, "project_tranche", id, "reserve", {
      create: {
        id,
        proposal_id: proposalId,
        kind,
        amount: part,
        year: call.year,
        source: "city",
        treasury_ref: null,
        paid_on: null,
        created_at: at,
        updated_at: at,
      },
      scope,
      data: { kind, amount: part, proposal: proposal.number },
    });
    const posted = await moveMoney(
      trx,
      key,
      {
        from: "available",
        to: "reserved",
        amount: part,
        kind: "project.reserve",
        trancheId: id,
        actorId: actor.userId,
        note: proposal.number,
      },
      at,
    );
    if (!posted) throw new WaitingBudget();
  }
  await applyTransition(
    trx,
    ctx,
    actor,
    "project_publicity_entry",
    { batch_id: batchId, proposal_id: proposalId },
    "fund",
    { scope, data: { amount, advance, year: call.year } },
  );
  return "done";
}

async function markWaiting(
  trx: Tx,
  ctx: Context,
  actor: Actor,
  batchId: string,
  proposalId: string,
): Promise<CloseOutcome> {
  const proposal = await findProposalRow(trx, proposalId);
  const entry = await findProjectEntry(trx, batchId, proposalId);
  const waiting = `${proposal?.number ?? proposalId}：市级专项资金余额不足，待预算调整后再行安排`;
  if (!proposal || !entry) return "skipped";
  const scope = { organizationId: proposal.organization_id, county: proposal.county };
  if (entry.outcome === null)
    await applyTransition(
      trx,
      ctx,
      actor,
      "project_publicity_entry",
      { batch_id: batchId, proposal_id: proposalId },
      "wait",
      { scope },
    );
  if (proposal.state === "publicity")
    await applyTransition(trx, ctx, actor, "project_proposal", proposalId, "wait", {
      set: { updated_at: instant(ctx) },
      scope,
    });
  return { waiting };
}
