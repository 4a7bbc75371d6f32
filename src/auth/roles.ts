import type { County } from "../organizations/counties.ts";

/**
 * The roles. Administration is split three ways as 等保 level 3 asks: the system admin keeps
 * accounts and settings, the security admin roles and security settings, the auditor reads the
 * audit log; none of them reviews or pays.
 */
export const ROLES = [
  "enterprise",
  "county_official",
  "city_official",
  "finance",
  "system_admin",
  "security_admin",
  "auditor",
  "expert",
  "leader",
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  enterprise: "企业用户",
  county_official: "县级审核人员",
  city_official: "市级审核人员",
  finance: "财政人员",
  system_admin: "系统管理员",
  security_admin: "安全管理员",
  auditor: "审计管理员",
  expert: "评审专家",
  leader: "领导",
};

/** Roles only the security admin may grant. */
export const ADMIN_ROLES: readonly Role[] = ["system_admin", "security_admin", "auditor"];

/** Who is acting. `county` scopes county officials and county finance; null finance is the city's. */
export interface Actor {
  readonly userId: string;
  readonly username: string;
  readonly role: Role;
  readonly organizationId: string | null;
  readonly county: County | null;
  readonly ip: string | null;
  /** Set for the system itself (scheduled jobs) and for the public (an objection to 公示). */
  readonly as?: "system" | "public";
}

/** The system itself (scheduled jobs, CLI commands run by an operator on the server). */
export function systemActor(name = "system"): Actor {
  return {
    userId: name,
    username: name,
    role: "system_admin",
    organizationId: null,
    county: null,
    ip: null,
    as: "system",
  };
}

/** Anyone, unsigned: may take only the transitions open to the public (an objection). */
export function publicActor(ip: string | null): Actor {
  return {
    userId: "public",
    username: "public",
    role: "enterprise",
    organizationId: null,
    county: null,
    ip,
    as: "public",
  };
}

/** The role an audit entry or an event names: the system, the public, or the person's role. */
export const actingRole = (actor: Actor): string => actor.as ?? actor.role;
