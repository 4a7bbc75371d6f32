/**
 * `npm run bench:api`: `POST /api/v1/calculate` (the public calculator, the calculation contract)
 * through the real `qi serve` on SQLite, against a bare Fastify route that logs requests the same
 * way and answers the same decision without deciding it (bench/api-baseline.ts), each server in
 * its own process, in the same run.
 *
 * - The product's answer to the request is checked first (granted, 200,000 元), and the baseline
 *   answers with exactly that body, so both send the same bytes.
 * - Load: autocannon, BENCH_CONNECTIONS (10) connections, BENCH_REQUESTS (20,000) requests after
 *   a warm-up of a tenth as many, not measured. The rate is 2xx answers over the time from the
 *   first request to the last answer.
 * - ratio = product / baseline. Target: at least 0.5.
 *
 * The last line of stdout is the JSON summary; the details go to bench/results/api-latest.json.
 * The load generator and both servers share this machine's CPUs.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startServerProcess, stopServerProcess } from "../test/integration/support-crash.ts";
import { fmt, intEnv, log } from "./common.ts";

interface CannonResult {
  latency: { p50: number; p99: number; max: number };
  "2xx": number;
  non2xx: number;
  errors: number;
  timeouts: number;
}
type CannonRun = PromiseLike<CannonResult> & {
  on(event: "response", listener: () => void): void;
};
type Autocannon = (opts: {
  url: string;
  connections: number;
  amount: number;
  timeout?: number;
  requests: { method: string; path: string; headers: Record<string, string>; body: string }[];
}) => CannonRun;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const CONNECTIONS = intEnv("BENCH_CONNECTIONS", 10);
const REQUESTS = intEnv("BENCH_REQUESTS", 20_000);
const TARGET = 0.5;

const REQUEST = JSON.stringify({
  organization: { uscc: "91331082390996033J", name: "示例科技股份有限公司", county: "临海市" },
  claims: [
    {
      id: "c1",
      item: "1.1.g",
      subject: "品字标证书 ZJM-2023-0001",
      project: "P-1",
      eventDate: "2023-05-01",
      submittedAt: "2023-06-01T10:00:00+08:00",
      facts: { municipalFiling: true, certificate: "first" },
    },
  ],
});

interface Load {
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly ok: number;
  readonly failed: number;
}

async function drive(url: string, amount: number): Promise<Load> {
  const start = performance.now();
  let last = start;
  const run = autocannon({
    url,
    connections: CONNECTIONS,
    amount,
    timeout: 30,
    requests: [
      {
        method: "POST",
        path: "/api/v1/calculate",
        headers: { "content-type": "application/json" },
        body: REQUEST,
      },
    ],
  });
  run.on("response", () => {
    last = performance.now();
  });
  const r = await run;
  const seconds = (last - start) / 1000;
  return {
    rps: Math.round(r["2xx"] / seconds),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    ok: r["2xx"],
    failed: r.non2xx + r.errors + r.timeouts,
  };
}

async function measure(url: string): Promise<Load> {
  await drive(url, Math.max(100, Math.round(REQUESTS / 10)));
  const load = await drive(url, REQUESTS);
  if (load.failed > 0 || load.ok !== REQUESTS) {
    throw new Error(`${url}: ${load.failed} failed of ${REQUESTS}`);
  }
  return load;
}

const dir = mkdtempSync(join(os.tmpdir(), "qi-bench-api-"));
log("api benchmark — POST /api/v1/calculate, qi serve (SQLite) vs a bare Fastify route");
log(`machine: ${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}, node ${process.version}`);

const product = await startServerProcess({ QI_DATA_DIR: dir }, undefined, join(dir, "qi.log"));
let answer: string;
let ours: Load;
try {
  const res = await fetch(`${product.url}/api/v1/calculate`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: REQUEST,
  });
  answer = await res.text();
  const decision = JSON.parse(answer) as { decisions?: { status: string; amountYuan: number }[] };
  const first = decision.decisions?.[0];
  if (res.status !== 200 || first?.status !== "granted" || first.amountYuan !== 200_000) {
    log(`the product's answer is not the expected grant: ${res.status} ${answer}`);
    process.exit(1);
  }
  ours = await measure(product.url);
} finally {
  await stopServerProcess(product);
}

const tsx = createRequire(import.meta.url).resolve("tsx");
const script = fileURLToPath(new URL("./api-baseline.ts", import.meta.url));
const baselineServer = await startServerProcess(
  { BASELINE_ANSWER: answer },
  ["--import", tsx, script],
  join(dir, "baseline.log"),
);
let baseline: Load;
try {
  baseline = await measure(baselineServer.url);
} finally {
  await stopServerProcess(baselineServer);
}
rmSync(dir, { recursive: true, force: true });

const ratio = Math.round((ours.rps / baseline.rps) * 1000) / 1000;
log(`load: ${fmt(REQUESTS)} requests (after a warm-up), ${CONNECTIONS} connections, autocannon`);
log(
  `qi serve:  ${fmt(ours.rps)} requests/s, p50 ${ours.p50Ms} ms, p99 ${ours.p99Ms} ms (${fmt(ours.ok)} ok)`,
);
log(
  `baseline:  ${fmt(baseline.rps)} requests/s, p50 ${baseline.p50Ms} ms, p99 ${baseline.p99Ms} ms (${fmt(baseline.ok)} ok)`,
);
log(`ratio ours/baseline: ${ratio} (target ≥ ${TARGET}: ${ratio >= TARGET ? "met" : "NOT met"})`);
const summary = {
  calculateRps: ours.rps,
  calculateP99Ms: ours.p99Ms,
  baselineRps: baseline.rps,
  baselineP99Ms: baseline.p99Ms,
  ratio,
  target: TARGET,
  met: ratio >= TARGET,
};
writeFileSync(
  fileURLToPath(new URL("./results/api-latest.json", import.meta.url)),
  `${JSON.stringify({ bench: "api", connections: CONNECTIONS, requests: REQUESTS, ours, baseline, ...summary }, null, 2)}\n`,
);
log(JSON.stringify(summary));
