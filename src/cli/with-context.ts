import { loadConfig, openDatabase } from "../config.ts";
import type { Context } from "../context.ts";
import { migrate } from "../db/migrate.ts";
import { loadRegistry } from "../policies/policy-store.ts";

/** Opens the configured database, migrated, for one command, and closes it after. */
export async function withContext<T>(work: (ctx: Context) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = openDatabase(config);
  try {
    await migrate(database);
    return await work({
      database,
      registry: (await loadRegistry(database.db)).registry,
      dataDir: config.dataDir,
      now: () => new Date(),
    });
  } finally {
    await database.close();
  }
}
