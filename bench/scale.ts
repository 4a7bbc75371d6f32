/**
 * `npm run bench:scale`: the product on a city's years of data (`qi demo --scale city`), every
 * main page's API calls driven by autocannon against the real `qi serve` in its own process.
 *
 * - The data set is built once into BENCH_SCALE_DIR (default: qi-city-scale in the system's
 *   temporary folder) and reused by later runs; on PostgreSQL (BENCH_DATABASE_URL) into a
 *   database named qi_city_scale on that server, reused the same way. Building it is timed.
 * - Each API call of a page: BENCH_CONNECTIONS (10) connections, each one a signed-in user of the
 *   page's role, BENCH_CALL_REQUESTS (400) requests after a warm-up of 40. Its p95 is over every
 *   answer's latency; a page's p95 is the worst of its calls'. Target: every page under 100 ms.
 * - A plain-SQL server (bench/scale-baseline.ts) in its own process answers the queue's and the
 *   awards list's queries on the same SQLite file with better-sqlite3 alone, for comparison.
 * - The awards report of every year (.xlsx), downloaded once, timed, with the server's resident
 *   memory sampled every 20 ms while it is built and sent. Target: 100,000 rows in under 10 s,
 *   the server growing by less than 300 MB. The audit log's export (every entry, a million on the
 *   city data set) is measured the same way.
 * - The public 公示 list: autocannon, 10 connections for 8 s. Target: 5,000 requests/s.
 *
 * The last line of stdout is the JSON summary of the SQLite run; the details of every run go to
 * bench/results/scale-latest.json.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import {
  type ServerProcess,
  startServerProcess,
  stopServerProcess,
} from "../test/integration/support-crash.ts";
import { fmt, intEnv, log } from "./common.ts";

interface CannonResult {
  "2xx": number;
  non2xx: number;
  errors: number;
  timeouts: number;
  requests: { average: number };
}
type CannonRun = PromiseLike<CannonResult> & {
  on(
    event: "response",
    listener: (client: unknown, status: number, bytes: number, ms: number) => void,
  ): void;
};
type Autocannon = (opts: {
  url: string;
  connections: number;
  amount?: number;
  duration?: number;
  timeout?: number;
  headers?: Record<string, string>;
  requests?: { method: string; path: string; headers?: Record<string, string> }[];
}) => CannonRun;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const CONNECTIONS = intEnv("BENCH_CONNECTIONS", 10);
const CALL_REQUESTS = intEnv("BENCH_CALL_REQUESTS", 400);
const DIR = process.env.BENCH_SCALE_DIR || join(os.tmpdir(), "qi-city-scale");
const PG_URL = process.env.BENCH_DATABASE_URL || "";
const PASSWORD = "Taizhou-Demo-2025";
const QI = fileURLToPath(new URL("../bin/qi.js", import.meta.url));
const TARGET_P95_MS = 100;
const TARGET_REPORT_SECONDS = 10;
const TARGET_REPORT_RSS_MB = 300;
const TARGET_PUBLIC_RPS = 5_000;

// ── the data set ───────────────────────────────────────────────────────────────────────────

interface Built {
  readonly reused: boolean;
  readonly seconds: number | null;
}

function runFill(env: Record<string, string>): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [QI, "demo", "--scale", "city"], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.on("exit", (code) => {
      const last = out.trim().split("\n").at(-1) ?? "";
      if (code === 0) {
        log(`  ${last}`);
        resolve((performance.now() - started) / 1000);
      } else reject(new Error(`qi demo --scale city exited with ${code}: ${out.slice(-2000)}`));
    });
  });
}

async function sqliteDataSet(): Promise<Built> {
  const marker = join(DIR, "city-scale.json");
  if (existsSync(marker)) return { reused: true, seconds: null };
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  log(`building the city data set in ${DIR} (SQLite)…`);
  const seconds = await runFill({ QI_DATA_DIR: DIR, DATABASE_URL: "" });
  writeFileSync(marker, `${JSON.stringify({ builtSeconds: seconds })}\n`);
  return { reused: false, seconds };
}

const PG_NAME = "qi_city_scale";

function pgUrlOf(name: string): string {
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

async function postgresDataSet(): Promise<Built> {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    const exists = await admin.query("select 1 from pg_database where datname = $1", [PG_NAME]);
    if (exists.rowCount) {
      const c = new pg.Client({ connectionString: pgUrlOf(PG_NAME) });
      await c.connect();
      try {
        const done = await c
          .query("select value from city_scale_marker")
          .then((r) => r.rows.length > 0)
          .catch(() => false);
        if (done) return { reused: true, seconds: null };
      } finally {
        await c.end();
      }
      await admin.query(`drop database ${PG_NAME} with (force)`);
    }
    await admin.query(`create database ${PG_NAME}`);
  } finally {
    await admin.end();
  }
  log(`building the city data set in the PostgreSQL database ${PG_NAME}…`);
  const dataDir = join(DIR, "postgres-files");
  rmSync(dataDir, { recursive: true, force: true });
  const seconds = await runFill({ QI_DATA_DIR: dataDir, DATABASE_URL: pgUrlOf(PG_NAME) });
  // The bench's own note that the set is whole, outside the product's tables.
  const c = new pg.Client({ connectionString: pgUrlOf(PG_NAME) });
  await c.connect();
  await c.query("create table city_scale_marker (value text)");
  await c.query("insert into city_scale_marker values ($1)", [
    JSON.stringify({ builtSeconds: seconds }),
  ]);
  await c.end();
  return { reused: false, seconds };
}

// ── sessions and the pages ─────────────────────────────────────────────────────────────────

async function signIn(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  if (!res.ok || !cookie) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return cookie;
}

async function getJson<T>(url: string, cookie: string, path: string): Promise<T> {
  const res = await fetch(`${url}${path}`, { headers: { cookie } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface Page {
  readonly name: string;
  readonly user: string;
  readonly calls: readonly string[];
}

interface Listed {
  total: number;
  items: { id: string; organization?: { id: string }; organizationId?: string }[];
}

/** Every main page and the API calls it makes when it opens, with the ids of real records. */
async function pagesOf(url: string, cookies: Map<string, string>): Promise<Page[]> {
  const as = (user: string) => cookies.get(user) as string;
  const cases = await getJson<Listed>(
    url,
    as("city"),
    "/api/v1/applications?state=awarded&page=100&pageSize=20",
  );
  const one = cases.items[0];
  if (!one) throw new Error("no awarded case in the data set");
  const org = one.organization?.id;
  if (!org) throw new Error("a case without its organization");
  const batches = await getJson<{ items: { id: string; entries?: number }[] }>(
    url,
    "",
    "/api/v1/public/publicity",
  );
  const batch = batches.items[Math.min(2, batches.items.length - 1)];
  const payments = await getJson<Listed>(
    url,
    as("finance"),
    "/api/v1/payment-batches?page=1&pageSize=20",
  );
  const paymentBatch = payments.items[0];
  const targets = await getJson<{ items: { id: string }[] }>(url, as("leader"), "/api/v1/targets");
  const target = targets.items[0];
  if (!batch || !paymentBatch || !target)
    throw new Error("the data set lacks a batch, a payment batch or a target");
  const shell = [
    "/api/v1/auth/session",
    "/api/v1/notices?unread=true&limit=1",
    "/api/v1/policies/in-force",
  ];
  const year = 2025;
  return [
    {
      name: "county queue",
      user: "county-huangyan",
      calls: [
        ...shell,
        "/api/v1/applications?pageSize=1",
        "/api/v1/applications?waiting=true&page=1&pageSize=20",
      ],
    },
    {
      name: "city queue",
      user: "city",
      calls: [
        "/api/v1/applications?pageSize=1",
        "/api/v1/applications?waiting=true&page=1&pageSize=20",
      ],
    },
    {
      name: "city all cases, page 200",
      user: "city",
      calls: [
        "/api/v1/applications?page=200&pageSize=20",
        `/api/v1/applications?q=${encodeURIComponent("第1234号")}&page=1&pageSize=20`,
      ],
    },
    {
      name: "case page",
      user: "city",
      calls: [
        `/api/v1/applications/${one.id}`,
        `/api/v1/organizations/${org}`,
        `/api/v1/applications?organizationId=${org}&pageSize=100`,
        `/api/v1/awards?organizationId=${org}`,
      ],
    },
    {
      name: "publicity (city)",
      user: "city",
      calls: ["/api/v1/public/publicity", "/api/v1/applications?state=approved&pageSize=200"],
    },
    {
      name: "awards",
      user: "finance",
      calls: [
        "/api/v1/awards?page=1&pageSize=20",
        `/api/v1/awards?year=${year}&page=50&pageSize=20`,
      ],
    },
    {
      name: "payment batches",
      user: "finance",
      calls: [
        "/api/v1/payment-batches?page=1&pageSize=20",
        "/api/v1/payment-batches/candidates",
        `/api/v1/payment-batches/${paymentBatch.id}`,
      ],
    },
    {
      name: "budgets",
      user: "finance",
      calls: ["/api/v1/budgets", `/api/v1/budgets?year=${year}`],
    },
    {
      name: "dashboard",
      user: "leader",
      calls: [
        `/api/v1/dashboard?year=${year}`,
        "/api/v1/reports",
        `/api/v1/assessment/runs?year=${year}`,
      ],
    },
    { name: "targets", user: "leader", calls: ["/api/v1/targets", `/api/v1/targets/${target.id}`] },
    {
      name: "audit log",
      user: "auditor",
      calls: ["/api/v1/audit?page=1&pageSize=20", "/api/v1/audit?page=500&pageSize=20"],
    },
    {
      name: "enterprise cases",
      user: "ent-00001",
      calls: [
        "/api/v1/applications?page=1&pageSize=20",
        "/api/v1/applications?pageSize=1",
        "/api/v1/me/matches",
        "/api/v1/notices?limit=20",
      ],
    },
    { name: "public list", user: "", calls: ["/api/v1/public/publicity"] },
    { name: "public batch", user: "", calls: [`/api/v1/public/publicity/${batch.id}`] },
  ];
}

