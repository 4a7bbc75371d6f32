import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import {
  CompiledQuery,
  type DatabaseConnection,
  Kysely,
  PostgresDialect,
  type SqliteDatabase,
  SqliteDialect,
  SqliteDriver,
  sql,
  type Transaction,
} from "kysely";
import pg from "pg";
import type { Database } from "./schema.ts";

export type Dialect = "sqlite" | "postgres";
export type DB = Kysely<Database>;
export type Tx = Transaction<Database>;

export interface DatabaseHandle {
  readonly db: DB;
  readonly dialect: Dialect;
  /**
   * A large read, row by row as arrays in the select's column order, without an object per row
   * (a what-if reads every claim of a decade): SQLite streams it; PostgreSQL reads it at once.
   * Outside any transaction. Returns the number of rows.
   */
  each(query: CompiledQuery, visit: (row: unknown[]) => void): Promise<number>;
  /**
   * SQLite only: inserts rows of one shape with one prepared statement, run once per row, on the
   * one connection, so inside the transaction that is open on it (see insertMany).
   */
  readonly insertRows?: (table: string, rows: readonly Readonly<Record<string, unknown>>[]) => void;
  /**
   * SQLite only: a number that changes whenever another connection (another process) committed
   * to the database since it was last read here; this connection's own commits leave it as is.
   */
  readonly dataVersion?: () => number;
  /** SQLite only: the database file. */
  readonly file?: string;
  close(): Promise<void>;
}

/**
 * Many rows of one shape into one table inside the caller's transaction (a bulk creation): on
 * SQLite one prepared statement run per row (the fastest way into it); on PostgreSQL multi-row
 * inserts in chunks under its bound-parameter limit.
 */
export async function insertMany(
  trx: Tx,
  handle: DatabaseHandle,
  table: keyof Database,
  rows: readonly Readonly<Record<string, unknown>>[],
): Promise<void> {
  if (rows.length === 0) return;
  if (handle.insertRows) {
    handle.insertRows(table, rows);
    return;
  }
  const columns = Math.max(1, Object.keys(rows[0] ?? {}).length);
  const chunk = Math.max(1, Math.floor(60_000 / columns));
  // biome-ignore lint/suspicious/noExplicitAny: a table chosen by the caller
  const loose = trx as unknown as Kysely<any>;
  for (let i = 0; i < rows.length; i += chunk) {
    await loose
      .insertInto(table)
      .values(rows.slice(i, i + chunk) as Record<string, unknown>[])
      .execute();
  }
}

/**
 * SQLite write transactions open with BEGIN IMMEDIATE: the write lock is taken at the start, so
 * two writers never both read and then fail to upgrade (SQLITE_BUSY mid-transaction).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly database: SqliteDatabase) {
    super({ database });
  }
  override createDriver() {
    return new ImmediateSqliteDriver({ database: this.database });
  }
}

/**
 * The database as the query builder sees it, its statements prepared once per SQL text and kept
 * (the most recent STATEMENTS_KEPT): preparing is a large part of a short query's cost. One
 * connection runs one query at a time (the driver's lock), so a kept statement is never run twice
 * at once.
 */
const STATEMENTS_KEPT = 2000;

function keepingStatements(database: SQLite.Database): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare: (text: string) => {
      let statement = kept.get(text);
      if (statement) {
        // Most recently used last.
        kept.delete(text);
      } else {
        statement = database.prepare(text);
        if (kept.size >= STATEMENTS_KEPT) {
          const oldest = kept.keys().next().value;
          if (oldest !== undefined) kept.delete(oldest);
        }
      }
      kept.set(text, statement);
      return statement;
    },
  } as SqliteDatabase;
}

/**
 * `durable: false` only for data that can be made again (a generated data set): a commit does not
 * wait for the disk. Everything else keeps the default.
 */
export interface OpenOptions {
  readonly durable?: boolean;
}

