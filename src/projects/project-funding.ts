import { randomUUID } from "node:crypto";
import { z } from "zod";
import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { budgetFor } from "../budgets/budgets.ts";
import { civilDateSchema } from "../calculate/request.ts";
import { beijingToday, instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction, type Tx } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { idempotent } from "../ledger/idempotency.ts";
import { moveMoney } from "../ledger/ledger.ts";
import { fileGuardedObjection, type ObjectionAnswer } from "../publicity/objection-guard.ts";
import { batchOpenForObjections } from "../publicity/publicity.ts";
import { loadCall, projectAudit } from "./projects.ts";

/**
 * The money of public projects (三（三）4, 四（二）): when the publicity of a selection has ended,
 * each selected proposal without an open or upheld objection is funded from the city's special
 * fund of the call's year — an advance (the call's percentage) and a final tranche, both
 * reserved at once in the ledger. The advance may be paid at once; the final tranche only after
 * acceptance (验收) passed. A failed acceptance releases what is still reserved.
 */

const text = (max: number) =>
  z.string().trim().min(1, "不能为空").max(max, `不能超过 ${max} 个字符`);

export const projectObjectionInputSchema = z.object({
  proposalId: z.string().uuid("应为项目申报编号"),
  name: text(50),
  contact: text(100),
  reason: text(2000),
});

export const acceptanceInputSchema = z.object({
  result: z.enum(["passed", "failed"]),
  date: civilDateSchema,
  note: text(2000),
});

export const trancheResultSchema = z.object({
  treasuryRef: text(100),
  paidOn: civilDateSchema,
});

const SYSTEM = (actorId: string) => ({ userId: actorId, role: "system", ip: null });

class WaitingBudget extends Error {}