// ── loads ──────────────────────────────────────────────────────────────────────────────────

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

interface CallLoad {
  readonly path: string;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly rps: number;
}

async function driveCall(
  url: string,
  path: string,
  cookie: string,
  amount: number,
): Promise<CallLoad> {
  const latencies: number[] = [];
  let failed = 0;
  const started = performance.now();
  const run = autocannon({
    url: `${url}${path}`,
    connections: CONNECTIONS,
    amount,
    timeout: 30,
    headers: cookie ? { cookie } : {},
  });
  run.on("response", (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) latencies.push(ms);
    else failed++;
  });
  const r = await run;
  const seconds = (performance.now() - started) / 1000;
  if (failed > 0 || r.errors > 0 || r.timeouts > 0)
    throw new Error(
      `${path}: ${failed} answers not 2xx, ${r.errors} errors, ${r.timeouts} timeouts`,
    );
  latencies.sort((a, b) => a - b);
  return {
    path,
    p50Ms: Math.round(percentile(latencies, 50) * 10) / 10,
    p95Ms: Math.round(percentile(latencies, 95) * 10) / 10,
    rps: Math.round(latencies.length / seconds),
  };
}

async function drivePages(url: string, pages: readonly Page[], cookies: Map<string, string>) {
  const out: Record<string, { p95Ms: number; calls: CallLoad[] }> = {};
  for (const page of pages) {
    const cookie = page.user ? (cookies.get(page.user) as string) : "";
    const calls: CallLoad[] = [];
    for (const path of page.calls) {
      await driveCall(url, path, cookie, 40);
      calls.push(await driveCall(url, path, cookie, CALL_REQUESTS));
    }
    const p95Ms = Math.max(...calls.map((c) => c.p95Ms));
    out[page.name] = { p95Ms, calls };
    for (const c of calls)
      log(
        `  ${page.name.padEnd(26)} ${c.path.slice(0, 70).padEnd(70)} p50 ${String(c.p50Ms).padStart(6)} ms  p95 ${String(c.p95Ms).padStart(6)} ms  ${fmt(c.rps)}/s`,
      );
  }
  return out;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function download(server: ServerProcess, cookie: string, path: string) {
  const pid = server.child.pid as number;
  const before = rssMb(pid);
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMb(pid));
  }, 20);
  const started = performance.now();
  const res = await fetch(`${server.url}${path}`, { headers: { cookie } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  const length = Number(res.headers.get("content-length") ?? 0);
  const rows = Number(res.headers.get("x-report-rows") ?? 0);
  let bytes = 0;
  const reader = res.body?.getReader();
  for (;;) {
    const chunk = await reader?.read();
    if (!chunk || chunk.done) break;
    bytes += chunk.value.length;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, rssMb(pid));
  if (!length || length !== bytes) throw new Error(`${path}: ${bytes} bytes of ${length}`);
  return {
    rows,
    bytes,
    contentLength: length,
    seconds: Math.round(seconds * 100) / 100,
    rssGrowthMb: Math.round(peak - before),
  };
}

async function publicListRps(url: string): Promise<number> {
  const r = await autocannon({
    url: `${url}/api/v1/public/publicity`,
    connections: 10,
    duration: 8,
  });
  if (r.non2xx > 0 || r.errors > 0) throw new Error("public list: errors under load");
  return Math.round(r.requests.average);
}

interface Totals {
  organizations: number;
  applications: number;
  awards: number;
}

async function totalsOf(url: string, cookies: Map<string, string>): Promise<Totals> {
  const total = async (user: string, path: string) =>
    (await getJson<{ total: number }>(url, cookies.get(user) as string, path)).total;
  return {
    organizations: await total("city", "/api/v1/organizations?pageSize=1"),
    applications: await total("city", "/api/v1/applications?pageSize=1"),
    awards: await total("finance", "/api/v1/awards?pageSize=1"),
  };
}

const USERS = ["city", "county-huangyan", "finance", "leader", "auditor", "ent-00001"];

async function benchProduct(label: string, env: Record<string, string>, built: Built) {
  log(
    `\n${label}: ${built.reused ? "data set reused" : `data set built in ${Math.round(built.seconds ?? 0)} s`}`,
  );
  const server = await startServerProcess(
    env,
    undefined,
    join(os.tmpdir(), `qi-city-scale-${label}.log`),
  );
  try {
    const cookies = new Map<string, string>();
    for (const u of USERS) cookies.set(u, await signIn(server.url, u));
    const totals = await totalsOf(server.url, cookies);
    log(
      `  organizations ${fmt(totals.organizations)}, applications ${fmt(totals.applications)}, awards ${fmt(totals.awards)}`,
    );
    const pages = await drivePages(server.url, await pagesOf(server.url, cookies), cookies);
    const worst = Math.max(...Object.values(pages).map((p) => p.p95Ms));
    const report = await download(
      server,
      cookies.get("finance") as string,
      "/api/v1/reports/awards",
    );
    log(
      `  awards report (every year): ${fmt(report.rows)} rows, ${fmt(report.bytes)} bytes in ${report.seconds} s, server RSS +${report.rssGrowthMb} MB`,
    );
    const auditExport = await download(
      server,
      cookies.get("auditor") as string,
      "/api/v1/audit/export",
    );
    log(
      `  audit log export (every entry): ${fmt(auditExport.rows)} rows, ${fmt(auditExport.bytes)} bytes in ${auditExport.seconds} s, server RSS +${auditExport.rssGrowthMb} MB`,
    );
    const rps = await publicListRps(server.url);
    log(`  public 公示 list: ${fmt(rps)} requests/s`);
    return { totals, pages, worstP95Ms: worst, report, auditExport, publicListRps: rps };
  } finally {
    await stopServerProcess(server);
  }
}

async function benchBaseline(file: string) {
  const tsx = createRequire(import.meta.url).resolve("tsx");
  const script = fileURLToPath(new URL("./scale-baseline.ts", import.meta.url));
  const server = await startServerProcess(
    { BASELINE_DB: file },
    ["--import", tsx, script],
    join(os.tmpdir(), "qi-city-scale-baseline.log"),
  );
  try {
    const calls: CallLoad[] = [];
    for (const path of ["/queue", "/awards"]) {
      await driveCall(server.url, path, "", 40);
      calls.push(await driveCall(server.url, path, "", CALL_REQUESTS));
    }
    for (const c of calls)
      log(`  plain SQL ${c.path.padEnd(10)} p50 ${c.p50Ms} ms  p95 ${c.p95Ms} ms  ${fmt(c.rps)}/s`);
    return calls;
  } finally {
    await stopServerProcess(server);
  }
}

// ── the run ────────────────────────────────────────────────────────────────────────────────

log("scale benchmark — every main page's API calls on a city's years of data");
log(`machine: ${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}, node ${process.version}`);
log(`load: ${CONNECTIONS} connections, ${CALL_REQUESTS} requests per call after a warm-up`);

const sqliteBuilt = await sqliteDataSet();
const sqlite = await benchProduct("SQLite", { QI_DATA_DIR: DIR }, sqliteBuilt);
log("\nplain-SQL baseline on the same SQLite file:");
const baseline = await benchBaseline(join(DIR, "qi.sqlite"));
let postgres: Awaited<ReturnType<typeof benchProduct>> | null = null;
let postgresBuilt: Built | null = null;
if (PG_URL) {
  postgresBuilt = await postgresDataSet();
  postgres = await benchProduct(
    "PostgreSQL",
    { QI_DATA_DIR: join(DIR, "postgres-files"), DATABASE_URL: pgUrlOf(PG_NAME) },
    postgresBuilt,
  );
} else {
  log("\nPostgreSQL: skipped (set BENCH_DATABASE_URL)");
}

const judge = (run: typeof sqlite) => ({
  pages: run.worstP95Ms < TARGET_P95_MS,
  report:
    run.report.rows >= 100_000 &&
    run.report.seconds < TARGET_REPORT_SECONDS &&
    run.report.rssGrowthMb < TARGET_REPORT_RSS_MB,
  publicList: run.publicListRps >= TARGET_PUBLIC_RPS,
});
log("\ntargets (SQLite):");
const verdict = judge(sqlite);
log(
  `  every page's p95 < ${TARGET_P95_MS} ms: ${sqlite.worstP95Ms} ms — ${verdict.pages ? "met" : "NOT met"}`,
);
log(
  `  awards report of ≥ 100,000 rows < ${TARGET_REPORT_SECONDS} s, RSS growth < ${TARGET_REPORT_RSS_MB} MB: ${fmt(sqlite.report.rows)} rows, ${sqlite.report.seconds} s, +${sqlite.report.rssGrowthMb} MB — ${verdict.report ? "met" : "NOT met"}`,
);
log(
  `  public list ≥ ${fmt(TARGET_PUBLIC_RPS)} requests/s: ${fmt(sqlite.publicListRps)} — ${verdict.publicList ? "met" : "NOT met"}`,
);
if (postgres) {
  const v = judge(postgres);
  log("targets (PostgreSQL):");
  log(
    `  worst p95 ${postgres.worstP95Ms} ms — ${v.pages ? "met" : "NOT met"}; report ${fmt(postgres.report.rows)} rows ${postgres.report.seconds} s +${postgres.report.rssGrowthMb} MB — ${v.report ? "met" : "NOT met"}; public list ${fmt(postgres.publicListRps)}/s — ${v.publicList ? "met" : "NOT met"}`,
  );
}

const summaryOf = (run: typeof sqlite) => ({
  organizations: run.totals.organizations,
  applications: run.totals.applications,
  awards: run.totals.awards,
  pages: Object.fromEntries(
    Object.entries(run.pages).map(([name, p]) => [name, { p95Ms: p.p95Ms }]),
  ),
  worstP95Ms: run.worstP95Ms,
  reportRows: run.report.rows,
  reportSeconds: run.report.seconds,
  reportRssMb: run.report.rssGrowthMb,
  publicListRps: run.publicListRps,
});
writeFileSync(
  fileURLToPath(new URL("./results/scale-latest.json", import.meta.url)),
  `${JSON.stringify(
    {
      bench: "scale",
      connections: CONNECTIONS,
      callRequests: CALL_REQUESTS,
      sqlite: { built: sqliteBuilt, ...sqlite },
      baseline,
      postgres: postgres && { built: postgresBuilt, ...postgres },
    },
    null,
    2,
  )}\n`,
);
log(
  JSON.stringify({ ...summaryOf(sqlite), ...(postgres ? { postgres: summaryOf(postgres) } : {}) }),
);
