import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/database.ts";
import { recordDocument } from "../documents/documents.ts";
import { AppError } from "../errors.ts";
import { storeFile, type UploadedFile } from "../files/file-store.ts";
import { auditTargets } from "./targets-audit.ts";
import { findValueId } from "./targets-repository.ts";

/** Attaches an evidence file to an entered value (the value itself never changes). */
export async function addValueEvidence(
  ctx: Context,
  actor: Actor,
  valueId: string,
  file: UploadedFile,
) {
  requireAccess(actor, "target.manage", {}, { type: "target_value", id: valueId }, "target.read");
  if (!(await findValueId(ctx.database.db, valueId)))
    throw new AppError("not_found", "数值记录不存在", "id");
  const stored = storeFile(ctx, file);
  return inTransaction(ctx.database, async (trx) => {
    const at = instant(ctx);
    const document = await recordDocument(
      trx,
      actor,
      { type: "target_value", id: valueId },
      stored,
      at,
    );
    await auditTargets(ctx, trx, actor, "target.valueEvidence", "target_value", valueId, {
      document: document.id,
      sha256: document.sha256,
    });
    return document;
  });
}
