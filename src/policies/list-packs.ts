import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import { AppError } from "../errors.ts";
import { findPackRow, packRows } from "./policies-repository.ts";
import { POLICY_PACK_MACHINE } from "./states.ts";

/**
 * The packs on record, oldest first: each revision with its state, its validity and, for those
 * that govern, the days they govern in the registry in use (a successor cuts its predecessor's).
 */
export async function listPacks(ctx: Context, actor: Actor) {
  requireAccess(actor, "policy.read");
  const rows = await packRows(ctx.database.db);
  const governed = new Map(ctx.registry.periods.map((p) => [p.pack.id, p]));
  return rows.map((r) => {
    const period = r.state === "draft" ? undefined : governed.get(r.pack_id);
    const governs = period !== undefined && newestPublished(rows, r.pack_id) === r.revision;
    return {
      id: r.id,
      packId: r.pack_id,
      revision: r.revision,
      title: r.title,
      shortTitle: r.short_title,
      jurisdiction: r.jurisdiction,
      effective: r.effective,
      expires: r.expires,
      state: r.state,
      stateName: POLICY_PACK_MACHINE.stateNames[r.state],
      version: r.version,
      governs: governs ? { start: period.start, end: period.end } : null,
      createdBy: r.created_by,
      createdAt: r.created_at,
      publishedAt: r.published_at,
      sha256: r.sha256,
    };
  });
}

function newestPublished(
  rows: readonly { pack_id: string; revision: number; state: string }[],
  packId: string,
) {
  let best = 0;
  for (const r of rows)
    if (r.pack_id === packId && r.state !== "draft" && r.revision > best) best = r.revision;
  return best;
}

/** One pack on record with its source file. */
export async function getPack(ctx: Context, actor: Actor, ref: string) {
  requireAccess(actor, "policy.read");
  const row = await findPackRow(ctx.database.db, ref);
  if (!row) throw new AppError("not_found", `政策 ${ref} 不存在`, "id");
  return row;
}
