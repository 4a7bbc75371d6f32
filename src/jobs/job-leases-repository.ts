import type { DB } from "../db/database.ts";

/**
 * Scheduled jobs leased across app processes (scheduler.ts): a job's one row says who runs it now
 * and until when, and when it last started; each run is kept in job_runs.
 */

export async function ensureLeaseRow(db: DB, name: string): Promise<void> {
  await db
    .insertInto("job_leases")
    .values({
      name,
      holder: null,
      leased_until: null,
      last_started_at: null,
      last_finished_at: null,
    })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
}

/**
 * Takes the job's lease for `holder` when nobody holds it (or the holder's lease ran out) and it
 * last started at or before `dueBefore`. One statement, so two processes never both take it.
 * Returns the holder whose lease ran out (a process that died running it), or null, when taken;
 * undefined when not.
 */
export async function takeLease(
  db: DB,
  name: string,
  holder: string,
  at: string,
  until: string,
  dueBefore: string,
): Promise<{ previous: string | null } | undefined> {
  const before = await db
    .selectFrom("job_leases")
    .select(["holder", "leased_until"])
    .where("name", "=", name)
    .executeTakeFirst();
  const result = await db
    .updateTable("job_leases")
    .set({ holder, leased_until: until, last_started_at: at })
    .where("name", "=", name)
    .where((eb) => eb.or([eb("leased_until", "is", null), eb("leased_until", "<=", at)]))
    .where((eb) =>
      eb.or([eb("last_started_at", "is", null), eb("last_started_at", "<=", dueBefore)]),
    )
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return undefined;
  const previous = before?.leased_until && before.holder ? before.holder : null;
  return { previous };
}

export async function releaseLease(db: DB, name: string, holder: string, at: string) {
  await db
    .updateTable("job_leases")
    .set({ holder: null, leased_until: null, last_finished_at: at })
    .where("name", "=", name)
    .where("holder", "=", holder)
    .execute();
}

export async function insertRun(
  db: DB,
  row: { id: string; name: string; holder: string; startedAt: string },
) {
  await db
    .insertInto("job_runs")
    .values({
      id: row.id,
      name: row.name,
      holder: row.holder,
      started_at: row.startedAt,
      finished_at: null,
      result: "running",
      error: null,
    })
    .execute();
}

export async function finishRun(
  db: DB,
  id: string,
  at: string,
  result: "ok" | "failed",
  error: string | null,
) {
  await db
    .updateTable("job_runs")
    .set({ finished_at: at, result, error })
    .where("id", "=", id)
    .execute();
}

export async function deleteRun(db: DB, id: string) {
  await db.deleteFrom("job_runs").where("id", "=", id).execute();
}

/** The runs a process that died left open: marked abandoned when its lease is taken over. */
export async function abandonRuns(db: DB, name: string, holder: string, at: string) {
  await db
    .updateTable("job_runs")
    .set({ finished_at: at, result: "abandoned" })
    .where("name", "=", name)
    .where("holder", "=", holder)
    .where("result", "=", "running")
    .execute();
}

export function listRuns(db: DB, filter: { name?: string; limit: number }) {
  let q = db.selectFrom("job_runs").selectAll().orderBy("started_at", "desc").orderBy("id");
  if (filter.name) q = q.where("name", "=", filter.name);
  return q.limit(filter.limit).execute();
}

export async function sweepRuns(db: DB, before: string): Promise<number> {
  const result = await db
    .deleteFrom("job_runs")
    .where("started_at", "<", before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
