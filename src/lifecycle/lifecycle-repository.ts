import { type Kysely, sql } from "kysely";
import { type DatabaseHandle, type Dialect, insertMany, type Tx } from "../db/database.ts";
import type { ApplicationEventTable, RecordEventTable } from "../db/schema.ts";
import type { Storage } from "./machines.ts";

/**
 * The SQL of the one writer. Tables are named by the storage table of a kind, so the queries are
 * built on an untyped view of the same transaction; the kinds' own repositories keep the typed ones.
 */
type Row = Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: a table chosen at run time from the STORAGE map
type Loose = Kysely<any>;

const loose = (trx: Tx) => trx as unknown as Loose;

/** Reads one record inside the transaction; on PostgreSQL it holds the row until commit. */
export async function lockRecord(
  trx: Tx,
  dialect: Dialect,
  storage: Storage,
  key: Row,
): Promise<Row | undefined> {
  let q = loose(trx).selectFrom(storage.table).selectAll();
  for (const column of storage.key) q = q.where(column, "=", key[column]);
  if (dialect === "postgres") q = q.forUpdate();
  return (await q.executeTakeFirst()) as Row | undefined;
}

/** Moves the record only if it is still at the state and version it was read at; 1 if it moved. */
export async function updateRecordIf(
  trx: Tx,
  storage: Storage,
  key: Row,
  expected: { state: string | null; version: number },
  set: Row,
): Promise<number> {
  let q = loose(trx).updateTable(storage.table).set(set);
  for (const column of storage.key) q = q.where(column, "=", key[column]);
  q =
    expected.state === null
      ? q.where(storage.stateColumn, "is", null)
      : q.where(storage.stateColumn, "=", expected.state);
  q = q.where("version", "=", expected.version);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insertRecord(trx: Tx, storage: Storage, row: Row): Promise<void> {
  await loose(trx).insertInto(storage.table).values(row).execute();
}

export async function nextRecordSeq(trx: Tx, recordType: string, recordId: string) {
  const row = await trx
    .selectFrom("record_events")
    .select((eb) => eb.fn.max("seq").as("seq"))
    .where("record_type", "=", recordType)
    .where("record_id", "=", recordId)
    .executeTakeFirst();
  return Number(row?.seq ?? 0) + 1;
}

export async function insertRecordEvent(trx: Tx, row: RecordEventTable): Promise<void> {
  await trx.insertInto("record_events").values(row).execute();
}

export async function nextApplicationSeq(trx: Tx, applicationId: string) {
  const row = await trx
    .selectFrom("application_events")
    .select((eb) => eb.fn.max("seq").as("seq"))
    .where("application_id", "=", applicationId)
    .executeTakeFirst();
  return Number(row?.seq ?? 0) + 1;
}

export async function insertApplicationEvent(trx: Tx, row: ApplicationEventTable): Promise<void> {
  await trx.insertInto("application_events").values(row).execute();
}

/** The current version of a record, for the message of a refused stale change. */
export async function versionOf(trx: Tx, storage: Storage, key: Row): Promise<number | null> {
  let q = loose(trx).selectFrom(storage.table).select(sql<number>`version`.as("version"));
  for (const column of storage.key) q = q.where(column, "=", key[column]);
  const row = (await q.executeTakeFirst()) as { version: number } | undefined;
  return row ? Number(row.version) : null;
}

/** Many new records of one kind at once (insertMany: a prepared statement on SQLite). */
export function insertRecords(
  trx: Tx,
  handle: DatabaseHandle,
  storage: Storage,
  rows: readonly Row[],
): Promise<void> {
  return insertMany(trx, handle, storage.table, rows);
}

export function insertApplicationEvents(
  trx: Tx,
  handle: DatabaseHandle,
  rows: readonly ApplicationEventTable[],
): Promise<void> {
  return insertMany(trx, handle, "application_events", rows as unknown as Row[]);
}

export function insertRecordEvents(
  trx: Tx,
  handle: DatabaseHandle,
  rows: readonly RecordEventTable[],
): Promise<void> {
  return insertMany(trx, handle, "record_events", rows as unknown as Row[]);
}
