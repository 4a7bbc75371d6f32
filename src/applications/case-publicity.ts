import type { Actor } from "../auth/roles.ts";
import { type AwardPart, awardCase, cityPart } from "../awards/create-award.ts";
import { releaseGrant } from "../awards/release-grant.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction, keepIf, type Tx } from "../db/database.ts";
import type { ApplicationTable, OrganizationTable } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { applyTransition } from "../lifecycle/apply-transition.ts";
import { lockOrganization } from "../organizations/organizations-repository.ts";
import { hasOpenObjection } from "../publicity/publicity-repository.ts";
import type { CloseOutcome, PublicitySubject } from "../publicity/subject.ts";
import { findApplicationRow } from "./applications-repository.ts";
import {
  type CaseEntryRow,
  findCaseEntry,
  noteCaseEntry,
  publicCaseEntries,
  undecidedCaseEntries,
} from "./case-publicity-repository.ts";
import { supplementGrantsOf } from "./grants-repository.ts";

/** A case on the public list: organization, item and amount, no personal data. */
export type PublicCaseEntry = Omit<CaseEntryRow, "policyId" | "countyAmount"> & {
  /** What the county's supporting packs granted the case (四（三）), 0 for none. */
  readonly countyAmount: number;
  readonly itemTitle: string;
  readonly clause: string | null;
};

/**
 * Approved cases as a subject of publicity (三（一）, 五、附则): listed with organization, item and
 * amount; an upheld objection rejects the case and releases its grant; at the close each case
 * without an open objection becomes an award, first applied first awarded.
 */
export const casePublicity: PublicitySubject<PublicCaseEntry> = {
  kind: "awards",
  objectionKind: "objection",
  subjectColumn: "application_id",

  async listPublic(ctx, batchId) {
    const rows = await publicCaseEntries(ctx.database.db, batchId);
    return rows.map(({ policyId, ...e }) => {
      // By the case's own policy: a successor pack may reuse an item id with another title.
      const item = policyId ? ctx.registry.pack(policyId)?.items.get(e.item) : undefined;
      return {
        ...e,
        amount: Number(e.amount),
        countyAmount: Number(e.countyAmount ?? 0),
        itemTitle: item?.title ?? e.item,
        clause: item?.clause ?? null,
      };
    });
  },

  async requireEntry(trx, batchId, applicationId) {
    if (!(await findCaseEntry(trx, batchId, applicationId)))
      throw new AppError("invalid_field", "该申报不在本批公示中", "applicationId");
  },

  async uphold(trx, ctx, actor, batchId, applicationId, reason) {
    const app = await findApplicationRow(trx, applicationId);
    if (!app) return;
    await lockOrganization(trx, ctx.database.dialect, app.organization_id);
    const current = await findApplicationRow(trx, applicationId);
    // Already awarded or ended: the objection is recorded, the case stays as it is.
    if (current?.state !== "publicity") return;
    const comment = `公示异议成立：${reason}`;
    await applyTransition(trx, ctx, actor, "application", applicationId, "uphold", {
      comment,
      set: { last_comment: comment, updated_at: instant(ctx) },
    });
    await applyTransition(
      trx,
      ctx,
      actor,
      "publicity_entry",
      { batch_id: batchId, application_id: applicationId },
      "reject",
      { comment: reason, set: { note: reason }, scope: { county: app.county } },
    );
    await releaseGrant(ctx, trx, applicationId);
  },

  dueEntries: (ctx, batchId) => undecidedCaseEntries(ctx.database.db, batchId),

  close: (ctx, actor, batchId, applicationId) =>
    inTransaction(ctx.database, (trx) => awardEntry(trx, ctx, actor, batchId, applicationId)),
};

/** Awards one case of a closed period, or says why not (held by an objection, waiting for money). */
export async function awardEntry(
  trx: Tx,
  ctx: Context,
  actor: Actor,
  batchId: string,
  applicationId: string,
): Promise<CloseOutcome> {
  const first = await findApplicationRow(trx, applicationId);
  if (!first) return "skipped";
  const org = await lockOrganization(trx, ctx.database.dialect, first.organization_id);
  const app = await findApplicationRow(trx, applicationId);
  const entry = await findCaseEntry(trx, batchId, applicationId);
  if (
    !org ||
    !app ||
    !entry ||
    app.state !== "publicity" ||
    (entry.outcome !== null && entry.outcome !== "waiting_budget")
  )
    return "skipped";
  if (await hasOpenObjection(trx, "objection", applicationId)) return "held";
  const key = { batch_id: batchId, application_id: applicationId };
  const scope = { organizationId: org.id, county: org.county };
  // The city's part and each county supporting pack's part (四（三）) are awarded together: when
  // one budget cannot pay, none is reserved and the whole case waits, naming that budget.
  const parts = [
    cityPart(ctx, app, Number(entry.amount), entry.funding_source),
    ...(await supplementGrantsOf(trx, applicationId)).map((g) => ({
      amount: g.amount,
      fundingSource: "county",
      policyId: g.policy_id,
      clause: g.clause,
      supporting: true,
    })),
  ];
  const outcome = await keepIf(
    trx,
    "award_parts",
    () => awardParts(ctx, trx, app, org, parts, actor),
    (o) => o.kind === "awarded",
  );
  if (outcome.kind === "waiting_budget") {
    if (entry.outcome === null) {
      await applyTransition(trx, ctx, actor, "publicity_entry", key, "wait", {
        set: { note: outcome.message },
        scope,
        data: { message: outcome.message },
      });
    } else {
      await noteCaseEntry(trx, batchId, applicationId, outcome.message);
    }
    return { waiting: outcome.message };
  }
  const numbers = outcome.numbers.join("、");
  await applyTransition(trx, ctx, actor, "publicity_entry", key, "award", {
    set: { note: numbers },
    scope,
    data: { award: numbers },
  });
  await applyTransition(trx, ctx, actor, "application", applicationId, "award", {
    set: { updated_at: instant(ctx) },
    scope,
    data: { award: numbers, amount: Number(entry.amount) },
  });
  return "done";
}

type PartsOutcome =
  | { readonly kind: "awarded"; readonly numbers: string[] }
  | { readonly kind: "waiting_budget"; readonly message: string };

/** Awards each part in turn; stops at the first that its budget cannot pay. */
async function awardParts(
  ctx: Context,
  trx: Tx,
  app: ApplicationTable,
  org: OrganizationTable,
  parts: readonly AwardPart[],
  actor: Actor,
): Promise<PartsOutcome> {
  const numbers: string[] = [];
  for (const part of parts) {
    const outcome = await awardCase(ctx, trx, app, org, part, actor);
    if (outcome.kind === "waiting_budget") return outcome;
    numbers.push(outcome.number);
  }
  return { kind: "awarded", numbers };
}
