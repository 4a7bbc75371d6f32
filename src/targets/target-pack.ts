import type { Context } from "../context.ts";
import { AppError } from "../errors.ts";
import type { PolicyPack, Target } from "../policy/pack.ts";
import { SCALE } from "./decimal.ts";

/** Which target is meant, and what values it accepts: the pack defines both. */

/** The pack whose targets are meant: the given one, or the newest pack that sets targets. */
export function targetPack(ctx: Context, policyId?: string): PolicyPack {
  if (policyId) {
    const pack = ctx.registry.pack(policyId);
    if (!pack) throw new AppError("not_found", `政策 ${policyId} 不存在`, "policy");
    return pack;
  }
  const packs = ctx.registry.packs.filter((p) => p.targets.length > 0);
  const pack = packs[packs.length - 1];
  if (!pack) throw new AppError("not_found", "没有设定目标的政策", "policy");
  return pack;
}

export function findTarget(ctx: Context, id: string): { pack: PolicyPack; target: Target } {
  for (const pack of ctx.registry.packs) {
    const target = pack.targets.find((t) => t.id === id);
    if (target) return { pack, target };
  }
  throw new AppError("not_found", `目标 ${id} 不存在`, "targetId");
}

/** A target measured as a count takes whole numbers; a rate at most 100. */
export function checkValue(target: Target, scaled: number, field: string) {
  if (target.counting.kind === "distinct" && scaled % SCALE !== 0)
    throw new AppError("invalid_field", `${target.indicator} 是计数，应为整数`, field);
  if (target.unit === "%" && scaled > 100 * SCALE)
    throw new AppError("invalid_field", "百分比不能超过 100", field);
}
