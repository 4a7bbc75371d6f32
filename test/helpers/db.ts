import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { Context } from "../../src/context.ts";
import {
  type DatabaseHandle,
  type Dialect,
  openPostgres,
  openSqlite,
} from "../../src/db/database.ts";
import { migrate } from "../../src/db/migrate.ts";
import { bundledRegistry } from "../../src/packs/load.ts";

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL names a server. */
export const DIALECTS: Dialect[] = process.env.TEST_DATABASE_URL
  ? ["sqlite", "postgres"]
  : ["sqlite"];

export interface TestDatabase {
  readonly handle: DatabaseHandle;
  readonly dataDir: string;
  /** For PostgreSQL, the URL of this test's own database. */
  readonly url: string | undefined;
  cleanup(): Promise<void>;
}

/** A new, migrated database of its own: a SQLite file in a temp folder, or a new PostgreSQL database. */
export async function freshDatabase(dialect: Dialect): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), "qi-test-"));
  if (dialect === "sqlite") {
    const handle = openSqlite(join(dataDir, "qi.sqlite"));
    await migrate(handle);
    return {
      handle,
      dataDir,
      url: undefined,
      cleanup: async () => {
        await handle.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const { url, drop } = await emptyPostgresDatabase("qi_t");
  const handle = openPostgres(url, 40);
  await migrate(handle);
  return {
    handle,
    dataDir,
    url,
    cleanup: async () => {
      await handle.close();
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A new, empty PostgreSQL database on the test server (TEST_DATABASE_URL), and how to drop it. */
export async function emptyPostgresDatabase(
  prefix: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL as string;
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export function contextFor(db: TestDatabase, now: () => Date = () => new Date()): Context {
  return { database: db.handle, registry: bundledRegistry(), dataDir: db.dataDir, now };
}
