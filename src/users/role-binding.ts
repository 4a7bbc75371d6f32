import { z } from "zod";
import { ROLES, type Role } from "../auth/roles.ts";
import { countySchema } from "../calculate/request.ts";
import type { Context } from "../context.ts";
import { AppError } from "../errors.ts";
import { findOrganizationRow } from "../organizations/organizations-repository.ts";

export const roleBindingSchema = z.object({
  role: z.enum(ROLES),
  organizationId: z.string().uuid().nullish(),
  county: countySchema.nullish(),
});

/** A role's binding: enterprise users to one organization, county officials to one county. */
export async function checkBinding(
  ctx: Context,
  role: Role,
  organizationId: string | null | undefined,
  county: string | null | undefined,
): Promise<{ organizationId: string | null; county: string | null }> {
  if (role === "enterprise") {
    if (!organizationId)
      throw new AppError("missing_field", "企业用户须绑定一个组织", "organizationId");
    const org = await findOrganizationRow(ctx.database.db, organizationId);
    if (!org) throw new AppError("invalid_field", "绑定的组织不存在", "organizationId");
    if (county) throw new AppError("invalid_field", "企业用户不绑定县（市、区）", "county");
    return { organizationId, county: null };
  }
  if (role === "expert") {
    // An expert may name the organization they work for, so that they step aside from its
    // proposals (三（三）4's fair competition); it gives no access to the organization.
    if (county) throw new AppError("invalid_field", "该角色不绑定县（市、区）", "county");
    if (!organizationId) return { organizationId: null, county: null };
    const org = await findOrganizationRow(ctx.database.db, organizationId);
    if (!org) throw new AppError("invalid_field", "绑定的组织不存在", "organizationId");
    return { organizationId, county: null };
  }
  if (organizationId)
    throw new AppError("invalid_field", "只有企业用户和评审专家绑定组织", "organizationId");
  if (role === "county_official") {
    if (!county)
      throw new AppError("missing_field", "县级审核人员须绑定一个县（市、区）", "county");
    return { organizationId: null, county };
  }
  if (role === "finance") return { organizationId: null, county: county ?? null };
  if (county) throw new AppError("invalid_field", "该角色不绑定县（市、区）", "county");
  return { organizationId: null, county: null };
}
