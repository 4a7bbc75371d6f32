import { randomUUID } from "node:crypto";
import { appendAudit } from "../audit/audit-log.ts";
import { can, requireAccess, type Scope } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { beijingToday, instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { nextCounter } from "../db/counters.ts";
import { inTransaction } from "../db/database.ts";
import type { ApplicationTable } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { activeExclusions, EXCLUSION_KINDS } from "../organizations/organizations.ts";
import {
  findOrganizationRow,
  lockOrganization,
} from "../organizations/organizations-repository.ts";
import type { Decision } from "../policy/types.ts";
import {
  type ApplicationInput,
  type applicationPatchSchema,
  checkItemAndFacts,
} from "./application-input.ts";
import {
  eventsOf,
  evidenceOf,
  findApplicationRow,
  listApplicationRows,
  updateApplicationIfState,
} from "./applications-repository.ts";
import { evaluateCase } from "./evaluate-case.ts";
import {
  type ApplicationView,
  type EventView,
  type EvidenceView,
  presentApplication,
  presentEvent,
  presentEvidence,
} from "./present.ts";
import type { State } from "./states.ts";

/** What scopes a case for can(): its organization, county and whether it was ever submitted. */
export function caseScope(
  row: Pick<ApplicationTable, "organization_id" | "county" | "submitted_at"> | undefined,
): Scope {
  return {
    organizationId: row?.organization_id ?? null,
    county: row?.county ?? null,
    // First submission sets submitted_at and nothing clears it (a returned case keeps it).
    submitted: row !== undefined && row.submitted_at !== null,
  };
}

/**
 * Loads a case in the caller's scope; a case outside it answers not_found, and is audited. So does
 * a case never submitted, to anyone but its enterprise (application.read).
 */
export async function loadApplicationFor(ctx: Context, actor: Actor, id: string) {
  const row = await findApplicationRow(ctx.database.db, id);
  requireAccess(
    actor,
    "application.read",
    caseScope(row),
    { type: "application", id },
    "application.read",
  );
  if (!row) throw new AppError("not_found", "申报不存在", "id");
  const org = await findOrganizationRow(ctx.database.db, row.organization_id);
  if (!org) throw new AppError("not_found", "组织不存在", "organizationId");
  return { row, org };
}

/** An enterprise user drafts a claim for one item of the policy. */
export async function createApplication(
  ctx: Context,
  actor: Actor,
  input: ApplicationInput,
): Promise<ApplicationView> {
  const organizationId = input.organizationId ?? actor.organizationId;
  requireAccess(
    actor,
    "application.create",
    { organizationId },
    { type: "organization", id: organizationId ?? null },
  );
  checkItemAndFacts(ctx.registry, input.item, input.facts);
  const now = instant(ctx);
  const id = randomUUID();
  const row = await inTransaction(ctx.database, async (trx) => {
    const org = await lockOrganization(trx, ctx.database.dialect, organizationId as string);
    if (!org) throw new AppError("not_found", "组织不存在", "organizationId");
    await refuseIfExcluded(trx, org.id, beijingToday(ctx));
    const year = new Date(ctx.now().getTime() + 8 * 3600_000).getUTCFullYear();
    const seq = await nextCounter(trx, `application_number:${year}`);
    const row: ApplicationTable = {
      id,
      number: `QI-${year}-${String(seq).padStart(6, "0")}`,
      organization_id: org.id,
      county: org.county,
      item: input.item,
      subject: input.subject,
      project: input.project,
      event_date: input.eventDate,
      facts: JSON.stringify(input.facts),
      state: "draft",
      submitted_at: null,
      submission_seq: null,
      policy_id: null,
      expected_amount: null,
      funding_source: null,
      last_comment: null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await trx.insertInto("applications").values(row).execute();
    await appendAudit(trx, ctx.database.dialect, now, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "application.create",
      targetType: "application",
      targetId: id,
      after: { number: row.number, item: row.item, subject: row.subject },
      ip: actor.ip,
      outcome: "success",
    });
    return { row, org };
  });
  return presentApplication(ctx.registry, row.row, row.org);
}

async function refuseIfExcluded(
  trx: Parameters<typeof activeExclusions>[0],
  organizationId: string,
  day: string,
) {
  const active = await activeExclusions(trx, organizationId, day);
  const first = active[0];
  if (first) {
    throw new AppError(
      "organization_excluded",
      `该组织自 ${first.effective_date} 起因“${EXCLUSION_KINDS[first.kind as keyof typeof EXCLUSION_KINDS] ?? first.kind}”（来源：${first.source}）不得申报`,
      "organizationId",
    );
  }
}

export { refuseIfExcluded };

/** The enterprise corrects a draft or a returned case. */
export async function updateApplication(
  ctx: Context,
  actor: Actor,
  id: string,
  patch: ReturnType<typeof applicationPatchSchema.parse>,
): Promise<ApplicationView> {
  const { row } = await loadApplicationFor(ctx, actor, id);
  requireAccess(
    actor,
    "application.edit",
    { organizationId: row.organization_id },
    { type: "application", id },
  );
  const editable: State[] = ["draft", "returned"];
  if (!editable.includes(row.state as State)) {
    throw new AppError("invalid_state", "只有草稿或退回补正的申报可以修改", "state");
  }
  const item = patch.item ?? row.item;
  const facts = patch.facts ?? (JSON.parse(row.facts) as Record<string, unknown>);
  checkItemAndFacts(ctx.registry, item, facts);
  const now = instant(ctx);
  const set: Partial<ApplicationTable> = { updated_at: now, version: row.version + 1 };
  if (patch.item !== undefined) set.item = patch.item;
  if (patch.subject !== undefined) set.subject = patch.subject;
  if (patch.project !== undefined) set.project = patch.project;
  if (patch.eventDate !== undefined) set.event_date = patch.eventDate;
  if (patch.facts !== undefined) set.facts = JSON.stringify(patch.facts);
  await inTransaction(ctx.database, async (trx) => {
    const moved = await updateApplicationIfState(trx, id, row.state as State, set);
    if (moved !== 1) throw new AppError("invalid_state", "申报状态已变化，请刷新后重试", "state");
    await appendAudit(trx, ctx.database.dialect, now, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "application.update",
      targetType: "application",
      targetId: id,
      before: {
        item: row.item,
        subject: row.subject,
        project: row.project,
        eventDate: row.event_date,
        facts: JSON.parse(row.facts),
      },
      after: {
        item,
        subject: set.subject ?? row.subject,
        project: set.project ?? row.project,
        eventDate: set.event_date ?? row.event_date,
        facts,
      },
      ip: actor.ip,
      outcome: "success",
    });
  });
  return getApplication(ctx, actor, id).then((d) => d.application);
}

