import { join } from "node:path";
import { loadConfig, openDatabase } from "../config.ts";
import type { Context } from "../context.ts";
import { migrate } from "../db/migrate.ts";
import { closePublicity } from "../jobs/close-due-publicity.ts";
import { expireOffers } from "../jobs/expire-offers.ts";
import { deliverOutbox } from "../notifications/deliver.ts";
import { fileSmsTransport, smtpTransport } from "../notifications/transports.ts";
import { PolicyStore } from "../policies/policy-store.ts";
import { countUsersWithRole } from "../users/users-repository.ts";
import { buildApp } from "./app.ts";

/** Starts the product: opens (and migrates) the database, then serves the API. */
export async function startServer(overrides: { port?: number; host?: string } = {}): Promise<void> {
  const config = loadConfig();
  const database = openDatabase(config);
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
  const app = await buildApp({
    context,
    logger: true,
    secureCookies: config.secureCookies,
    trustProxy: config.trustProxy,
    strictResponses: config.strictResponses,
    policies,
  });
  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
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
  // Ended publicity periods become awards, and offers not confirmed in time expire: at start
  // (catching up after downtime) and every ten minutes. Each award is its own transaction, so the job is safe to rerun after any crash.
  const closeDue = () =>
    policies
      .refresh(database.db)
      .then(() => closePublicity(context))
      .then(() => expireOffers(context))
      .catch((e: unknown) =>
        app.log.error({ err: e }, "scheduled jobs (publicity close, offer expiry) failed"),
      );
  await closeDue();
  setInterval(closeDue, 10 * 60_000).unref();

  // The outbox of e-mail and SMS notifications, every 15 seconds; each process leases what it
  // sends, so several processes send each message once.
  const transports = {
    email: config.smtpUrl ? smtpTransport(config.smtpUrl, config.mailFrom) : undefined,
    sms: fileSmsTransport(join(config.dataDir, "sms-outbox.jsonl")),
  };
  if (!config.smtpUrl) app.log.info("未配置 QI_SMTP_URL：邮件通知留在待发送队列中");
  let delivering = false;
  const deliver = () => {
    if (delivering) return;
    delivering = true;
    deliverOutbox(context, transports, { publicUrl: config.publicUrl })
      .catch((e: unknown) => app.log.error({ err: e }, "delivering notifications failed"))
      .finally(() => {
        delivering = false;
      });
  };
  setInterval(deliver, 15_000).unref();
}
