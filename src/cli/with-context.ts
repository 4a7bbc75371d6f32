import { loadConfig, openDatabase } from "../config.ts";
import type { Context } from "../context.ts";
import { migrate } from "../db/migrate.ts";
import { loadRegistry } from "../policies/policy-store.ts";

/**
 * Opens the configured database, migrated, for one command, and closes it after. `durable: false`
 * is for generated data only (the city-scale data set): commits are not waited for on disk.
 */
export async function withContext<T>(
  work: (ctx: Context) => Promise<T>,
  options: { durable?: boolean } = {},
): Promise<T> {
  const config = loadConfig();
  const database = openDatabase(config, { durable: options.durable ?? true });
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
