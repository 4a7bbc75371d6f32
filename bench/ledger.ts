/**
 * `npm run bench:ledger`: awards per second through the real server, and its p99 latency.
 *
 * - The product (`qi serve`) runs in its own child process on a SQLite file in a temp
 *   QI_DATA_DIR — and, when BENCH_DATABASE_URL or TEST_DATABASE_URL names a PostgreSQL server,
 *   again on a fresh database created there (and dropped after).
 * - Seeded: a city official, twenty enterprises, and BENCH_AWARDS cases whose publicity has ended
 *   (plus a warm-up's worth), put in the database directly with SQL after the server started
 *   (`qi serve` closes ended publicity batches when it starts); a city budget large enough.
 * - Load: autocannon, BENCH_CONNECTIONS (50) connections, each request
 *   `POST /api/v1/applications/:id/award` for a case of its own with its own Idempotency-Key,
 *   the session cookie and the CSRF token: every request makes one award. A warm-up of
 *   BENCH_WARMUP awards first, not measured.
 * - Then `qi verify` (audit chain and ledger) must pass, and the awards, the budget's reservation
 *   and the 2xx count must agree: verifyClean.
 * - The baseline (bench/ledger-baseline.ts, its own process): a minimal Fastify server doing one
 *   guarded update + one insert per request on its own SQLite file, same pragmas, same load.
 *   ratio = ours / baseline (SQLite).
 *
 * The last line of stdout is the JSON summary; details go to bench/results/ledger-latest.json.
 * Everything runs on this machine over loopback: the load generator, the server and the database
 * share its CPUs.
 */
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import SQLite from "better-sqlite3";
import pg from "pg";
import { beijingToday } from "../src/clock.ts";
import type { Context } from "../src/context.ts";
import { type DatabaseHandle, openPostgres, openSqlite } from "../src/db/database.ts";
import { migrate } from "../src/db/migrate.ts";
import { bundledRegistry } from "../src/packs/load.ts";
import {
  intIn,
  prng,
  qiEnv,
  runQiAsync,
  type SeedOrganization,
  seedAwardableCases,
  seedAwarding,
  startServerProcess,
  stopServerProcess,
} from "../test/integration/support-crash.ts";

// ── autocannon (no bundled types: the part used here) ──────────────────────────────────────────

interface CannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}
interface CannonHistogram {
  average: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}
interface CannonResult {
  latency: CannonHistogram;
  requests: CannonHistogram & { total: number };
  "2xx": number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodeStats: Record<string, { count: number }>;
}
/** The run: a thenable of the result, and an emitter of each response as it arrives. */
type CannonRun = PromiseLike<CannonResult> & {
  on(event: "response", listener: (client: unknown, status: number) => void): void;
};
type Autocannon = (opts: {
  url: string;
  connections: number;
  amount: number;
  timeout?: number;
  requests: { setupRequest: (req: CannonRequest) => CannonRequest }[];
}) => CannonRun;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