export function openSqlite(file: string, options: OpenOptions = {}): DatabaseHandle {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const database = new SQLite(file);
  database.pragma("journal_mode = WAL");
  // Money moves here: a committed transaction must survive a power cut.
  database.pragma(options.durable === false ? "synchronous = OFF" : "synchronous = FULL");
  database.pragma("foreign_keys = ON");
  database.pragma("busy_timeout = 10000");
  // 64 MB of page cache (the default is 2 MB): the indexes on random ids of a bulk creation stay
  // in memory instead of being read back page by page.
  database.pragma("cache_size = -65536");
  // The query planner's statistics, as SQLite advises for a long-lived connection: gathered at
  // open where a table lacks them or has changed much (each table sampled, so it stays quick).
  database.pragma("analysis_limit = 1000");
  database.pragma("optimize = 0x10002");
  const db = new Kysely<Database>({
    dialect: new ImmediateSqliteDialect(keepingStatements(database)),
  });
  const statements = new Map<string, SQLite.Statement>();
  return {
    db,
    dialect: "sqlite",
    file,
    dataVersion: () => Number(database.pragma("data_version", { simple: true })),
    insertRows: (table, rows) => {
      const columns = Object.keys(rows[0] ?? {});
      const key = `${table}(${columns.join(",")})`;
      let statement = statements.get(key);
      if (!statement) {
        const names = columns.map((c) => `"${c.replace(/"/g, '""')}"`).join(", ");
        statement = database.prepare(
          `insert into "${table}" (${names}) values (${columns.map(() => "?").join(", ")})`,
        );
        statements.set(key, statement);
      }
      if (!database.inTransaction) throw new Error(`insertRows(${table}) outside a transaction`);
      for (const row of rows) {
        if (Object.keys(row).length !== columns.length)
          throw new Error(`insertRows(${table}): rows of different shapes`);
        statement.run(...columns.map((c) => row[c] ?? null));
      }
    },
    each: async (q, visit) => {
      let n = 0;
      for (const row of database
        .prepare(q.sql)
        .raw(true)
        .iterate(...q.parameters)) {
        visit(row as unknown[]);
        n++;
      }
      return n;
    },
    close: () => db.destroy(),
  };
}

// int8 (counts, counters) as numbers: every value the product keeps is far below 2^53.
pg.types.setTypeParser(20, (value) => Number(value));

export function openPostgres(
  connectionString: string,
  maxConnections = 20,
  options: OpenOptions = {},
): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString,
    max: maxConnections,
    ...(options.durable === false ? { options: "-c synchronous_commit=off" } : {}),
  });
  // An idle connection the server ends (restart, failover, a dropped database) is removed by the
  // pool; without a listener its error would crash the process.
  pool.on("error", () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: "postgres",
    each: async (q, visit) => {
      const { rows } = await pool.query({
        text: q.sql,
        values: [...q.parameters],
        rowMode: "array",
      });
      for (const row of rows) visit(row);
      return rows.length;
    },
    close: () => db.destroy(),
  };
}

/** PostgreSQL errors that mean "run the transaction again": serialization failure, deadlock. */
const RETRYABLE = new Set(["40001", "40P01"]);

/**
 * Runs `work` in one write transaction, retrying it (a few times, with jitter) when PostgreSQL
 * reports a serialization failure or deadlock. Every state change of the product goes through here.
 */
export async function inTransaction<T>(
  handle: DatabaseHandle,
  work: (trx: Tx) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await handle.db.transaction().execute(work);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (handle.dialect !== "postgres" || !code || !RETRYABLE.has(code) || attempt >= 8) throw e;
      await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
    }
  }
}

/**
 * Runs `work` inside a savepoint of the caller's transaction and keeps what it wrote only when
 * `keep` says so; otherwise everything since the savepoint is undone and the transaction goes on.
 * An error undoes it too, and is thrown on.
 */
export async function keepIf<T>(
  trx: Tx,
  name: string,
  work: () => Promise<T>,
  keep: (result: T) => boolean,
): Promise<T> {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`savepoint name: ${name}`);
  await sql.raw(`savepoint ${name}`).execute(trx);
  let result: T;
  try {
    result = await work();
  } catch (e) {
    await sql.raw(`rollback to savepoint ${name}`).execute(trx);
    throw e;
  }
  await sql
    .raw(keep(result) ? `release savepoint ${name}` : `rollback to savepoint ${name}`)
    .execute(trx);
  return result;
}

/** True for a unique-constraint violation on either database. */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return (
    err.code === "23505" ||
    err.code === "SQLITE_CONSTRAINT_UNIQUE" ||
    err.code === "SQLITE_CONSTRAINT_PRIMARYKEY"
  );
}

/** True for a CHECK-constraint violation on either database. */
export function isCheckViolation(e: unknown): boolean {
  const err = e as { code?: string };
  return err.code === "23514" || err.code === "SQLITE_CONSTRAINT_CHECK";
}
