import { randomUUID } from "node:crypto";
import type { Insertable } from "kysely";
import { appendAudit } from "../audit/audit-log.ts";
import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { beijingToday, instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { nextCounter } from "../db/counters.ts";
import { inTransaction, isUniqueViolation, type Tx } from "../db/database.ts";
import type { RosterRowTable } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { keepImportFile } from "../files/file-store.ts";
import type { PolicyPack } from "../policy/pack.ts";
import type { RosterKind } from "../policy/roster-schema.ts";
import {
  type Classification,
  type ClassifiedRow,
  claimKeys,
  classifyRows,
  indexOrganizations,
  type Outcome,
  readRosterRows,
} from "./classify.ts";
import { type Decided, makeOffers } from "./make-offer.ts";
import { readRosterFile } from "./roster-file.ts";
import {
  earlierRows,
  insertRosterImport,
  insertRosterRows,
  organizationRefs,
  setImportOutcome,
} from "./rosters-repository.ts";

/** Rows decided and written together in an import. */
const IMPORT_BATCH = 5000;

export interface RosterImportInput {
  readonly kind: string;
  readonly filename: string;
  readonly data: Uint8Array;
  /** Classify only: nothing is written. */
  readonly dryRun: boolean;
}

/** The counts of a dry run or an import; a contract for outside checks (`qi roster import --json`). */
export interface RosterCounts {
  readonly rows: number;
  readonly matched: number;
  readonly needsReview: number;
  readonly unmatched: number;
  readonly invalid: number;
  readonly duplicates: number;
  /** New offers made (0 in a dry run). */
  readonly offers: number;
  /** Matched rows the engine refused (0 in a dry run). */
  readonly refused: number;
}

export interface RosterRowReport {
  readonly row: number;
  readonly outcome: Outcome;
  readonly uscc: string | null;
  readonly name: string | null;
  readonly organization: { id: string; name: string; uscc: string; county: string } | null;
  readonly county: string | null;
  readonly item: string | null;
  readonly subject: string | null;
  readonly eventDate: string | null;
  readonly column: string | null;
  readonly message: string | null;
  /** For a matched row of an import: offered or refused, with the engine's reason. */
  readonly decision: "offered" | "refused" | null;
  readonly reason: string | null;
  readonly application: { id: string; number: string } | null;
}

export interface RosterReport {
  readonly import: { id: string; number: string } | null;
  readonly kind: { id: string; title: string; policy: string };
  readonly filename: string;
  readonly sha256: string | null;
  readonly counts: RosterCounts;
  readonly rows: readonly RosterRowReport[];
}

/** The roster kinds of the packs on record, each from the newest pack that has it. */
export function listRosterKinds(ctx: Pick<Context, "registry">, actor: Actor) {
  requireAccess(actor, "roster.read");
  const seen = new Map<string, { pack: PolicyPack; kind: RosterKind }>();
  for (const pack of [...ctx.registry.packs].reverse())
    for (const kind of pack.rosters) if (!seen.has(kind.id)) seen.set(kind.id, { pack, kind });
  return {
    items: [...seen.values()].map(({ pack, kind }) => ({
      id: kind.id,
      title: kind.title,
      publisher: kind.publisher,
      ref: kind.ref,
      policy: pack.id,
      headers: kind.columns.map((c) => c.header),
    })),
  };
}

/** The roster kind of that id in the newest pack that has it. */
export function findRosterKind(
  ctx: Pick<Context, "registry">,
  id: string,
): { pack: PolicyPack; kind: RosterKind } {
  const packs = [...ctx.registry.packs].reverse();
  for (const pack of packs) {
    const kind = pack.rosters.find((r) => r.id === id);
    if (kind) return { pack, kind };
  }
  const known = [...new Set(packs.flatMap((p) => p.rosters.map((r) => r.id)))];
  throw new AppError(
    "invalid_field",
    `未知的名单类型 ${id}；可选：${known.length > 0 ? known.join("、") : "（政策中未定义名单）"}`,
    "kind",
  );
}

/**
 * 免申即享: reads a roster, classifies every row (see classify.ts) and, unless it is a dry run,
 * records the import and its rows and turns each matched row the engine grants into an offer (a
 * case 待确认, decided against the organization's history); a refused row keeps the engine's
 * reason. All of it in one transaction: a file is imported whole or not at all, and one matched
 * row per item and subject ever (a unique index) makes a second import of the same rows create
 * nothing.
 */
export async function importRoster(
  ctx: Context,
  actor: Actor,
  input: RosterImportInput,
): Promise<RosterReport> {
  requireAccess(actor, "roster.import");
  const { pack, kind } = findRosterKind(ctx, input.kind);
  const file = await readRosterFile(input.filename, input.data);
  const db = ctx.database.db;
  const orgs = indexOrganizations(await organizationRefs(db));
  // Each row is read once; its key is looked up among earlier imports before it is classified.
  const read = readRosterRows(kind, file);
  const classification = classifyRows(read, orgs, await earlierRows(db, claimKeys(read)));
  const reportKind = { id: kind.id, title: kind.title, policy: pack.id };
  if (input.dryRun) {
    return {
      import: null,
      kind: reportKind,
      filename: input.filename,
      sha256: null,
      counts: countsOf(classification, 0, 0),
      rows: classification.rows.map((r) => present(r, null)),
    };
  }

  const sha256 = keepImportFile(ctx, input.data);
  const now = instant(ctx);
  // The import is recorded first, then written a batch at a time, each batch in a transaction
  // of its own (the write lock is never held for long, and a large roster's memory stays small),
  // and completed with its counts and audit entry. Interrupted, it shows as not completed; its
  // batches are kept, and importing the file again creates nothing twice and goes on with the rest.
  const { importId, number } = await inTransaction(ctx.database, async (trx) => {
    const year = Number(beijingToday(ctx).slice(0, 4));
    const number = `MD-${year}-${String(await nextCounter(trx, `roster_import:${year}`)).padStart(4, "0")}`;
    const importId = randomUUID();
    const c = classification.counts;
    await insertRosterImport(trx, {
      id: importId,
      number,
      kind: kind.id,
      policy_id: pack.id,
      filename: input.filename,
      sha256,
      size: input.data.length,
      format: file.format,
      encoding: file.encoding,
      rows: c.rows,
      matched: c.matched,
      needs_review: c.needsReview,
      unmatched: c.unmatched,
      invalid: c.invalid,
      duplicates: c.duplicate,
      offers: 0,
      refused: 0,
      imported_by: actor.userId,
      created_at: now,
      completed_at: null,
    });
    return { importId, number };
  });

  const decisions = new Map<number, Decided>();
  let offers = 0;
  let refused = 0;
  for (let i = 0; i < classification.rows.length; i += IMPORT_BATCH) {
    const batch = classification.rows.slice(i, i + IMPORT_BATCH);
    const matched = batch.filter((r) => r.outcome === "matched" && r.claim && r.organization);
    // The engine decides the batch's matched rows (the offers made in bulk through the one
    // writer); then the batch's rows are written with what became of each.
    const decided = await inTransaction(ctx.database, async (trx) => {
      const out = await makeOffers(
        ctx,
        trx,
        actor,
        matched.map((r) => ({
          organizationId: (r.organization as { id: string }).id,
          claim: r.claim as NonNullable<ClassifiedRow["claim"]>,
        })),
        now,
        number,
      );
      const byRow = new Map(matched.map((r, j) => [r.row, out[j] as Decided]));
      try {
        await insertRosterRows(
          trx,
          ctx.database,
          batch.map((r) => rowRecord(importId, r, now, byRow.get(r.row) ?? null)),
        );
      } catch (e) {
        if (isUniqueViolation(e)) {
          throw new AppError(
            "conflict",
            `名单 ${number} 第 ${batch[0]?.row ?? ""} 行起有记录正被另一次导入同时导入（同一奖励项目与对象）；此前的部分已导入，重新预览并导入将跳过已导入的记录`,
            "file",
          );
        }
        throw e;
      }
      return out;
    });
    matched.forEach((r, j) => {
      const d = decided[j] as Decided;
      decisions.set(r.row, d);
      if (d.decision === "offered") offers++;
      else refused++;
    });
  }

  await inTransaction(ctx.database, async (trx) => {
    await setImportOutcome(trx, importId, offers, refused, instant(ctx));
    await applyAudit(trx, ctx, actor, importId, {
      number,
      kind: kind.id,
      filename: input.filename,
      sha256,
      ...countsOf(classification, offers, refused),
    });
  });
  return {
    import: { id: importId, number },
    kind: reportKind,
    filename: input.filename,
    sha256,
    counts: countsOf(classification, offers, refused),
    rows: classification.rows.map((r) => present(r, decisions.get(r.row) ?? null)),
  };
}

async function applyAudit(
  trx: Tx,
  ctx: Context,
  actor: Actor,
  importId: string,
  after: Record<string, unknown>,
) {
  await appendAudit(trx, ctx.database.dialect, instant(ctx), {
    actorId: actor.userId,
    actorRole: actor.role,
    action: "roster.import",
    targetType: "roster_import",
    targetId: importId,
    before: null,
    after,
    ip: actor.ip,
    outcome: "success",
  });
}

function countsOf(c: Classification, offers: number, refused: number): RosterCounts {
  return {
    rows: c.counts.rows,
    matched: c.counts.matched,
    needsReview: c.counts.needsReview,
    unmatched: c.counts.unmatched,
    invalid: c.counts.invalid,
    duplicates: c.counts.duplicate,
    offers,
    refused,
  };
}

const OUTCOME_COLUMN: Record<Outcome, string> = {
  matched: "matched",
  needsReview: "needs_review",
  unmatched: "unmatched",
  invalid: "invalid",
  duplicate: "duplicate",
};

function rowRecord(
  importId: string,
  r: ClassifiedRow,
  now: string,
  decided: Decided | null,
): Insertable<RosterRowTable> & { id: string } {
  return {
    id: randomUUID(),
    import_id: importId,
    row: r.row,
    outcome: OUTCOME_COLUMN[r.outcome],
    organization_id: r.organization?.id ?? null,
    uscc: r.claim?.uscc ?? null,
    name: r.name,
    county: r.county,
    item: r.claim?.item ?? null,
    subject: r.claim?.subject ?? null,
    event_date: r.claim?.eventDate ?? null,
    facts: r.claim ? JSON.stringify(r.claim.facts) : null,
    // Only a matched row holds its key against a second import (a unique index).
    key: r.claim && (r.outcome === "matched" || r.outcome === "needsReview") ? r.claim.key : null,
    cells: JSON.stringify(r.cells),
    column_name: r.column,
    message: r.message,
    decision: decided?.decision ?? null,
    reason: decided?.reason ?? null,
    reason_code: decided?.reasonCode ?? null,
    application_id: decided?.application?.id ?? null,
    created_at: now,
    reviewed_by: null,
    reviewed_at: null,
    review_comment: null,
  };
}

function present(r: ClassifiedRow, decided: Decided | null): RosterRowReport {
  return {
    row: r.row,
    outcome: r.outcome,
    uscc: r.claim?.uscc ?? null,
    name: r.name,
    organization: r.organization
      ? {
          id: r.organization.id,
          name: r.organization.name,
          uscc: r.organization.uscc,
          county: r.organization.county,
        }
      : null,
    county: r.county,
    item: r.claim?.item ?? null,
    subject: r.claim?.subject ?? null,
    eventDate: r.claim?.eventDate ?? null,
    column: r.column,
    message: r.message,
    decision: decided?.decision ?? null,
    reason: decided?.reason ?? null,
    application: decided?.application ?? null,
  };
}
