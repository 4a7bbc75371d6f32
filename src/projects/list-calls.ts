import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import { presentCall } from "./present-project.ts";
import { callRows } from "./projects-repository.ts";

/** The calls, for everyone signed in who deals with projects (and, without actor, the public). */
export async function listCalls(ctx: Context, actor: Actor | null, year?: number) {
  if (actor) requireAccess(actor, "project.read", { organizationId: actor.organizationId });
  const rows = await callRows(ctx.database.db, year);
  return rows.map(presentCall);
}
