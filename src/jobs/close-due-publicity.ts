import { sql } from "kysely";
import { requireAccess } from "../auth/access.ts";
import { type Actor, systemActor } from "../auth/roles.ts";
import { beijingToday, instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { applyTransition } from "../lifecycle/apply-transition.ts";
import { dueBatches } from "../publicity/publicity-repository.ts";
import { SUBJECT_KINDS } from "../publicity/subject.ts";
import { PUBLICITY_SUBJECTS } from "../publicity-subjects.ts";

export interface CloseSummary {
  awarded: number;
  held: number;
  waiting: { application: string; message: string }[];
  closedBatches: string[];
  /** Public projects funded when their selection's publicity ended. */
  projectsFunded: number;
}

/** The key of the advisory lock that lets one process at a time close publicity. */
const CLOSE_LOCK = 7310002;
let running: Promise<unknown> = Promise.resolve();

/**
 * Closes the publicity periods that have ended, for every kind of subject: each entry is decided
 * by its subject in its own transaction (a crash loses nothing; a rerun picks up where it
 * stopped), and a batch closes when none of its entries is left undecided. One process at a time:
 * on PostgreSQL a session advisory lock puts every server process sharing the database in line
 * (the second then finds nothing due); within a process the runs queue. The writer's state and
 * version guards would refuse a second award anyway — the lock keeps the work and the audit trail
 * single. Run by the scheduler as the system actor, or by the person who asked for it.
 */
export async function closePublicity(ctx: Context, actor: Actor = systemActor()) {
  const run = running.then(() => exclusively(ctx, () => closeAll(ctx, actor)));
  running = run.catch(() => undefined);
  return run;
}

/** The explicit command of a city official: close what is due now, recorded as that official. */
export function closeDuePublicity(ctx: Context, actor: Actor): Promise<CloseSummary> {
  requireAccess(actor, "publicity.manage");
  return closePublicity(ctx, actor);
}

async function exclusively<T>(ctx: Context, work: () => Promise<T>): Promise<T> {
  if (ctx.database.dialect !== "postgres") return work();
  return ctx.database.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${CLOSE_LOCK})`.execute(conn);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${CLOSE_LOCK})`.execute(conn);
    }
  });
}

async function closeAll(ctx: Context, actor: Actor): Promise<CloseSummary> {
  const today = beijingToday(ctx);
  const summary: CloseSummary = {
    awarded: 0,
    held: 0,
    waiting: [],
    closedBatches: [],
    projectsFunded: 0,
  };
  for (const kind of SUBJECT_KINDS) {
    const subject = PUBLICITY_SUBJECTS[kind];
    for (const batch of await dueBatches(ctx.database.db, kind, today)) {
      for (const subjectId of await subject.dueEntries(ctx, batch.id)) {
        const outcome = await subject.close(ctx, actor, batch.id, subjectId);
        if (outcome === "done") {
          if (kind === "awards") summary.awarded++;
          else summary.projectsFunded++;
        } else if (outcome === "held") {
          summary.held++;
        } else if (outcome !== "skipped") {
          summary.waiting.push({
            application: kind === "awards" ? subjectId : "",
            message: outcome.waiting,
          });
        }
      }
      // Held and waiting entries stay undecided: the batch stays open for a later run.
      if ((await subject.dueEntries(ctx, batch.id)).length > 0) continue;
      const closed = await inTransaction(ctx.database, async (trx) => {
        try {
          await applyTransition(trx, ctx, actor, "publicity_batch", batch.id, "close", {
            version: batch.version,
            set: { closed_at: instant(ctx) },
            data: { number: batch.number },
          });
        } catch (e) {
          // Closed meanwhile by another process sharing the database (SQLite has no lock here).
          if (e instanceof AppError && ["invalid_state", "stale_version"].includes(e.code))
            return false;
          throw e;
        }
        await subject.afterClose?.(trx, ctx, actor, batch.id);
        return true;
      });
      if (closed) summary.closedBatches.push(batch.number);
    }
  }
  return summary;
}
