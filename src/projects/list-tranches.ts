import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import { listTrancheRows } from "./project-funding-repository.ts";

/** The tranches finance works on: all, or of one year or state. */
export async function listTranches(
  ctx: Context,
  actor: Actor,
  filter: { year?: number | undefined; state?: string | undefined },
) {
  requireAccess(actor, "project.pay", { county: null });
  const rows = await listTrancheRows(ctx.database.db, filter);
  return rows.map((r) => ({ ...r, amount: Number(r.amount) }));
}
