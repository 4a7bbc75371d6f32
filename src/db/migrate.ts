import SQLite from "better-sqlite3";
import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import { seedCalendar } from "../calendar/calendar.ts";
import type { DatabaseHandle, Dialect } from "./database.ts";
import * as m0001 from "./migrations/0001-foundation.ts";
import * as m0002 from "./migrations/0002-money.ts";
import * as m0003 from "./migrations/0003-programme.ts";
import * as m0004 from "./migrations/0004-safeguards.ts";
import * as m0005 from "./migrations/0005-lifecycle.ts";
import * as m0006 from "./migrations/0006-policy-packs.ts";
import * as m0007 from "./migrations/0007-county-awards.ts";
import * as m0008 from "./migrations/0008-rosters.ts";
import * as m0009 from "./migrations/0009-notifications.ts";
import * as m0010 from "./migrations/0010-roster-review.ts";
import * as m0011 from "./migrations/0011-case-publicity-index.ts";
import * as m0012 from "./migrations/0012-city-scale.ts";
import * as m0013 from "./migrations/0013-operations.ts";

type Step = { up(db: Kysely<unknown>, dialect: Dialect): Promise<void> };

/** The migrations, in order. One set for SQLite and PostgreSQL. */
const STEPS: Record<string, Step> = {
  "0001-foundation": m0001,
  "0002-money": m0002,
  "0003-programme": m0003,
  "0004-safeguards": m0004,
  "0005-lifecycle": m0005,
  "0006-policy-packs": m0006,
  "0007-county-awards": m0007,
  "0008-rosters": m0008,
  "0009-notifications": m0009,
  "0010-roster-review": m0010,
  "0011-case-publicity-index": m0011,
  "0012-city-scale": m0012,
  "0013-operations": m0013,
};

class Provider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(
      Object.entries(STEPS).map(([name, step]) => [
        name,
        { up: (db: Kysely<unknown>) => step.up(db, this.dialect) },
      ]),
    );
  }
}

/**
 * Several processes may migrate at once (app processes starting together): one at a time. On
 * PostgreSQL the migrator holds an advisory lock in its transaction. SQLite's migrations run
 * outside a transaction (a table rebuild turns foreign keys off, which a transaction ignores), so
 * the lock there is an exclusive transaction on a lock file beside the database, which SQLite's
 * own file locks hold between processes (and the system lets go of if the process dies).
 */
function lockMigrations(handle: DatabaseHandle): () => void {
  if (handle.dialect !== "sqlite" || !handle.file || handle.file === ":memory:") return () => {};
  const lock = new SQLite(`${handle.file}.migrate-lock`);
  lock.pragma("busy_timeout = 600000");
  lock.exec("begin exclusive");
  return () => {
    lock.exec("rollback");
    lock.close();
  };
}

/** Brings the database up to date; returns the names of the migrations applied now. */
export async function migrate(handle: DatabaseHandle): Promise<string[]> {
  const release = lockMigrations(handle);
  try {
    const migrator = new Migrator({ db: handle.db, provider: new Provider(handle.dialect) });
    const { error, results } = await migrator.migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error(String(error));
    // Reference data the schema needs from the start: the working-day calendar.
    await seedCalendar(handle.db, new Date().toISOString());
    return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
  } finally {
    release();
  }
}

export const MIGRATION_NAMES = Object.keys(STEPS);

/** The migrations this program knows that the database has not had yet. */
export async function pendingMigrations(handle: DatabaseHandle): Promise<string[]> {
  const migrator = new Migrator({ db: handle.db, provider: new Provider(handle.dialect) });
  const known = await migrator.getMigrations();
  return known.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
