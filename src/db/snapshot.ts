import { closeSync, fsyncSync, openSync } from "node:fs";
import SQLite from "better-sqlite3";

/**
 * SQLite snapshots for backup and restore, with SQLite's online backup: a consistent copy of the
 * database as one transaction left it, taken while a server goes on writing. The copy is made in
 * one step, under one read transaction (in WAL mode writers carry on meanwhile), so that it never
 * has to start again because a writer changed a page it had copied.
 */
export async function snapshotSqlite(source: string, target: string): Promise<void> {
  const db = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma("busy_timeout = 10000");
    // After the first step (the library's default 100 pages) the rest in one step.
    await db.backup(target, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
}

/** Waits until the file's content is on disk. */
export function syncFile(path: string): void {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A file is a SQLite database (its header), without opening it. */
export function looksLikeSqlite(head: Buffer): boolean {
  return head.subarray(0, 16).toString("latin1") === "SQLite format 3\u0000";
}

/** The user tables of a SQLite database and their row counts. */
export function countTables(db: SQLite.Database, except: (table: string) => boolean) {
  const tables = db
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
    )
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const t of tables) {
    if (except(t)) continue;
    counts[t] = Number(
      db
        .prepare(`select count(*) from "${t.replace(/"/g, '""')}"`)
        .pluck()
        .get(),
    );
  }
  return counts;
}

export { SQLite };
