import { randomUUID } from "node:crypto";
import { appendAudit } from "../audit/audit-log.ts";
import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction, isUniqueViolation } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { findOrganizationRow } from "../organizations/organizations-repository.ts";
import { insertRelation } from "./relations-repository.ts";
import { findUserRow } from "./users-repository.ts";

/**
 * Records that an official is related to an organization (own former employer, a relative...).
 * The official may not decide that organization's cases. Officials declare their own relations;
 * the security admin records anyone's.
 */
export async function recordRelation(
  ctx: Context,
  actor: Actor,
  input: { userId: string; organizationId: string; note: string },
): Promise<{ id: string }> {
  requireAccess(actor, "relation.record", { userId: input.userId });
  const user = await findUserRow(ctx.database.db, input.userId);
  // Officials step aside from related cases; experts from related proposals (三（三）4).
  if (!user || !["county_official", "city_official", "expert"].includes(user.role)) {
    throw new AppError("invalid_field", "只能为审核人员或评审专家登记关联关系", "userId");
  }
  const org = await findOrganizationRow(ctx.database.db, input.organizationId);
  if (!org) throw new AppError("invalid_field", "组织不存在", "organizationId");
  const id = randomUUID();
  const now = instant(ctx);
  try {
    await inTransaction(ctx.database, async (trx) => {
      await insertRelation(trx, {
        id,
        user_id: input.userId,
        organization_id: input.organizationId,
        note: input.note,
        recorded_by: actor.userId,
        created_at: now,
      });
      await appendAudit(trx, ctx.database.dialect, now, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: "relation.record",
        targetType: "user",
        targetId: input.userId,
        after: { organizationId: input.organizationId, note: input.note },
        ip: actor.ip,
        outcome: "success",
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("conflict", "该关联关系已登记", "organizationId");
    throw e;
  }
  return { id };
}
