import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import { importHistory } from "./rosters-repository.ts";

export interface RosterImportView {
  readonly id: string;
  readonly number: string;
  readonly kind: string;
  readonly kindTitle: string;
  readonly policy: string;
  readonly filename: string;
  readonly sha256: string;
  readonly size: number;
  readonly importedBy: string | null;
  readonly importedAt: string;
  /** When every batch was written; null while importing, or when it was interrupted. */
  readonly completedAt: string | null;
  readonly counts: {
    rows: number;
    matched: number;
    needsReview: number;
    unmatched: number;
    invalid: number;
    duplicates: number;
    offers: number;
    refused: number;
  };
  /** Name matches of the import still waiting for an official. */
  readonly pendingReview: number;
}

/** The import history (导入记录), newest first: each file, its hash, who imported it and its counts. */
export async function listRosterImports(
  ctx: Context,
  actor: Actor,
): Promise<{ items: RosterImportView[] }> {
  requireAccess(actor, "roster.read");
  const titles = new Map<string, string>();
  for (const pack of ctx.registry.packs) for (const k of pack.rosters) titles.set(k.id, k.title);
  const rows = await importHistory(ctx.database.db);
  return {
    items: rows.map((r) => ({
      id: r.id,
      number: r.number,
      kind: r.kind,
      kindTitle: titles.get(r.kind) ?? r.kind,
      policy: r.policy_id,
      filename: r.filename,
      sha256: r.sha256,
      size: Number(r.size),
      importedBy: r.importedBy,
      importedAt: r.created_at,
      completedAt: r.completed_at,
      counts: {
        rows: Number(r.rows),
        matched: Number(r.matched),
        needsReview: Number(r.needs_review),
        unmatched: Number(r.unmatched),
        invalid: Number(r.invalid),
        duplicates: Number(r.duplicates),
        offers: Number(r.offers),
        refused: Number(r.refused),
      },
      pendingReview: Number(r.pendingReview ?? 0),
    })),
  };
}
