import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import type { PolicyPackTable } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import type { PolicyRegistry } from "../policy/registry.ts";
import { findPackRow, governingPackRows, packRows } from "./policies-repository.ts";
import { POLICY_PACK_MACHINE } from "./states.ts";

/**
 * A pack on record as officials read it: its state, its validity and, for a revision that
 * governs, the days it governs in the registry in use (a successor cuts its predecessor's; a
 * county's supporting pack governs its county's days beside the city's).
 */
function presentPack(
  row: PolicyPackTable,
  governing: ReadonlySet<string>,
  registry: PolicyRegistry,
) {
  const periods = (registry.supplementsFor(row.jurisdiction) ?? registry).periods;
  const period = governing.has(row.id) ? periods.find((p) => p.pack.id === row.pack_id) : undefined;
  return {
    id: row.id,
    packId: row.pack_id,
    revision: row.revision,
    title: row.title,
    shortTitle: row.short_title,
    jurisdiction: row.jurisdiction,
    effective: row.effective,
    expires: row.expires,
    state: row.state,
    stateName: POLICY_PACK_MACHINE.stateNames[row.state],
    version: row.version,
    governs: period ? { start: period.start, end: period.end } : null,
    createdBy: row.created_by,
    createdAt: row.created_at,
    publishedAt: row.published_at,
    sha256: row.sha256,
  };
}

async function governingIds(ctx: Context): Promise<Set<string>> {
  return new Set((await governingPackRows(ctx.database.db)).map((r) => r.id));
}

/** The packs on record, oldest first. */
export async function listPacks(ctx: Context, actor: Actor) {
  requireAccess(actor, "policy.read");
  const [rows, governing] = await Promise.all([packRows(ctx.database.db), governingIds(ctx)]);
  return rows.map((r) => presentPack(r, governing, ctx.registry));
}

/** One pack on record, with its source file. */
export async function getPack(ctx: Context, actor: Actor, ref: string) {
  requireAccess(actor, "policy.read");
  const row = await findPackRow(ctx.database.db, ref);
  if (!row) throw new AppError("not_found", `政策 ${ref} 不存在`, "id");
  return { ...presentPack(row, await governingIds(ctx), ctx.registry), source: row.source };
}
