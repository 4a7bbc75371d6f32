import { resolve } from "node:path";
import { type DatabaseHandle, openPostgres, openSqlite } from "./db/database.ts";

/** The product's configuration, from the environment. */
export interface Config {
  /** Database file and evidence files (QI_DATA_DIR, default ./data). */
  readonly dataDir: string;
  /** PostgreSQL when set (DATABASE_URL); otherwise the embedded SQLite file under dataDir. */
  readonly databaseUrl: string | undefined;
  readonly port: number;
  readonly host: string;
  /**
   * Served over TLS, by a proxy in front of the app (QI_SECURE_COOKIES=1): cookies marked Secure,
   * and browsers told to use https only (CSP `upgrade-insecure-requests`, HSTS). Off by default:
   * over plain http at an intranet host name the upgrade leaves the page empty. Off, a request
   * still counts as over TLS when a trusted proxy (trustProxy) says so in X-Forwarded-Proto.
   */
  readonly secureCookies: boolean;
  /** Client address and protocol taken from the proxy's X-Forwarded-* headers (QI_TRUST_PROXY=1). */
  readonly trustProxy: boolean;
  /**
   * Every answer checked strictly against its route's response schema: a field the schema does
   * not describe is an error (QI_STRICT_RESPONSES=1; the test suite sets it).
   */
  readonly strictResponses: boolean;
  /** The mail server for e-mail notifications (QI_SMTP_URL, smtp://host:port); none: mail waits. */
  readonly smtpUrl: string | undefined;
  /** The sender of e-mail notifications (QI_MAIL_FROM). */
  readonly mailFrom: string;
  /** The address users reach the product at, for links in messages (QI_PUBLIC_URL). */
  readonly publicUrl: string;
  /** The bearer token /metrics asks for (QI_METRICS_TOKEN); unset: only this machine may read. */
  readonly metricsToken: string | undefined;
  /**
   * How often each process looks for scheduled work that is due (QI_JOBS_TICK_SECONDS, default
   * 15). How often a job runs is the job's own (ten minutes for closing publicity).
   */
  readonly jobsTickSeconds: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    dataDir: resolve(env.QI_DATA_DIR ?? "data"),
    databaseUrl: env.DATABASE_URL || undefined,
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? "127.0.0.1",
    secureCookies: env.QI_SECURE_COOKIES === "1",
    trustProxy: env.QI_TRUST_PROXY === "1",
    strictResponses: env.QI_STRICT_RESPONSES === "1",
    smtpUrl: env.QI_SMTP_URL || undefined,
    mailFrom: env.QI_MAIL_FROM ?? "台州质量强市激励 <noreply@localhost>",
    publicUrl: env.QI_PUBLIC_URL ?? `http://localhost:${env.PORT ?? 3000}`,
    metricsToken: env.QI_METRICS_TOKEN || undefined,
    jobsTickSeconds: positive(env.QI_JOBS_TICK_SECONDS, "QI_JOBS_TICK_SECONDS") ?? 15,
  };
}

function positive(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === "") return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(`${name} 应为正数，收到 ${JSON.stringify(value)}`);
  return n;
}

export function openDatabase(
  config: Pick<Config, "dataDir" | "databaseUrl">,
  options: { durable?: boolean } = {},
): DatabaseHandle {
  const durable = options.durable ?? true;
  return config.databaseUrl
    ? openPostgres(config.databaseUrl, 20, { durable })
    : openSqlite(resolve(config.dataDir, "qi.sqlite"), { durable });
}
