import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { beijingToday } from "../clock.ts";
import type { Context } from "../context.ts";
import { AppError } from "../errors.ts";
import { diffPacks, type PackDiff } from "../policy/diff-pack.ts";
import type { PolicyPack } from "../policy/pack.ts";
import { checkPackSource, packRefused } from "./pack-source.ts";
import { findPackRow } from "./policies-repository.ts";
import { compileStored } from "./policy-store.ts";

/**
 * The differences of a pack file from a pack on record: by default the one in force today, or,
 * when none is (between policies), the newest published one.
 */
export async function comparePack(
  ctx: Context,
  actor: Actor,
  source: string,
  against?: string,
): Promise<PackDiff> {
  requireAccess(actor, "policy.read");
  const check = await checkPackSource(ctx.database.db, source, { alone: true });
  if (!check.pack) throw packRefused(check.problems);
  return diffPacks(await baseOf(ctx, against), check.pack);
}

async function baseOf(ctx: Context, against: string | undefined): Promise<PolicyPack> {
  if (against) {
    const row = await findPackRow(ctx.database.db, against);
    if (!row) throw new AppError("not_found", `政策 ${against} 不存在`, "against");
    return compileStored(row);
  }
  return ctx.registry.governing(beijingToday(ctx))?.pack ?? ctx.registry.current;
}
