import { randomUUID } from "node:crypto";
import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import { inTransaction, type Tx } from "../db/database.ts";
import { applyTransition } from "../lifecycle/apply-transition.ts";
import { isCounty } from "../organizations/counties.ts";
import { checkPackSource, packRefused } from "./pack-source.ts";
import { nextRevision } from "./policies-repository.ts";

/** Who may manage a pack of this jurisdiction: the city's (no county), or one county's. */
export function jurisdictionScope(jurisdiction: string): { county: string | null } {
  return { county: isCounty(jurisdiction) ? jurisdiction : null };
}

/**
 * Stores a pack file as a draft: a new revision of its pack id. A file with any problem is refused
 * whole (every problem in the message) and nothing is written.
 */
export function uploadPack(ctx: Context, actor: Actor, source: string) {
  return inTransaction(ctx.database, (trx) => storeDraft(trx, ctx, actor, source));
}

/** uploadPack inside the caller's transaction. */
export async function storeDraft(trx: Tx, ctx: Context, actor: Actor, source: string) {
  // Who may manage no pack at all is told so before the file is read; the pack's own
  // jurisdiction is checked by the writer below.
  requireAccess(actor, "policy.manage", { county: actor.county });
  const check = await checkPackSource(trx, source);
  if (!check.ok || !check.pack) throw packRefused(check.problems);
  const pack = check.pack;
  const id = randomUUID();
  const revision = await nextRevision(trx, pack.id);
  const at = ctx.now().toISOString();
  await applyTransition(trx, ctx, actor, "policy_pack", id, "upload", {
    scope: jurisdictionScope(pack.jurisdiction),
    create: {
      id,
      pack_id: pack.id,
      revision,
      title: pack.title,
      short_title: pack.shortTitle,
      jurisdiction: pack.jurisdiction,
      effective: pack.effective,
      expires: pack.expires,
      source,
      content: JSON.stringify(check.data),
      sha256: check.sha256,
      created_by: actor.userId,
      created_at: at,
      published_by: null,
      published_at: null,
    },
    data: { packId: pack.id, revision, sha256: check.sha256 },
  });
  return { id, packId: pack.id, revision, state: "draft" as const, version: 1 };
}