export interface ApplicationDetail {
  application: ApplicationView;
  evidence: EvidenceView[];
  events: EventView[];
}

export async function getApplication(
  ctx: Context,
  actor: Actor,
  id: string,
): Promise<ApplicationDetail> {
  const { row, org } = await loadApplicationFor(ctx, actor, id);
  const [evidence, events] = await Promise.all([
    evidenceOf(ctx.database.db, id),
    eventsOf(ctx.database.db, id),
  ]);
  return {
    application: presentApplication(ctx.registry, row, org),
    evidence: evidence.map(presentEvidence),
    events: events.map(presentEvent),
  };
}

/** The engine's decision for the case now, against everything else in the system (not stored). */
export async function previewApplication(
  ctx: Context,
  actor: Actor,
  id: string,
): Promise<Decision> {
  const { row, org } = await loadApplicationFor(ctx, actor, id);
  return evaluateCase(ctx, ctx.database.db, org, row, instant(ctx));
}

export interface ApplicationListFilter {
  county?: string | undefined;
  item?: string | undefined;
  state?: State | undefined;
  year?: number | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

/** Lists cases in the caller's scope, with counts by state for the queue. */
export async function listApplications(ctx: Context, actor: Actor, f: ApplicationListFilter) {
  requireAccess(actor, "application.list");
  const scoped =
    actor.role === "enterprise"
      ? { organizationId: actor.organizationId ?? "-", county: f.county }
      : actor.role === "county_official" || (actor.role === "finance" && actor.county)
        ? { county: actor.county ?? "-" }
        : { county: f.county };
  // Cases never submitted are listed (and counted) only for whoever may read them: their
  // enterprise. The rule is application.read's, asked of a never-submitted case in this scope.
  const submittedOnly = !can(actor, "application.read", { ...scoped, submitted: false });
  const { rows, total, counts } = await listApplicationRows(ctx.database.db, {
    ...scoped,
    submittedOnly,
    item: f.item,
    state: f.state,
    year: f.year,
    q: f.q,
    limit: f.pageSize,
    offset: (f.page - 1) * f.pageSize,
  });
  return {
    total,
    page: f.page,
    pageSize: f.pageSize,
    countsByState: counts,
    items: rows.map((r) =>
      presentApplication(ctx.registry, r, {
        id: r.organization_id,
        name: r.organization_name,
        uscc: r.organization_uscc,
        county: r.county,
      }),
    ),
  };
}
