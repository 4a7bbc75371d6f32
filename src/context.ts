import type { DatabaseHandle } from "./db/database.ts";
import type { PolicyRegistry } from "./policy/registry.ts";

/** What every use case needs: the database, the policy registry, the data folder and a clock. */
export interface Context {
  readonly database: DatabaseHandle;
  readonly registry: PolicyRegistry;
  readonly dataDir: string;
  readonly now: () => Date;
}
