import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { beijingToday, instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/database.ts";
import { recordDocument } from "../documents/documents.ts";
import { AppError } from "../errors.ts";
import { storeFile, type UploadedFile } from "../files/file-store.ts";
import { projectAudit } from "./project-audit.ts";
import { loadCall, loadProposal } from "./projects-repository.ts";
import { readableProposal } from "./proposal-access.ts";

/** The proposer adds a document to its proposal until the call closes. */
export async function addProposalDocument(
  ctx: Context,
  actor: Actor,
  id: string,
  file: UploadedFile,
) {
  const p = await loadProposal(ctx.database.db, id);
  await readableProposal(ctx.database.db, actor, p);
  requireAccess(
    actor,
    "project.propose",
    { organizationId: p.organization_id },
    { type: "project_proposal", id },
  );
  const call = await loadCall(ctx.database.db, p.call_id);
  if (p.state !== "submitted" || beijingToday(ctx) > call.closes_on)
    throw new AppError("invalid_state", "征集截止后不能补充材料", "id");
  const stored = storeFile(ctx, file);
  return inTransaction(ctx.database, async (trx) => {
    const at = instant(ctx);
    const doc = await recordDocument(trx, actor, { type: "project_proposal", id }, stored, at);
    await projectAudit(ctx, trx, actor, "project.addDocument", "project_proposal", id, {
      document: doc.id,
      sha256: doc.sha256,
    });
    return doc;
  });
}
