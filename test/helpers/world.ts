import type { Actor, Role } from "../../src/auth/roles.ts";
import type { Context } from "../../src/context.ts";
import { DEMO_PNG, demoPdf } from "../../src/demo/demo-files.ts";
import type { County } from "../../src/organizations/counties.ts";
import { createOrganization } from "../../src/organizations/organizations.ts";
import { usccCheckCharacter } from "../../src/organizations/uscc.ts";
import { createUser } from "../../src/users/create-user.ts";

export const PASSWORD = "Test-Password-2025";
export { DEMO_PNG, demoPdf };

export function uscc(n: number): string {
  const body = `91331000MA2${String(n).padStart(6, "0")}`;
  return body + usccCheckCharacter(body);
}

export interface WorldUser {
  readonly username: string;
  readonly actor: Actor;
}

/**
 * Two counties (临海市 X, 椒江区 Y), one enterprise in each (A in X, B in Y), and a user of every
 * role: enterprise A and B, county officials of X and Y, a city official, city finance, county
 * finance of X, and the three administrators.
 */
export interface World {
  readonly orgA: { id: string; county: County };
  readonly orgB: { id: string; county: County };
  readonly users: Record<
    | "entA"
    | "entB"
    | "countyX"
    | "countyY"
    | "city"
    | "financeCity"
    | "financeX"
    | "sysadmin"
    | "secadmin"
    | "auditor",
    WorldUser
  >;
}

export async function buildWorld(ctx: Context): Promise<World> {
  const a = await createOrganization(ctx, null, {
    uscc: uscc(1),
    name: "甲企业（临海）",
    county: "临海市",
    kind: "enterprise",
    contactName: "张三",
    contactPhone: "0576-85550001",
    bankName: "台州银行",
    bankAccount: "6230000000000001",
  });
  const b = await createOrganization(ctx, null, {
    uscc: uscc(2),
    name: "乙企业（椒江）",
    county: "椒江区",
    kind: "enterprise",
    contactName: "李四",
    contactPhone: "0576-85550002",
    bankName: "台州银行",
    bankAccount: "6230000000000002",
  });
  const make = async (
    username: string,
    role: Role,
    binding: { organizationId?: string; county?: County } = {},
  ) => {
    const u = await createUser(ctx, null, {
      username,
      displayName: username,
      role,
      password: PASSWORD,
      organizationId: binding.organizationId,
      county: binding.county,
    });
    const actor: Actor = {
      userId: u.id,
      username,
      role,
      organizationId: u.organizationId,
      county: u.county,
      ip: null,
    };
    return { username, actor };
  };
  return {
    orgA: { id: a.id, county: "临海市" },
    orgB: { id: b.id, county: "椒江区" },
    users: {
      entA: await make("ent-a", "enterprise", { organizationId: a.id }),
      entB: await make("ent-b", "enterprise", { organizationId: b.id }),
      countyX: await make("county-x", "county_official", { county: "临海市" }),
      countyY: await make("county-y", "county_official", { county: "椒江区" }),
      city: await make("city", "city_official"),
      financeCity: await make("finance-city", "finance"),
      financeX: await make("finance-x", "finance", { county: "临海市" }),
      sysadmin: await make("sysadmin", "system_admin"),
      secadmin: await make("secadmin", "security_admin"),
      auditor: await make("auditor", "auditor"),
    },
  };
}
