import type { Actor } from "../../src/auth/roles.ts";
import type { Context } from "../../src/context.ts";
import { PolicyStore } from "../../src/policies/policy-store.ts";
import type { TestDatabase } from "../helpers/db.ts";

/** A market-supervision official: the city's (no county) or a county's. */
export function official(county: string | null = null): Actor {
  return {
    userId: county ? `county-${county}` : "city-official",
    username: county ? `county-${county}` : "city",
    role: county ? "county_official" : "city_official",
    organizationId: null,
    county: county as Actor["county"],
    ip: null,
  };
}

/**
 * A context over `db` whose registry is the packs on record, as `qi serve` keeps it: the store is
 * returned so that a test refreshes it where a request would.
 */
export async function storeContext(
  db: TestDatabase,
  now: () => Date = () => new Date(),
): Promise<{ ctx: Context; store: PolicyStore }> {
  const store = await PolicyStore.open(db.handle.db);
  const ctx: Context = {
    database: db.handle,
    get registry() {
      return store.current;
    },
    dataDir: db.dataDir,
    now,
  };
  return { ctx, store };
}
