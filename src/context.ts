import type { DatabaseHandle } from "./db/database.ts";
import type { PolicyRegistry } from "./policy/registry.ts";

/** What every use case needs: the database, the policy registry, the data folder and a clock. */
export interface Context {
  readonly database: DatabaseHandle;
  readonly registry: PolicyRegistry;
  readonly dataDir: string;
  readonly now: () => Date;
}

/** An instant as stored: ISO-8601 in UTC. */
export function instant(ctx: Pick<Context, "now">): string {
  return ctx.now().toISOString();
}

/** Today's civil date in Beijing time (Asia/Shanghai, UTC+8 without daylight saving). */
export function beijingToday(ctx: Pick<Context, "now">): string {
  return new Date(ctx.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
