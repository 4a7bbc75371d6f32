import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import { presentExpert } from "./present-project.ts";
import { activeExperts } from "./projects-repository.ts";

/** The expert accounts the city may put on a panel (with the organization they work for). */
export async function listExperts(ctx: Context, actor: Actor) {
  requireAccess(actor, "project.manage");
  const rows = await activeExperts(ctx.database.db);
  return rows.map(presentExpert);
}
