import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import { openDocument } from "../documents/documents.ts";

/** Opens an evidence file of an entered value. */
export async function openValueEvidence(
  ctx: Context,
  actor: Actor,
  valueId: string,
  documentId: string,
) {
  requireAccess(actor, "target.read", {}, { type: "target_value", id: valueId });
  return openDocument(ctx.database.db, ctx, "target_value", valueId, documentId);
}
