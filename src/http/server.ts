import { hostname } from "node:os";
import { join } from "node:path";
import { sweepWindows } from "../auth/rate-limit-repository.ts";
import { loadConfig, openDatabase } from "../config.ts";
import type { Context } from "../context.ts";
import { migrate } from "../db/migrate.ts";
import { closePublicity } from "../jobs/close-due-publicity.ts";
import { expireOffers } from "../jobs/expire-offers.ts";
import { sweepRuns } from "../jobs/job-leases-repository.ts";
import { type ScheduledJob, startScheduler } from "../jobs/scheduler.ts";
import { deliverOutbox, type Transports } from "../notifications/deliver.ts";
import { fileSmsTransport, smtpTransport } from "../notifications/transports.ts";
import { markLive } from "../operations/live-marker.ts";
import { PolicyStore } from "../policies/policy-store.ts";
import { countUsersWithRole } from "../users/users-repository.ts";
import { buildApp } from "./app.ts";
import { createMetrics } from "./metrics.ts";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * The scheduled work, shared by every process on the database (jobs/scheduler.ts): each job runs
 * in one process at a time, at its own interval, whatever the number of processes.
 */
function scheduledJobs(
  policies: PolicyStore,
  transports: Transports,
  publicUrl: string,
): ScheduledJob[] {
  return [
    {
      // Ended publicity periods become awards: at start (catching up after downtime) and every
      // ten minutes. Each award is its own transaction, so a rerun after any crash is safe.
      name: "close-publicity",
      everyMs: 10 * MINUTE,
      run: async (ctx) => {
        await policies.refresh(ctx.database.db);
        const s = await closePublicity(ctx);
        return s.awarded + s.held + s.projectsFunded + s.closedBatches.length;
      },
    },
    {
      // Offers not confirmed in time expire.
      name: "expire-offers",
      everyMs: 10 * MINUTE,
      run: async (ctx) => (await expireOffers(ctx)).expired,
    },
    {
      // The outbox of e-mail and SMS notifications; each message is leased too, so a message is
      // sent once even by a process whose job lease ran out.
      name: "deliver-notifications",
      everyMs: 15_000,
      leaseMs: 5 * MINUTE,
      run: async (ctx) => {
        const r = await deliverOutbox(ctx, transports, { publicUrl });
        return r.sent + r.retried + r.failed;
      },
    },
    {
      // Rate-limit windows long passed, and job runs older than 400 days.
      name: "sweep",
      everyMs: DAY,
      run: async (ctx) => {
        const now = ctx.now().getTime();
        const windows = await sweepWindows(ctx.database.db, now - DAY);
        const runs = await sweepRuns(ctx.database.db, new Date(now - 400 * DAY).toISOString());
        return windows + runs;
      },
    },
  ];
}

/** Starts the product: opens (and migrates) the database, then serves the API. */
export async function startServer(overrides: { port?: number; host?: string } = {}): Promise<void> {
  const config = loadConfig();
  const database = openDatabase(config);
  // Several processes may start at once: the migrations run under a lock, in one of them.
  const applied = await migrate(database);
  // The governing packs on record; every request first asks whether another process published.
  const policies = await PolicyStore.open(database.db);
  const context: Context = {
    database,
    get registry() {
      return policies.current;
    },
    dataDir: config.dataDir,
    now: () => new Date(),
  };
  const metrics = createMetrics(database.db);
  const app = await buildApp({
    context,
    logger: true,
    secureCookies: config.secureCookies,
    trustProxy: config.trustProxy,
    strictResponses: config.strictResponses,
    policies,
    metrics,
    metricsToken: config.metricsToken,
  });
  const where =
    database.dialect === "sqlite" ? `${config.dataDir}/qi.sqlite` : "PostgreSQL (DATABASE_URL)";
  if (applied.length > 0) app.log.info(`数据库已迁移：${applied.join(", ")}（${where}）`);
  const admins = await countUsersWithRole(database.db, "system_admin");
  if (Number(admins.n) === 0) {
    process.stderr.write(
      "\n尚无系统管理员。创建第一个系统管理员：\n  npx qi admin create --username admin --name 系统管理员\n或填充演示数据：npx qi demo\n\n",
    );
  }
  await app.listen({ port: overrides.port ?? config.port, host: overrides.host ?? config.host });
  const unmark = markLive(config.dataDir);

  const transports = {
    email: config.smtpUrl ? smtpTransport(config.smtpUrl, config.mailFrom) : undefined,
    sms: fileSmsTransport(join(config.dataDir, "sms-outbox.jsonl")),
  };
  if (!config.smtpUrl) app.log.info("未配置 QI_SMTP_URL：邮件通知留在待发送队列中");
  // The process's name in the job leases: host and pid, for an operator reading job_runs.
  const holder = `${hostname()}:${process.pid}`;
  const scheduler = startScheduler(context, scheduledJobs(policies, transports, config.publicUrl), {
    holder,
    tickMs: config.jobsTickSeconds * 1000,
    report: (r) => {
      metrics.jobReport(r);
      // A job's lines carry an id too: the job's name.
      if (r.outcome === "failed")
        app.log.error({ reqId: `job:${r.job}`, err: r.error }, `scheduled job ${r.job} failed`);
      else if (r.outcome === "ok" && (r.done ?? 0) > 0)
        app.log.info(
          { reqId: `job:${r.job}`, done: r.done, seconds: r.seconds },
          `scheduled job ${r.job}`,
        );
    },
  });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await scheduler.stop();
    await app.close();
    await database.close();
    unmark();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  await scheduler.started;
}
