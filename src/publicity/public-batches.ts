import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import { AppError } from "../errors.ts";
import {
  caseObjections,
  findBatch,
  listBatches,
  projectObjections,
} from "./publicity-repository.ts";
import type { PublicitySubject, SubjectKind } from "./subject.ts";

/** The public list of batches, every kind. */
export async function publicBatches(ctx: Context) {
  const batches = await listBatches(ctx.database.db);
  return batches.map((b) => ({
    id: b.id,
    number: b.number,
    title: b.title,
    startDate: b.start_date,
    endDate: b.end_date,
    workingDays: b.working_days,
    state: b.state,
    kind: b.kind,
  }));
}

/** One batch as the public reads it: the subject lists its entries (no personal data). */
export async function publicBatch<A extends object, P extends object>(
  ctx: Context,
  subjects: Readonly<{ awards: PublicitySubject<A>; projects: PublicitySubject<P> }>,
  id: string,
) {
  const batch = await findBatch(ctx.database.db, id);
  if (!batch) throw new AppError("not_found", "公示不存在", "id");
  const kind = batch.kind as SubjectKind;
  return {
    id: batch.id,
    number: batch.number,
    title: batch.title,
    startDate: batch.start_date,
    endDate: batch.end_date,
    state: batch.state,
    kind,
    entries: kind === "awards" ? await subjects.awards.listPublic(ctx, batch.id) : [],
    projects: kind === "projects" ? await subjects.projects.listPublic(ctx, batch.id) : [],
  };
}

/** The objections of a batch with the objectors' contacts: for whoever manages that publicity. */
export function listObjections(
  ctx: Context,
  actor: Actor,
  kind: "awards",
  batchId: string,
): ReturnType<typeof caseObjections>;
export function listObjections(
  ctx: Context,
  actor: Actor,
  kind: "projects",
  batchId: string,
): ReturnType<typeof projectObjections>;
export async function listObjections(
  ctx: Context,
  actor: Actor,
  kind: SubjectKind,
  batchId: string,
) {
  if (kind === "awards") {
    requireAccess(actor, "publicity.manage");
    return caseObjections(ctx.database.db, batchId);
  }
  requireAccess(actor, "project.manage");
  return projectObjections(ctx.database.db, batchId);
}
