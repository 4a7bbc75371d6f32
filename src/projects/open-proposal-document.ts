import { deny } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import { openDocument } from "../documents/documents.ts";
import { loadProposal } from "./projects-repository.ts";
import { readableProposal } from "./proposal-access.ts";

/** A proposal's document, for those who read the proposal; never for a panel member in conflict. */
export async function openProposalDocument(
  ctx: Context,
  actor: Actor,
  id: string,
  documentId: string,
) {
  const p = await loadProposal(ctx.database.db, id);
  const view = await readableProposal(ctx.database.db, actor, p);
  if (view === "conflicted")
    throw deny("存在利益冲突的专家不能查看该项目材料", "id", "project.readProposal", {
      type: "project_proposal",
      id,
    });
  return openDocument(ctx.database.db, ctx, "project_proposal", id, documentId);
}
