import { sql } from "kysely";
import type { DB } from "../db/database.ts";

/**
 * Rate-limit windows in the database, so that every app process counts the same hits. One
 * statement counts a hit: it opens a window (or a new one once the last has passed) or adds to
 * the open one, and returns the window's hits and start.
 */
export async function hitWindow(
  db: DB,
  key: string,
  nowMs: number,
  windowMs: number,
): Promise<{ hits: number; startedMs: number }> {
  const passed = nowMs - windowMs;
  const { rows } = await sql<{ hits: number; started_ms: number }>`
    insert into rate_limit_windows (key, started_ms, hits) values (${key}, ${nowMs}, 1)
    on conflict (key) do update set
      hits = case when rate_limit_windows.started_ms <= ${passed} then 1
                  else rate_limit_windows.hits + 1 end,
      started_ms = case when rate_limit_windows.started_ms <= ${passed} then ${nowMs}
                        else rate_limit_windows.started_ms end
    returning hits, started_ms`.execute(db);
  const row = rows[0];
  if (!row) throw new Error(`rate limit window ${key}: no row returned`);
  return { hits: Number(row.hits), startedMs: Number(row.started_ms) };
}

/** Removes windows that started before `beforeMs` (long passed); returns how many. */
export async function sweepWindows(db: DB, beforeMs: number): Promise<number> {
  const result = await db
    .deleteFrom("rate_limit_windows")
    .where("started_ms", "<", beforeMs)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
