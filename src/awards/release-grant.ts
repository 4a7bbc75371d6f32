import type { Context } from "../context.ts";
import type { Tx } from "../db/database.ts";
import {
  deleteGrant,
  deleteSupplementGrants,
  findGrant,
  returnCapUsage,
} from "./awards-repository.ts";

/**
 * Frees a case's grant (pay once, project, cap) and what its county's supporting packs granted
 * (with their caps) when the case is rejected after approval.
 */
export async function releaseGrant(ctx: Context, trx: Tx, applicationId: string): Promise<void> {
  for (const g of await deleteSupplementGrants(trx, applicationId)) {
    const cap = ctx.registry.supportingPack(g.policy_id)?.items.get(g.item)?.cap;
    if (cap)
      await returnCapUsage(trx, {
        organizationId: g.organization_id,
        policyId: g.policy_id,
        capId: cap.id,
        amount: g.amount,
      });
  }
  const grant = await findGrant(trx, applicationId);
  if (!grant) return;
  await deleteGrant(trx, applicationId);
  const cap = ctx.registry.pack(grant.policy_id)?.items.get(grant.item)?.cap;
  if (!cap) return;
  await returnCapUsage(trx, {
    organizationId: grant.organization_id,
    policyId: grant.policy_id,
    capId: cap.id,
    amount: grant.amount,
  });
}
