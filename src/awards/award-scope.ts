import type { Scope } from "../auth/access.ts";

/**
 * The scope finance acts in on an award or a payment: the county whose budget pays it, or none
 * for the city fund, which only city finance keeps (四（二）).
 */
export function budgetScope(source: string, organizationId: string | null = null): Scope {
  return { organizationId, county: source === "city" ? null : source };
}
