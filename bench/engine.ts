/**
 * `npm run bench:engine`: times the policy engine on a generated population and compares it with
 * the same policy as json-rules-engine rules (bench/jre-baseline.ts), checking that both decide
 * alike.
 *
 * - the engine, trace off and trace on, over the whole population, several passes each after a
 *   warm-up; the figure reported is the MEDIAN pass (the best pass is printed beside it);
 * - json-rules-engine on a sample (the first BENCH_BASELINE_ORGS organizations of the same
 *   population; it is async and far slower), one timed pass after a warm-up on other
 *   organizations. Claims/s is per claim, so the sample's figure compares with the engine's;
 * - every decision of the sample must agree (status, amountYuan, fundingSource, reason codes);
 *   a disagreement is printed and the process exits 1.
 *
 * Everything runs in this one process, on one core. The last line of stdout is the JSON summary;
 * the details go to bench/results/engine-latest.json.
 *
 * Environment: BENCH_ORGS (200000), BENCH_BASELINE_ORGS (20000), BENCH_PASSES (5),
 * BENCH_TRACE_PASSES (3), BENCH_SEED (20230211).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { bundledRegistry } from "../src/packs/load.ts";
import { evaluate } from "../src/policy/evaluate.ts";
import type { Decision } from "../src/policy/types.ts";
import { type BaselineDecision, JreBaseline } from "./jre-baseline.ts";
import { countClaims, generatePopulation, type OrgCase } from "./population.ts";

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer`);
  return n;
}

const ORGS = intEnv("BENCH_ORGS", 200_000);
const BASELINE_ORGS = Math.min(ORGS, intEnv("BENCH_BASELINE_ORGS", 20_000));
const PASSES = intEnv("BENCH_PASSES", 5);
const TRACE_PASSES = intEnv("BENCH_TRACE_PASSES", 3);
const SEED = intEnv("BENCH_SEED", 20230211);

const TARGETS = { engine: 1_000_000, traced: 200_000, ratio: 100 };

const log = (line = ""): void => {
  process.stdout.write(`${line}\n`);
};
const fmt = (n: number): string => Math.round(n).toLocaleString("en-US");
const seconds = (from: bigint): number => Number(process.hrtime.bigint() - from) / 1e9;
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

// ── setup ───────────────────────────────────────────────────────────────────

const registry = bundledRegistry();
const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
log("engine benchmark — evaluate() vs json-rules-engine");
log(
  `machine: node ${process.version}, ${os.platform()} ${os.arch()}, ${cpu} (${os.cpus().length} logical CPUs; one is used)`,
);
log(`policy: ${registry.packs.map((p) => p.id).join(", ")}`);

let t = process.hrtime.bigint();
const population = generatePopulation(ORGS, SEED);
const claims = countClaims(population);
log(
  `population: ${fmt(ORGS)} organizations, ${fmt(claims)} claims (seed ${SEED}), generated in ${seconds(t).toFixed(1)} s`,
);

// What the population exercises (one untimed pass).
const statuses: Record<string, number> = { granted: 0, partial: 0, refused: 0 };
const codes: Record<string, number> = {};
for (const c of population) {
  for (const d of evaluate(registry, c.organization, c.claims).decisions) {
    statuses[d.status] = (statuses[d.status] ?? 0) + 1;
    for (const r of d.reasons) codes[r.code] = (codes[r.code] ?? 0) + 1;
  }
}
log(
  `  decisions: ${Object.entries(statuses)
    .map(([k, v]) => `${k} ${fmt(v)}`)
    .join(", ")}`,
);
log(
  `  reasons:   ${Object.entries(codes)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${fmt(v)}`)
    .join(", ")}`,
);

// ── our engine ──────────────────────────────────────────────────────────────

function enginePass(cases: readonly OrgCase[], trace: boolean): { s: number; total: number } {
  let total = 0;
  const start = process.hrtime.bigint();
  if (trace) {
    const options = { trace: true };
    for (const c of cases) total += evaluate(registry, c.organization, c.claims, options).totalYuan;
  } else {
    for (const c of cases) total += evaluate(registry, c.organization, c.claims).totalYuan;
  }
  return { s: seconds(start), total };
}

function timeEngine(trace: boolean, passes: number): { median: number; best: number } {
  const warm = population.slice(0, Math.min(population.length, 20_000));
  for (let i = 0; i < 3; i++) enginePass(warm, trace);
  const rates: number[] = [];
  let checksum: number | undefined;
  for (let i = 0; i < passes; i++) {
    const { s, total } = enginePass(population, trace);
    if (checksum !== undefined && checksum !== total) throw new Error("non-deterministic totals");
    checksum = total;
    rates.push(claims / s);
  }
  return { median: median(rates), best: Math.max(...rates) };
}

const engine = timeEngine(false, PASSES);
log(
  `engine, trace off: ${fmt(engine.median)} claims/s (median of ${PASSES} passes over all ${fmt(claims)} claims; best ${fmt(engine.best)})`,
);
const traced = timeEngine(true, TRACE_PASSES);
log(
  `engine, trace on:  ${fmt(traced.median)} claims/s (median of ${TRACE_PASSES} passes; best ${fmt(traced.best)})`,
);

// ── json-rules-engine ───────────────────────────────────────────────────────

const baseline = new JreBaseline(registry);
const sample = population.slice(0, BASELINE_ORGS);
const sampleClaims = countClaims(sample);
// Warm up on organizations outside the sample (when there are any).
const warmCases = population.slice(Math.max(BASELINE_ORGS, population.length - 1000));
for (const c of warmCases.length > 0 ? warmCases : sample.slice(0, 1000)) {
  await baseline.evaluate(c.organization, c.claims);
}
const baselineDecisions: BaselineDecision[][] = new Array(sample.length);
t = process.hrtime.bigint();
for (let i = 0; i < sample.length; i++) {
  const c = sample[i] as OrgCase;
  baselineDecisions[i] = await baseline.evaluate(c.organization, c.claims);
}
const baselineSeconds = seconds(t);
const baselineRate = sampleClaims / baselineSeconds;
log(
  `json-rules-engine: ${fmt(baselineRate)} claims/s (${baseline.rules} rules, one engine; sample: the first ${fmt(sample.length)} organizations, ${fmt(sampleClaims)} claims, one pass of ${baselineSeconds.toFixed(1)} s after warm-up; claims/s is per claim, so the sample compares with the full run)`,
);

// ── agreement ───────────────────────────────────────────────────────────────

interface Shape {
  status: string;
  amountYuan: number;
  fundingSource: string | null;
  reasons: string;
}
const shape = (d: Decision | BaselineDecision): Shape => ({
  status: d.status,
  amountYuan: d.amountYuan,
  fundingSource: d.fundingSource,
  reasons: d.reasons.map((r) => (typeof r === "string" ? r : r.code)).join(","),
});
const same = (a: Shape, b: Shape): boolean =>
  a.status === b.status &&
  a.amountYuan === b.amountYuan &&
  a.fundingSource === b.fundingSource &&
  a.reasons === b.reasons;

const diffs: string[] = [];
let compared = 0;
const sampleCodes: Record<string, number> = {};
for (let i = 0; i < sample.length; i++) {
  const c = sample[i] as OrgCase;
  const ours = evaluate(registry, c.organization, c.claims).decisions;
  const oursTraced = evaluate(registry, c.organization, c.claims, { trace: true }).decisions;
  const theirs = baselineDecisions[i] as BaselineDecision[];
  for (let j = 0; j < c.claims.length; j++) {
    compared++;
    for (const r of (ours[j] as Decision).reasons)
      sampleCodes[r.code] = (sampleCodes[r.code] ?? 0) + 1;
    const a = shape(ours[j] as Decision);
    const b = shape(theirs[j] as BaselineDecision);
    const tr = shape(oursTraced[j] as Decision);
    if (!same(a, b) || !same(a, tr)) {
      diffs.push(
        JSON.stringify({
          org: i,
          county: c.organization.county,
          claim: c.claims[j],
          engine: a,
          ...(same(a, tr) ? {} : { engineTraced: tr }),
          jsonRulesEngine: b,
        }),
      );
    }
  }
}
const agree = diffs.length === 0;
if (agree) {
  log(
    `agreement: all ${fmt(compared)} decisions of the sample agree (status, amountYuan, fundingSource, reason codes; trace on and off)`,
  );
  log(
    `  the sample's reasons: ${Object.entries(sampleCodes)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${fmt(v)}`)
      .join(", ")}`,
  );
} else {
  log(`agreement: ${fmt(diffs.length)} of ${fmt(compared)} decisions DISAGREE (see stderr)`);
  for (const d of diffs.slice(0, 20)) process.stderr.write(`${d}\n`);
  if (diffs.length > 20) process.stderr.write(`… and ${diffs.length - 20} more\n`);
  process.exitCode = 1;
}

// ── summary ─────────────────────────────────────────────────────────────────

const ratio = engine.median / baselineRate;
const mark = (ok: boolean): string => (ok ? "met" : "MISSED");
log(
  `targets (one core): trace off ≥ ${fmt(TARGETS.engine)}: ${mark(engine.median >= TARGETS.engine)}; trace on ≥ ${fmt(TARGETS.traced)}: ${mark(traced.median >= TARGETS.traced)}; ≥ ${TARGETS.ratio}× json-rules-engine (${ratio.toFixed(1)}×): ${mark(ratio >= TARGETS.ratio)}`,
);

const summary = {
  engineClaimsPerSec: Math.round(engine.median),
  tracedClaimsPerSec: Math.round(traced.median),
  baselineClaimsPerSec: Math.round(baselineRate),
  ratio: Math.round(ratio * 10) / 10,
};
const details = {
  ...summary,
  statistic: "median pass (engine); one pass on a sample (json-rules-engine)",
  date: new Date().toISOString(),
  machine: {
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpu,
    logicalCpus: os.cpus().length,
  },
  population: { seed: SEED, organizations: ORGS, claims, statuses, reasons: codes },
  engine: {
    passes: PASSES,
    medianClaimsPerSec: Math.round(engine.median),
    bestClaimsPerSec: Math.round(engine.best),
  },
  traced: {
    passes: TRACE_PASSES,
    medianClaimsPerSec: Math.round(traced.median),
    bestClaimsPerSec: Math.round(traced.best),
  },
  baseline: {
    library: "json-rules-engine",
    rules: baseline.rules,
    sampleOrganizations: sample.length,
    sampleClaims,
    seconds: Math.round(baselineSeconds * 1000) / 1000,
  },
  agreement: {
    compared,
    disagreements: diffs.length,
    sampleReasons: sampleCodes,
    firstDisagreements: diffs.slice(0, 20),
  },
  targets: {
    engine: engine.median >= TARGETS.engine,
    traced: traced.median >= TARGETS.traced,
    ratio: ratio >= TARGETS.ratio,
  },
};
const resultsDir = fileURLToPath(new URL("./results/", import.meta.url));
mkdirSync(resultsDir, { recursive: true });
writeFileSync(`${resultsDir}engine-latest.json`, `${JSON.stringify(details, null, 2)}\n`);
log("results: bench/results/engine-latest.json");

// The last line: the machine-readable summary.
log(
  `{"engineClaimsPerSec": ${summary.engineClaimsPerSec}, "tracedClaimsPerSec": ${summary.tracedClaimsPerSec}, "baselineClaimsPerSec": ${summary.baselineClaimsPerSec}, "ratio": ${summary.ratio}}`,
);