/** Funds one entry of a project publicity; "funded", "held", "skipped" or waiting for budget. */
async function fundEntry(
  ctx: Context,
  trx: Tx,
  batchId: string,
  proposalId: string,
  actorId: string,
): Promise<"funded" | "held" | "skipped"> {
  const entry = await trx
    .selectFrom("project_publicity_entries")
    .selectAll()
    .where("batch_id", "=", batchId)
    .where("proposal_id", "=", proposalId)
    .executeTakeFirstOrThrow();
  const proposal = await trx
    .selectFrom("project_proposals")
    .selectAll()
    .where("id", "=", proposalId)
    .executeTakeFirstOrThrow();
  if (
    (entry.outcome !== null && entry.outcome !== "waiting_budget") ||
    !["publicity", "waiting_budget"].includes(proposal.state)
  )
    return "skipped";
  const open = await trx
    .selectFrom("project_objections")
    .select("id")
    .where("proposal_id", "=", proposalId)
    .where("state", "=", "open")
    .executeTakeFirst();
  if (open) return "held";
  const at = instant(ctx);
  // Claim the proposal before reserving anything: of two closings at once (two servers, the
  // scheduled job and the command), the second waits on this row, then finds it taken.
  const claimed = await trx
    .updateTable("project_proposals")
    .set({ state: "funded", updated_at: at })
    .where("id", "=", proposalId)
    .where("state", "in", ["publicity", "waiting_budget"])
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return "skipped";
  const call = await loadCall(trx, proposal.call_id);
  const amount = Number(entry.amount);
  const advance = Math.floor((amount * call.advance_percent) / 100);
  const key = { year: call.year, source: "city" };
  await budgetFor(ctx, trx, key, actorId);
  for (const [kind, part] of [
    ["advance", advance],
    ["final", amount - advance],
  ] as const) {
    if (part <= 0) continue;
    const id = randomUUID();
    await trx
      .insertInto("project_tranches")
      .values({
        id,
        proposal_id: proposalId,
        kind,
        amount: part,
        year: call.year,
        source: "city",
        state: "reserved",
        treasury_ref: null,
        paid_on: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const posted = await moveMoney(
      trx,
      key,
      {
        from: "available",
        to: "reserved",
        amount: part,
        kind: "project.reserve",
        trancheId: id,
        actorId,
        note: proposal.number,
      },
      at,
    );
    if (!posted) throw new WaitingBudget();
  }
  await trx
    .updateTable("project_publicity_entries")
    .set({ outcome: "funded" })
    .where("batch_id", "=", batchId)
    .where("proposal_id", "=", proposalId)
    .execute();
  await projectAudit(ctx, trx, SYSTEM(actorId), "project.fund", "project_proposal", proposalId, {
    amount,
    advance,
    year: call.year,
  });
  return "funded";
}

export interface ProjectCloseSummary {
  funded: number;
  held: number;
  waiting: string[];
  closedBatches: string[];
}

/** Closes the project publicity periods that have ended (run with case publicity's job). */
export async function closeProjectPublicity(
  ctx: Context,
  actorId = "system",
): Promise<ProjectCloseSummary> {
  const today = beijingToday(ctx);
  const summary: ProjectCloseSummary = { funded: 0, held: 0, waiting: [], closedBatches: [] };
  const due = await ctx.database.db
    .selectFrom("publicity_batches")
    .selectAll()
    .where("kind", "=", "projects")
    .where("state", "=", "open")
    .where("end_date", "<", today)
    .orderBy("end_date")
    .execute();
  for (const batch of due) {
    const entries = await ctx.database.db
      .selectFrom("project_publicity_entries")
      .innerJoin(
        "project_proposals",
        "project_proposals.id",
        "project_publicity_entries.proposal_id",
      )
      .select(["project_publicity_entries.proposal_id", "project_proposals.number"])
      .where("project_publicity_entries.batch_id", "=", batch.id)
      .where((eb) =>
        eb.or([
          eb("project_publicity_entries.outcome", "is", null),
          eb("project_publicity_entries.outcome", "=", "waiting_budget"),
        ]),
      )
      .orderBy("project_proposals.rank")
      .execute();
    for (const e of entries) {
      try {
        const outcome = await inTransaction(ctx.database, (trx) =>
          fundEntry(ctx, trx, batch.id, e.proposal_id, actorId),
        );
        if (outcome === "funded") summary.funded++;
        if (outcome === "held") summary.held++;
      } catch (error) {
        if (!(error instanceof WaitingBudget)) throw error;
        await inTransaction(ctx.database, async (trx) => {
          await trx
            .updateTable("project_publicity_entries")
            .set({ outcome: "waiting_budget" })
            .where("batch_id", "=", batch.id)
            .where("proposal_id", "=", e.proposal_id)
            .where((eb) => eb.or([eb("outcome", "is", null), eb("outcome", "=", "waiting_budget")]))
            .execute();
          await trx
            .updateTable("project_proposals")
            .set({ state: "waiting_budget", updated_at: instant(ctx) })
            .where("id", "=", e.proposal_id)
            .where("state", "in", ["publicity", "waiting_budget"])
            .execute();
        });
        summary.waiting.push(`${e.number}：市级专项资金余额不足，待预算调整后再行安排`);
      }
    }
    const left = await ctx.database.db
      .selectFrom("project_publicity_entries")
      .select("proposal_id")
      .where("batch_id", "=", batch.id)
      .where((eb) => eb.or([eb("outcome", "is", null), eb("outcome", "=", "waiting_budget")]))
      .execute();
    if (left.length === 0) {
      await inTransaction(ctx.database, async (trx) => {
        await trx
          .updateTable("publicity_batches")
          .set({ state: "closed", closed_at: instant(ctx) })
          .where("id", "=", batch.id)
          .where("state", "=", "open")
          .execute();
        await trx
          .updateTable("project_calls")
          .set({ state: "closed" })
          .where("publicity_batch_id", "=", batch.id)
          .execute();
      });
      summary.closedBatches.push(batch.number);
    }
  }
  return summary;
}

/** The public list of a project publicity batch: no personal data. */
export async function projectPublicityEntries(ctx: Context, batchId: string) {
  const rows = await ctx.database.db
    .selectFrom("project_publicity_entries")
    .innerJoin("project_proposals", "project_proposals.id", "project_publicity_entries.proposal_id")
    .innerJoin("organizations", "organizations.id", "project_proposals.organization_id")
    .select([
      "project_proposals.id as proposalId",
      "project_proposals.number as number",
      "project_proposals.title as title",
      "project_proposals.category as category",
      "project_proposals.rank as rank",
      "organizations.name as organization",
      "project_proposals.county as county",
      "project_publicity_entries.amount as amount",
      "project_publicity_entries.outcome as outcome",
    ])
    .where("project_publicity_entries.batch_id", "=", batchId)
    .orderBy("project_proposals.rank")
    .execute();
  return rows.map((r) => ({ ...r, amount: Number(r.amount) }));
}

/** As for cases: an identical objection gets the first's answer; one source has a limit. */
export async function fileProjectObjection(
  ctx: Context,
  batchId: string,
  input: z.output<typeof projectObjectionInputSchema>,
  ip: string | null,
): Promise<ObjectionAnswer> {
  const today = beijingToday(ctx);
  const at = instant(ctx);
  const filing = {
    table: "project_objections",
    batchId,
    subjectId: input.proposalId,
    text: input,
    ip,
  } as const;
  return fileGuardedObjection(ctx, filing, {
    check: async (trx) => {
      await batchOpenForObjections(trx, batchId, today);
      const entry = await trx
        .selectFrom("project_publicity_entries")
        .select("proposal_id")
        .where("batch_id", "=", batchId)
        .where("proposal_id", "=", input.proposalId)
        .executeTakeFirst();
      if (!entry) throw new AppError("invalid_field", "该项目不在本批公示中", "proposalId");
    },
    insert: async (trx, marks) => {
      const id = randomUUID();
      await trx
        .insertInto("project_objections")
        .values({
          id,
          batch_id: batchId,
          proposal_id: input.proposalId,
          name: input.name,
          contact: input.contact,
          reason: input.reason,
          state: "open",
          resolution: null,
          resolved_by: null,
          resolved_at: null,
          created_at: at,
          source: marks.source,
          fingerprint: marks.fingerprint,
        })
        .execute();
      await projectAudit(
        ctx,
        trx,
        { userId: "public", role: "public", ip },
        "project.object",
        "project_proposal",
        input.proposalId,
        { objection: id, batch: batchId },
      );
      return id;
    },
  });
}

export async function listProjectObjections(ctx: Context, actor: Actor, batchId: string) {
  requireAccess(actor, "project.manage");
  return ctx.database.db
    .selectFrom("project_objections")
    .select([
      "id",
      "batch_id",
      "proposal_id",
      "name",
      "contact",
      "reason",
      "state",
      "resolution",
      "resolved_by",
      "resolved_at",
      "created_at",
    ])
    .where("batch_id", "=", batchId)
    .orderBy("created_at")
    .execute();
}

/** upheld → the proposal is not funded and its amount returns to the call; dismissed → it goes on. */
export async function resolveProjectObjection(
  ctx: Context,
  actor: Actor,
  id: string,
  input: { outcome: "upheld" | "dismissed"; resolution: string },
) {
  requireAccess(actor, "project.manage");
  const at = instant(ctx);
  return inTransaction(ctx.database, async (trx) => {
    const objection = await trx
      .selectFrom("project_objections")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    if (!objection) throw new AppError("not_found", "异议不存在", "id");
    const done = await trx
      .updateTable("project_objections")
      .set({
        state: input.outcome,
        resolution: input.resolution,
        resolved_by: actor.userId,
        resolved_at: at,
      })
      .where("id", "=", id)
      .where("state", "=", "open")
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1)
      throw new AppError("invalid_state", "该异议已处理", "id");
    if (input.outcome === "upheld") {
      const proposal = await trx
        .selectFrom("project_proposals")
        .selectAll()
        .where("id", "=", objection.proposal_id)
        .executeTakeFirstOrThrow();
      if (proposal.state === "publicity" || proposal.state === "waiting_budget") {
        const amount = Number(proposal.funded_amount ?? 0);
        await trx
          .updateTable("project_proposals")
          .set({
            state: "rejected",
            decision_note: `公示异议成立：${input.resolution}`,
            updated_at: at,
          })
          .where("id", "=", proposal.id)
          .execute();
        await trx
          .updateTable("project_publicity_entries")
          .set({ outcome: "rejected" })
          .where("batch_id", "=", objection.batch_id)
          .where("proposal_id", "=", proposal.id)
          .execute();
        await trx
          .updateTable("project_calls")
          .set((eb) => ({ allocated: eb("allocated", "-", amount) }))
          .where("id", "=", proposal.call_id)
          .execute();
      }
    }
    await projectAudit(ctx, trx, actor, "project.resolveObjection", "project_objection", id, {
      state: input.outcome,
      resolution: input.resolution,
    });
    return { id, state: input.outcome };
  });
}

/** 验收: passed opens the final payment; failed releases what is still reserved. */
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
    const state = input.result === "passed" ? "accepted" : "acceptance_failed";
    const moved = await trx
      .updateTable("project_proposals")
      .set({ state, accepted_on: input.date, acceptance_note: input.note, updated_at: at })
      .where("id", "=", proposalId)
      .where("state", "=", "funded")
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) {
      const exists = await trx
        .selectFrom("project_proposals")
        .select("state")
        .where("id", "=", proposalId)
        .executeTakeFirst();
      if (!exists) throw new AppError("not_found", "项目申报不存在", "id");
      throw new AppError("invalid_state", "只有已立项、未验收的项目可以验收", "id");
    }
    let released = 0;
    if (input.result === "failed") {
      const reserved = await trx
        .selectFrom("project_tranches")
        .selectAll()
        .where("proposal_id", "=", proposalId)
        .where("state", "=", "reserved")
        .execute();
      for (const t of reserved) {
        const moved = await trx
          .updateTable("project_tranches")
          .set({ state: "released", updated_at: at })
          .where("id", "=", t.id)
          .where("state", "=", "reserved")
          .executeTakeFirst();
        // Paid by a payment that committed while this waited on the row: nothing to release.
        if (Number(moved.numUpdatedRows) !== 1) continue;
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
    await projectAudit(ctx, trx, actor, "project.acceptance", "project_proposal", proposalId, {
      result: input.result,
      date: input.date,
      released,
    });
    return { id: proposalId, state, released };
  });
}

