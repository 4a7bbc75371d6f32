import type { DB, Tx } from "../db/database.ts";
import type { CalendarDayTable } from "../db/schema.ts";

/** The SQL of the holiday calendar (calendar_days: one row per holiday or make-up working day). */

export async function hasCalendarDays(db: DB | Tx): Promise<boolean> {
  const rows = await db.selectFrom("calendar_days").select("date").limit(1).execute();
  return rows.length > 0;
}

/** In chunks of 200 rows, so that no one statement carries thousands of bound parameters. */
/** Days into the calendar; with `keepExisting`, a day already there (another process seeded it) is left as it is. */
export async function insertCalendarDays(
  db: DB | Tx,
  rows: readonly CalendarDayTable[],
  keepExisting = false,
) {
  for (let i = 0; i < rows.length; i += 200) {
    const q = db.insertInto("calendar_days").values(rows.slice(i, i + 200));
    await (keepExisting ? q.onConflict((oc) => oc.column("date").doNothing()) : q).execute();
  }
}

/** Every marked day with its kind, for the working-day arithmetic. */
export function calendarDayKinds(db: DB | Tx) {
  return db.selectFrom("calendar_days").select(["date", "kind"]).execute();
}

/** The marked days from `from` to `to` (civil dates, both included), in date order. */
export function listCalendarDayRows(db: DB | Tx, from: string, to: string) {
  return db
    .selectFrom("calendar_days")
    .selectAll()
    .where("date", ">=", from)
    .where("date", "<=", to)
    .orderBy("date")
    .execute();
}

export function findCalendarDay(db: DB | Tx, date: string) {
  return db.selectFrom("calendar_days").selectAll().where("date", "=", date).executeTakeFirst();
}

export function deleteCalendarDay(trx: Tx, date: string) {
  return trx.deleteFrom("calendar_days").where("date", "=", date).execute();
}

export function insertCalendarDay(trx: Tx, row: CalendarDayTable) {
  return trx.insertInto("calendar_days").values(row).execute();
}
