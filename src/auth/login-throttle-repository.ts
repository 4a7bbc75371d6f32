import { sql } from "kysely";
import type { DB, Tx } from "../db/database.ts";

/** The SQL of the sign-in throttle: one row per key (a name at an address, or an address). */

/** The holds (until when) of these keys; null where a key is not held. */
export async function holdsOf(db: DB, keys: readonly string[]): Promise<(string | null)[]> {
  const rows = await db
    .selectFrom("login_throttle")
    .select(["key", "blocked_until"])
    .where("key", "in", keys)
    .execute();
  return rows.map((r) => r.blocked_until);
}

/**
 * Counts one failure on a key in one atomic upsert (so failures sent at once all count); a window
 * that began before `windowStart` starts again at one. Returns the count now.
 */
export async function countFailure(
  db: DB,
  key: string,
  at: string,
  windowStart: string,
): Promise<number> {
  const row = await db
    .insertInto("login_throttle")
    .values({ key, failures: 1, window_start: at, blocked_until: null })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        failures: sql<number>`case when login_throttle.window_start < ${windowStart} then 1 else login_throttle.failures + 1 end`,
        window_start: sql<string>`case when login_throttle.window_start < ${windowStart} then ${at} else login_throttle.window_start end`,
      }),
    )
    .returning(["failures"])
    .executeTakeFirstOrThrow();
  return Number(row.failures);
}

/** Holds a key back until `until`, its count starting again. */
export async function holdKey(db: DB, key: string, until: string, at: string): Promise<void> {
  await db
    .updateTable("login_throttle")
    .set({ blocked_until: until, failures: 0, window_start: at })
    .where("key", "=", key)
    .execute();
}

export async function deleteKey(db: DB, key: string): Promise<void> {
  await db.deleteFrom("login_throttle").where("key", "=", key).execute();
}

/** Deletes every key that starts with `prefix` (a name at any address). */
export async function deleteKeysStartingWith(db: DB | Tx, prefix: string): Promise<void> {
  await db.deleteFrom("login_throttle").where("key", "like", `${prefix}%`).execute();
}
