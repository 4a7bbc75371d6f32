import type { Actor } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import type { County } from "../organizations/counties.ts";
import { findUserRowByUsername, toUser, type User } from "../users/users-repository.ts";

/** The password of every demo account (long enough for the default policy, not a common one). */
export const DEMO_PASSWORD = "Taizhou-Demo-2025";

/** The demo's county accounts are named by the county's pinyin (county-huangyan). */
export const PINYIN: Record<County, string> = {
  椒江区: "jiaojiang",
  黄岩区: "huangyan",
  路桥区: "luqiao",
  临海市: "linhai",
  温岭市: "wenling",
  玉环市: "yuhuan",
  天台县: "tiantai",
  仙居县: "xianju",
  三门县: "sanmen",
  台州湾新区: "taizhouwan",
};

/** A user as the actor of the use cases it runs. */
export function actorOf(u: User): Actor {
  return {
    userId: u.id,
    username: u.username,
    role: u.role,
    organizationId: u.organizationId,
    county: u.county,
    ip: null,
  };
}

/** A demo account, by its username, as an actor. */
export async function actorNamed(ctx: Context, username: string): Promise<Actor> {
  const row = await findUserRowByUsername(ctx.database.db, username);
  if (!row) throw new Error(`演示账号 ${username} 不存在：先填充演示数据`);
  return actorOf(toUser(row));
}