/** Finance records a tranche as paid by the treasury. Keyed: a replay returns the first result. */
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
        const t = await trx
          .selectFrom("project_tranches")
          .selectAll()
          .where("id", "=", trancheId)
          .executeTakeFirst();
        if (!t) throw new AppError("not_found", "拨付款项不存在", "id");
        const proposal = await trx
          .selectFrom("project_proposals")
          .select(["state", "number"])
          .where("id", "=", t.proposal_id)
          .executeTakeFirstOrThrow();
        if (t.state !== "reserved")
          throw new AppError(
            "invalid_state",
            t.state === "paid" ? "该笔款项已拨付，不能重复拨付" : "该笔款项已释放",
            "id",
          );
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
        const done = await trx
          .updateTable("project_tranches")
          .set({
            state: "paid",
            treasury_ref: input.treasuryRef,
            paid_on: input.paidOn,
            updated_at: at,
          })
          .where("id", "=", trancheId)
          .where("state", "=", "reserved")
          .executeTakeFirst();
        if (Number(done.numUpdatedRows) !== 1) {
          // Changed while this waited on the row: say what it became (paid, or released).
          const now = await trx
            .selectFrom("project_tranches")
            .select("state")
            .where("id", "=", trancheId)
            .executeTakeFirstOrThrow();
          throw new AppError(
            "invalid_state",
            now.state === "paid" ? "该笔款项已拨付，不能重复拨付" : "该笔款项已释放",
            "id",
          );
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
        await projectAudit(ctx, trx, actor, "project.pay", "project_tranche", trancheId, {
          amount: Number(t.amount),
          kind: t.kind,
          proposal: proposal.number,
          treasuryRef: input.treasuryRef,
        });
        return { id: trancheId, state: "paid", amount: Number(t.amount), paidOn: input.paidOn };
      },
    );
    return result;
  });
}

/** The tranches finance works on: all, or of one year or state. */
export async function listTranches(
  ctx: Context,
  actor: Actor,
  filter: { year?: number | undefined; state?: string | undefined },
) {
  requireAccess(actor, "project.pay", { county: null });
  let q = ctx.database.db
    .selectFrom("project_tranches")
    .innerJoin("project_proposals", "project_proposals.id", "project_tranches.proposal_id")
    .innerJoin("organizations", "organizations.id", "project_proposals.organization_id")
    .select([
      "project_tranches.id",
      "project_tranches.kind",
      "project_tranches.amount",
      "project_tranches.year",
      "project_tranches.state",
      "project_tranches.paid_on as paidOn",
      "project_tranches.treasury_ref as treasuryRef",
      "project_proposals.number as proposal",
      "project_proposals.title",
      "project_proposals.state as proposalState",
      "organizations.name as organization",
    ]);
  if (filter.year !== undefined) q = q.where("project_tranches.year", "=", filter.year);
  if (filter.state) q = q.where("project_tranches.state", "=", filter.state);
  const rows = await q
    .orderBy("project_proposals.number")
    .orderBy("project_tranches.kind")
    .execute();
  return rows.map((r) => ({ ...r, amount: Number(r.amount) }));
}
