import type { Context } from "../context.ts";
import type { Tx } from "../db/database.ts";
import { deleteGrant, findGrant, returnCapUsage } from "./awards-repository.ts";

/** Frees a case's grant (pay once, project, cap) when the case is rejected after approval. */
export async function releaseGrant(ctx: Context, trx: Tx, applicationId: string): Promise<void> {
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
