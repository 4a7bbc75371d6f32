import { randomUUID } from "node:crypto";
import { appendAudit } from "../audit/audit-log.ts";
import { can, requireAccess, type Scope } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { beijingToday, instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { decodeCursor, encodeCursor } from "../db/cursor.ts";
import { inTransaction } from "../db/database.ts";
import type { ApplicationTable } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { applyTransition, requireVersion, staleVersion } from "../lifecycle/apply-transition.ts";
import { updateRecordIf, versionOf } from "../lifecycle/lifecycle-repository.ts";
import { STORAGE } from "../lifecycle/machines.ts";
import { activeExclusions, EXCLUSION_KINDS } from "../organizations/organizations.ts";
import {
  findOrganizationRow,
  lockOrganization,
} from "../organizations/organizations-repository.ts";
import type { Decision } from "../policy/types.ts";
import { rowOfApplication } from "../rosters/rosters-repository.ts";
import {
  type ApplicationInput,
  type applicationPatchSchema,
  checkItemAndFacts,
} from "./application-input.ts";
import {
  type ApplicationFilter,
  eventsOf,
  evidenceOf,
  findApplicationRow,
  listApplicationRows,
  recordEventsOf,
} from "./applications-repository.ts";
import { type CaseSupplement, evaluateCaseParts } from "./evaluate-case.ts";
import { newCaseRow, nextCaseNumber } from "./new-case.ts";
import {
  type ApplicationView,
  type EventView,
  type EvidenceView,
  presentApplication,
  presentEvent,
  presentEvidence,
  presentRecordEvent,
  timeline,
} from "./present.ts";
import { APPLICATION_MACHINE, EDITABLE_STATES, STATES, type State, TRANSITIONS } from "./states.ts";

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
    const number = await nextCaseNumber(trx, ctx);
    const {
      state: _state,
      version: _version,
      ...created
    } = newCaseRow(org, input, {
      id,
      number,
      state: "draft",
      createdBy: actor.userId,
      at: now,
    });
    await applyTransition(trx, ctx, actor, "application", id, "create", {
      create: created,
      scope: { organizationId: org.id, county: org.county },
      data: { number: created.number, item: created.item, subject: created.subject },
    });
    return { row: { ...created, state: "draft" as const, version: 1 }, org };
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

/**
 * The enterprise corrects a draft or a returned case, read at `version`. The write is guarded by
 * that version (and the state), so of two edits read at the same version one wins and the other
 * answers 409 stale_version with nothing written.
 */
export async function updateApplication(
  ctx: Context,
  actor: Actor,
  id: string,
  patch: ReturnType<typeof applicationPatchSchema.parse>,
  version: number,
): Promise<ApplicationView> {
  const { row } = await loadApplicationFor(ctx, actor, id);
  requireAccess(
    actor,
    "application.edit",
    { organizationId: row.organization_id },
    { type: "application", id },
  );
  requireVersion(APPLICATION_MACHINE.title, version, row.version);
  if (!EDITABLE_STATES.includes(row.state as State)) {
    throw new AppError("invalid_state", "只有草稿或退回补正的申报可以修改", "state");
  }
  const item = patch.item ?? row.item;
  const facts = patch.facts ?? (JSON.parse(row.facts) as Record<string, unknown>);
  checkItemAndFacts(ctx.registry, item, facts);
  const now = instant(ctx);
  const set: Partial<ApplicationTable> = { updated_at: now, version: version + 1 };
  if (patch.item !== undefined) set.item = patch.item;
  if (patch.subject !== undefined) set.subject = patch.subject;
  if (patch.project !== undefined) set.project = patch.project;
  if (patch.eventDate !== undefined) set.event_date = patch.eventDate;
  if (patch.facts !== undefined) set.facts = JSON.stringify(patch.facts);
  await inTransaction(ctx.database, async (trx) => {
    const moved = await updateRecordIf(
      trx,
      STORAGE.application,
      { id },
      { state: row.state, version },
      set,
    );
    if (moved !== 1) {
      // Changed since it was read: another edit or a step won the race.
      const current = await versionOf(trx, STORAGE.application, { id });
      throw staleVersion(APPLICATION_MACHINE.title, current ?? version + 1);
    }
    await appendAudit(trx, ctx.database.dialect, now, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "application.update",
      targetType: "application",
      targetId: id,
      before: {
        version,
        item: row.item,
        subject: row.subject,
        project: row.project,
        eventDate: row.event_date,
        facts: JSON.parse(row.facts),
      },
      after: {
        version: version + 1,
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
  /** An offer's evidence (免申即享): the official roster row it was made from. */
  roster: RosterEvidence | null;
}

export interface RosterEvidence {
  readonly importNumber: string;
  readonly kind: string;
  readonly kindTitle: string;
  readonly publisher: string;
  readonly filename: string;
  readonly importedAt: string;
  readonly row: number;
  /** The row as read, header by header in the file's order. */
  readonly cells: { header: string; value: string }[];
}

export async function getApplication(
  ctx: Context,
  actor: Actor,
  id: string,
): Promise<ApplicationDetail> {
  const { row, org } = await loadApplicationFor(ctx, actor, id);
  const [evidence, events, recordEvents, rosterRow] = await Promise.all([
    evidenceOf(ctx.database.db, id),
    eventsOf(ctx.database.db, id),
    recordEventsOf(ctx.database.db, id),
    rowOfApplication(ctx.database.db, id),
  ]);
  const kind = rosterRow
    ? ctx.registry.packs.flatMap((p) => p.rosters).find((k) => k.id === rosterRow.kind)
    : undefined;
  return {
    application: presentApplication(ctx.registry, row, org),
    evidence: evidence.map(presentEvidence),
    // The case's own steps with those of its publicity entry, objections, award and payments.
    events: timeline([...events.map(presentEvent), ...recordEvents.map(presentRecordEvent)]),
    roster: rosterRow
      ? {
          importNumber: rosterRow.importNumber,
          kind: rosterRow.kind,
          kindTitle: kind?.title ?? rosterRow.kind,
          publisher: kind?.publisher ?? "",
          filename: rosterRow.filename,
          importedAt: rosterRow.importedAt,
          row: rosterRow.row,
          cells: Object.entries(JSON.parse(rosterRow.cells) as Record<string, string>).map(
            ([header, value]) => ({ header, value }),
          ),
        }
      : null,
  };
}

/**
 * The engine's decision for the case now, against everything else in the system (not stored),
 * with the decisions of its county's supporting packs (四（三）) beside it.
 */
export async function previewApplication(
  ctx: Context,
  actor: Actor,
  id: string,
): Promise<Decision & { supplements: CaseSupplement[] }> {
  const { row, org } = await loadApplicationFor(ctx, actor, id);
  const { decision, supplements } = await evaluateCaseParts(
    ctx,
    ctx.database.db,
    org,
    row,
    instant(ctx),
  );
  return { ...decision, supplements };
}

export interface ApplicationListFilter {
  county?: string | undefined;
  organizationId?: string | undefined;
  item?: string | undefined;
  state?: State | undefined;
  /** Only the cases waiting for the caller's own decision (see waitingStates). */
  waiting?: boolean | undefined;
  year?: number | undefined;
  q?: string | undefined;
}

/**
 * The states in which a case waits for this official's decision: those a deciding step
 * (accept, approve, return, reject) leaves that the caller may take in their own scope. The
 * county's official acts on submitted and county_review cases, the city's on city_review ones;
 * an enterprise, finance or anyone else decides none.
 */
export function waitingStates(actor: Actor): State[] {
  const scope = { county: actor.county };
  return STATES.filter((s) =>
    TRANSITIONS.some((t) => t.from === s && t.decision && can(actor, t.permission, scope)),
  );
}

/** The filter of the list in the caller's scope, as the repository takes it. */
function scopedFilter(actor: Actor, f: ApplicationListFilter): ApplicationFilter {
  requireAccess(actor, "application.list");
  const scoped =
    actor.role === "enterprise"
      ? { organizationId: actor.organizationId ?? "-", county: f.county }
      : actor.role === "county_official" || (actor.role === "finance" && actor.county)
        ? { county: actor.county ?? "-", organizationId: f.organizationId }
        : { county: f.county, organizationId: f.organizationId };
  // Cases never submitted are listed (and counted) only for whoever may read them: their
  // enterprise. The rule is application.read's, asked of a never-submitted case in this scope.
  const submittedOnly = !can(actor, "application.read", { ...scoped, submitted: false });
  return {
    ...scoped,
    submittedOnly,
    item: f.item,
    state: f.state,
    states: f.waiting ? waitingStates(actor) : undefined,
    year: f.year,
    q: f.q,
  };
}

function presentListed(
  ctx: Context,
  rows: Awaited<ReturnType<typeof listApplicationRows>>["rows"],
) {
  return rows.map((r) =>
    presentApplication(ctx.registry, r, {
      id: r.organization_id,
      name: r.organization_name,
      uscc: r.organization_uscc,
      county: r.county,
    }),
  );
}

/** Lists cases in the caller's scope, with counts by state for the queue. */
export async function listApplications(
  ctx: Context,
  actor: Actor,
  f: ApplicationListFilter & { page: number; pageSize: number; after?: string | undefined },
) {
  const after = f.after === undefined ? undefined : decodeCursor(f.after, ["string", "string"]);
  const { rows, total, counts } = await listApplicationRows(ctx.database.db, {
    ...scopedFilter(actor, f),
    limit: f.pageSize,
    offset: (f.page - 1) * f.pageSize,
    after: after && { updatedAt: String(after[0]), id: String(after[1]) },
  });
  const last = rows.at(-1);
  return {
    total,
    page: f.page,
    pageSize: f.pageSize,
    countsByState: counts,
    items: presentListed(ctx, rows),
    waitingStates: waitingStates(actor),
    // A full page may have more after it; its last row is where the next one starts.
    nextCursor:
      last && rows.length === f.pageSize ? encodeCursor([last.updated_at, last.id]) : null,
  };
}

/** Every case of the list under the same filter (all pages), for the export. */
export async function listAllApplications(
  ctx: Context,
  actor: Actor,
  f: ApplicationListFilter,
): Promise<ApplicationView[]> {
  const { rows } = await listApplicationRows(ctx.database.db, scopedFilter(actor, f));
  return presentListed(ctx, rows);
}