// ── settings ──────────────────────────────────────────────────────────────────────────────────

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer`);
  return n;
}

const AWARDS = intEnv("BENCH_AWARDS", 3000);
const CONNECTIONS = intEnv("BENCH_CONNECTIONS", 50);
const WARMUP = intEnv("BENCH_WARMUP", 300);
const SEED = intEnv("BENCH_SEED", 20240501);
const PG_URL = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || "";
const PASSWORD = "Bench-Password-2025";

const log = (line = ""): void => {
  process.stdout.write(`${line}\n`);
};
const fmt = (n: number): string => Math.round(n).toLocaleString("en-US");
const round1 = (n: number): number => Math.round(n * 10) / 10;

// ── one load ──────────────────────────────────────────────────────────────────────────────────

interface Load {
  readonly awardsPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly seconds: number;
  readonly ok: number;
  readonly failed: number;
  readonly statusCodes: Record<string, number>;
}

/** `ids.length` awards, one per request, over CONNECTIONS connections. */
async function drive(
  url: string,
  ids: readonly string[],
  headers: Record<string, string>,
): Promise<Load> {
  let next = 0;
  // autocannon's own `duration` is only checked on its once-a-second tick (so it overstates a
  // run of a few seconds by up to a second): the rate here is timed from the start to the last
  // response instead.
  const start = performance.now();
  let last = start;
  const run = autocannon({
    url,
    connections: CONNECTIONS,
    amount: ids.length,
    timeout: 60,
    requests: [
      {
        setupRequest: (req) => {
          const id = ids[next++];
          if (id === undefined) throw new Error("more requests than cases");
          return {
            ...req,
            method: "POST",
            path: `/api/v1/applications/${id}/award`,
            headers: {
              ...headers,
              "content-type": "application/json",
              "idempotency-key": `bench-${id}`,
            },
            body: "{}",
          };
        },
      },
    ],
  });
  run.on("response", () => {
    last = performance.now();
  });
  const result = await run;
  const seconds = (last - start) / 1000;
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([k, v]) => [k, v.count]),
  );
  const ok = result["2xx"];
  return {
    awardsPerSec: Math.round(ok / seconds),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    seconds: Math.round(seconds * 1000) / 1000,
    ok,
    failed: result.non2xx + result.errors + result.timeouts,
    statusCodes,
  };
}

// ── the product ───────────────────────────────────────────────────────────────────────────────

interface ProductRun {
  readonly dialect: "sqlite" | "postgres";
  readonly load: Load;
  readonly warmup: Load;
  readonly verifyClean: boolean;
  readonly verifyOutput: string;
  readonly awardsInDb: number;
  readonly reserved: number;
  readonly expectedReserved: number;
  readonly serverVersion?: string;
}

async function benchProduct(dialect: "sqlite" | "postgres"): Promise<ProductRun> {
  const dataDir = mkdtempSync(join(os.tmpdir(), "qi-bench-ledger-"));
  let handle: DatabaseHandle;
  let url: string | undefined;
  let dropDatabase = async () => {};
  let serverVersion: string | undefined;
  if (dialect === "sqlite") {
    handle = openSqlite(join(dataDir, "qi.sqlite"));
  } else {
    const name = `qi_bench_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    serverVersion = (await admin.query("show server_version")).rows[0]?.server_version;
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(PG_URL);
    u.pathname = `/${name}`;
    url = u.toString();
    handle = openPostgres(url, 4);
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const env = qiEnv(dataDir, url);
  let server: Awaited<ReturnType<typeof startServerProcess>> | undefined;
  try {
    await migrate(handle);
    const ctx: Context = {
      database: handle,
      registry: bundledRegistry(),
      dataDir,
      now: () => new Date(),
    };
    const year = Number(beijingToday(ctx).slice(0, 4));
    const orgs = await seedAwarding(ctx, {
      username: "bench-city",
      displayName: "市级审核（基准）",
      organizations: 20,
      firstUscc: 700,
      budget: 10_000_000_000,
      password: PASSWORD,
    });

    server = await startServerProcess(env, undefined, join(dataDir, "server.log"));
    // `qi serve` closes the ended publicity batches once it is up; seed after that.
    await new Promise((r) => setTimeout(r, 1_000));
    const random = prng(SEED);
    const amounts = Array.from({ length: WARMUP + AWARDS }, () => intIn(random, 10, 500) * 100);
    const { ids } = await seedAwardableCases(
      handle.db,
      amounts.map((amount, i) => ({
        organization: orgs[i % orgs.length] as SeedOrganization,
        amount,
      })),
      "city",
      `bench-${dialect}`,
    );

    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "bench-city", password: PASSWORD }),
    });
    const session = (await login.json()) as { csrfToken: string };
    const cookie = login.headers.get("set-cookie")?.split(";")[0];
    if (!login.ok || !cookie) throw new Error(`login failed: ${login.status}`);
    const headers = { cookie, "x-csrf-token": session.csrfToken };

    const warmup = await drive(server.url, ids.slice(0, WARMUP), headers);
    const load = await drive(server.url, ids.slice(WARMUP), headers);
    await stopServerProcess(server);
    server = undefined;

    const verify = await runQiAsync(["verify"], env);
    const awards = await handle.db
      .selectFrom("awards")
      .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.sum<number>("amount").as("sum")])
      .executeTakeFirstOrThrow();
    const budget = await handle.db
      .selectFrom("budgets")
      .selectAll()
      .where("year", "=", year)
      .where("source", "=", "city")
      .executeTakeFirstOrThrow();
    const expectedReserved = amounts.reduce((s, a) => s + a, 0);
    const awardsInDb = Number(awards.n);
    const reserved = Number(budget.reserved);
    const verifyClean =
      verify.code === 0 &&
      awardsInDb === warmup.ok + load.ok &&
      load.ok === AWARDS &&
      warmup.ok === WARMUP &&
      reserved === expectedReserved &&
      Number(awards.sum) === expectedReserved;
    return {
      dialect,
      load,
      warmup,
      verifyClean,
      verifyOutput: (verify.stdout + verify.stderr).trim(),
      awardsInDb,
      reserved,
      expectedReserved,
      ...(serverVersion ? { serverVersion } : {}),
    };
  } finally {
    if (server) {
      const output = server.output();
      await stopServerProcess(server);
      process.stderr.write(`${output.slice(-4000)}\n`);
    }
    await handle.close();
    await dropDatabase();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// ── the baseline ──────────────────────────────────────────────────────────────────────────────

async function benchBaseline(): Promise<{ load: Load; warmup: Load; postings: number }> {
  const dir = mkdtempSync(join(os.tmpdir(), "qi-bench-baseline-"));
  const file = join(dir, "baseline.sqlite");
  const script = fileURLToPath(new URL("./ledger-baseline.ts", import.meta.url));
  const tsx = import.meta.resolve("tsx");
  const server = await startServerProcess({ BASELINE_DB: file }, ["--import", tsx, script]);
  try {
    const ids = Array.from({ length: WARMUP + AWARDS }, () => randomUUID());
    const headers = { cookie: "qi_session=baseline", "x-csrf-token": "baseline" };
    const warmup = await drive(server.url, ids.slice(0, WARMUP), headers);
    const load = await drive(server.url, ids.slice(WARMUP), headers);
    await stopServerProcess(server);
    const check = new SQLite(file, { readonly: true });
    const row = check.prepare("select count(*) as n from postings").get() as { n: number };
    check.close();
    return { load, warmup, postings: row.n };
  } finally {
    await stopServerProcess(server);
    rmSync(dir, { recursive: true, force: true });
  }
}

// ── main ──────────────────────────────────────────────────────────────────────────────────────

const started = Date.now();
const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
const machine = {
  node: process.version,
  platform: `${os.platform()} ${os.arch()}`,
  cpu,
  logicalCpus: os.cpus().length,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
};
log("ledger benchmark — awards over HTTP: qi serve vs a minimal Fastify + SQLite baseline");
log(
  `machine: node ${machine.node}, ${machine.platform}, ${cpu} (${machine.logicalCpus} logical CPUs, ${machine.memoryGiB} GiB); load generator, servers and databases share it (loopback)`,
);
log(
  `load: ${fmt(AWARDS)} awards (after a warm-up of ${fmt(WARMUP)}), ${CONNECTIONS} connections, autocannon, one case and one Idempotency-Key per request`,
);

const describeLoad = (l: Load) =>
  `${fmt(l.awardsPerSec)} awards/s, p50 ${l.p50Ms} ms, p99 ${l.p99Ms} ms, max ${l.maxMs} ms (${l.ok} ok, ${l.failed} failed, ${l.seconds.toFixed(2)} s)`;

const sqlite = await benchProduct("sqlite");
log(`qi serve (SQLite):     ${describeLoad(sqlite.load)}`);
log(
  `  qi verify: ${sqlite.verifyClean ? "clean" : "NOT CLEAN"} — ${sqlite.verifyOutput.replace(/\n/g, "; ")}; ${fmt(sqlite.awardsInDb)} awards, reserved ${fmt(sqlite.reserved)} 元 (expected ${fmt(sqlite.expectedReserved)})`,
);

const baseline = await benchBaseline();
log(`baseline (SQLite):     ${describeLoad(baseline.load)}; ${fmt(baseline.postings)} postings`);
const ratio = sqlite.load.awardsPerSec / baseline.load.awardsPerSec;
log(`ratio ours/baseline:   ${ratio.toFixed(3)}`);

let postgres: ProductRun | undefined;
if (PG_URL) {
  postgres = await benchProduct("postgres");
  log(`qi serve (PostgreSQL ${postgres.serverVersion ?? "?"}): ${describeLoad(postgres.load)}`);
  log(
    `  qi verify: ${postgres.verifyClean ? "clean" : "NOT CLEAN"} — ${postgres.verifyOutput.replace(/\n/g, "; ")}; ${fmt(postgres.awardsInDb)} awards`,
  );
} else {
  log("PostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)");
}

const verifyClean = sqlite.verifyClean && (postgres?.verifyClean ?? true);
if (!verifyClean) process.exitCode = 1;

const summary = {
  awardsPerSec: Math.round(sqlite.load.awardsPerSec),
  p99Ms: sqlite.load.p99Ms,
  verifyClean,
  baselinePerSec: Math.round(baseline.load.awardsPerSec),
  ratio: Math.round(ratio * 1000) / 1000,
  ...(postgres
    ? {
        postgres: {
          awardsPerSec: Math.round(postgres.load.awardsPerSec),
          p99Ms: postgres.load.p99Ms,
          verifyClean: postgres.verifyClean,
        },
      }
    : {}),
};
const details = {
  ...summary,
  statistic:
    "awards/s = 2xx responses / (last response − start), one run after a warm-up; latencies (ms) from autocannon's histogram, including the first requests of 50 fresh connections",
  date: new Date().toISOString(),
  seconds: round1((Date.now() - started) / 1000),
  machine,
  load: {
    awards: AWARDS,
    warmup: WARMUP,
    connections: CONNECTIONS,
    tool: "autocannon 8",
    request: "POST /api/v1/applications/:id/award, one case and one Idempotency-Key each",
  },
  sqlite: { ...sqlite, note: "qi serve in a child process, SQLite (WAL, synchronous=FULL)" },
  baseline: {
    ...baseline,
    note: "bench/ledger-baseline.ts: Fastify + better-sqlite3, one guarded update + one insert per request in BEGIN IMMEDIATE, WAL, synchronous=FULL",
  },
  ...(postgres ? { postgresRun: postgres } : {}),
};
const resultsDir = fileURLToPath(new URL("./results/", import.meta.url));
mkdirSync(resultsDir, { recursive: true });
writeFileSync(`${resultsDir}ledger-latest.json`, `${JSON.stringify(details, null, 2)}\n`);
log(`results: bench/results/ledger-latest.json (${round1((Date.now() - started) / 1000)} s)`);

// The last line: the machine-readable summary.
log(JSON.stringify(summary));
