import { randomUUID } from "node:crypto";
import type { Context } from "../context.ts";
import {
  abandonRuns,
  deleteRun,
  ensureLeaseRow,
  finishRun,
  insertRun,
  releaseLease,
  takeLease,
} from "./job-leases-repository.ts";

/**
 * Scheduled work shared by every app process on one database. A job is due once `everyMs` has
 * passed since it last started (in any process); the process that takes its lease runs it, and
 * the others skip it. A lease runs out after `leaseMs`, so a process that dies mid-run leaves the
 * job to the next one (each job is safe to run again: its steps are their own transactions).
 */
export interface ScheduledJob {
  readonly name: string;
  readonly everyMs: number;
  /** How long a run may hold the job before another process may take it (default 30 minutes). */
  readonly leaseMs?: number;
  /** The work; returns how much it did (0: a run with nothing to do is not kept in job_runs). */
  readonly run: (ctx: Context) => Promise<number>;
}

export type JobOutcome = "ok" | "failed" | "skipped";

export interface JobReport {
  readonly job: string;
  readonly outcome: JobOutcome;
  readonly seconds: number;
  readonly done?: number;
  readonly error?: unknown;
}

/** Runs the job here if it is due and no other process runs it; says what happened. */
export async function runIfDue(
  ctx: Context,
  job: ScheduledJob,
  holder: string,
): Promise<JobReport> {
  const db = ctx.database.db;
  const now = ctx.now();
  const at = now.toISOString();
  await ensureLeaseRow(db, job.name);
  const taken = await takeLease(
    db,
    job.name,
    holder,
    at,
    new Date(now.getTime() + (job.leaseMs ?? 30 * 60_000)).toISOString(),
    new Date(now.getTime() - job.everyMs).toISOString(),
  );
  if (!taken) return { job: job.name, outcome: "skipped", seconds: 0 };
  if (taken.previous && taken.previous !== holder)
    await abandonRuns(db, job.name, taken.previous, at);
  const id = randomUUID();
  const started = performance.now();
  // Kept while it runs (a process that dies leaves it "running", marked abandoned when another
  // takes over); a run that found nothing to do is not kept.
  await insertRun(db, { id, name: job.name, holder, startedAt: at });
  try {
    const done = await job.run(ctx);
    if (done > 0) await finishRun(db, id, ctx.now().toISOString(), "ok", null);
    else await deleteRun(db, id);
    return { job: job.name, outcome: "ok", seconds: (performance.now() - started) / 1000, done };
  } catch (error) {
    await finishRun(db, id, ctx.now().toISOString(), "failed", String(error).slice(0, 1000));
    return {
      job: job.name,
      outcome: "failed",
      seconds: (performance.now() - started) / 1000,
      error,
    };
  } finally {
    await releaseLease(db, job.name, holder, ctx.now().toISOString());
  }
}

export interface Scheduler {
  /** The first pass over every job (at start: catching up after downtime). */
  readonly started: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Checks every job every `tickMs` (and once at start), one pass at a time; `report` hears of each
 * run, skip and failure.
 */
export function startScheduler(
  ctx: Context,
  jobs: readonly ScheduledJob[],
  options: { holder: string; tickMs: number; report: (r: JobReport) => void },
): Scheduler {
  let pass: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    pass = pass.then(async () => {
      for (const job of jobs) {
        if (stopped) return;
        try {
          options.report(await runIfDue(ctx, job, options.holder));
        } catch (error) {
          // The lease itself could not be read or written (the database is away): try next tick.
          options.report({ job: job.name, outcome: "failed", seconds: 0, error });
        }
      }
    });
    return pass;
  };
  const started = tick();
  const timer = setInterval(tick, options.tickMs);
  timer.unref();
  return {
    started,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await pass;
    },
  };
}
