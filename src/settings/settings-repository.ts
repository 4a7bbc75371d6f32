import type { DB, Tx } from "../db/database.ts";

/**
 * The SQL of settings. Besides one row per setting, the row `settings.version` (not a setting:
 * loadSettings skips it) holds the version of the settings as a whole, which every change bumps
 * with a guarded update; each row a change writes takes that new version too.
 */
export const VERSION_KEY = "settings.version";

export function settingRows(db: DB | Tx) {
  return db.selectFrom("settings").select(["key", "value"]).execute();
}

/** The version of the settings as a whole: 0 before the first change. */
export async function settingsVersion(db: DB | Tx): Promise<number> {
  const row = await db
    .selectFrom("settings")
    .select("version")
    .where("key", "=", VERSION_KEY)
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}

/**
 * Moves the settings from `expected` to the next version; 1 if it moved, 0 if another change came
 * first. The row is created at version 0 on the first change (two first changes at once: one
 * creates it, both then race on the guarded update, and one wins).
 */
export async function bumpSettingsVersion(
  trx: Tx,
  expected: number,
  at: string,
  by: string,
): Promise<number> {
  await trx
    .insertInto("settings")
    .values({ key: VERSION_KEY, value: "null", updated_at: at, updated_by: by, version: 0 })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  const result = await trx
    .updateTable("settings")
    .set({ version: expected + 1, updated_at: at, updated_by: by })
    .where("key", "=", VERSION_KEY)
    .where("version", "=", expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Writes one setting's value (JSON text) at the settings' new version. */
export async function writeSetting(
  trx: Tx,
  row: { key: string; value: string; at: string; by: string; version: number },
): Promise<void> {
  const values = {
    value: row.value,
    updated_at: row.at,
    updated_by: row.by,
    version: row.version,
  };
  await trx
    .insertInto("settings")
    .values({ key: row.key, ...values })
    .onConflict((oc) => oc.column("key").doUpdateSet(values))
    .execute();
}
