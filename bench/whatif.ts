/**
 * `npm run bench:whatif`: the what-if (沙盘) of a draft over a generated decade of historical
 * claims, end to end through the real `qi policy simulate FILE --json` on SQLite (a process of its
 * own: start, read every claim, decide each organization's claims twice, store the run, print),
 * against the bare engine doing the same two decisions on the same claims in memory, in this
 * process, in the same run.
 *
 * - the population is bench/population.ts's (every path of the engine), its event dates spread
 *   over ten years (2017–2026), written to a fresh SQLite database as submitted cases;
 * - the CLI is timed over BENCH_RUNS runs (wall clock of the whole command), the engine over the
 *   same number of passes after a warm-up; the medians are reported, and their ratio;
 * - both must give the same figures, else the process exits 1.
 *
 * Target: the CLI under 2 s for at least 200,000 claims. The last line of stdout is the JSON
 * summary; the details go to bench/results/whatif-latest.json.
 *
 * Environment: BENCH_ORGS (43000 organizations, just over 200,000 claims), BENCH_RUNS (3),
 * BENCH_SEED (20230211), BENCH_KEEP=1 (keep the database and print its folder).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os, { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openSqlite } from "../src/db/database.ts";
import { migrate } from "../src/db/migrate.ts";
import { bundledRegistry, loadPackFile } from "../src/packs/load.ts";
import { PolicyRegistry } from "../src/policy/registry.ts";
import { type ClaimGroup, simulate } from "../src/policy/simulate.ts";
import { fmt, intEnv, log, median, seconds } from "./common.ts";
import { countClaims, generatePopulation } from "./population.ts";

const ORGS = intEnv("BENCH_ORGS", 43_000);
const RUNS = intEnv("BENCH_RUNS", 3);
const SEED = intEnv("BENCH_SEED", 20230211);
const TARGET_SECONDS = 2;
const MIN_CLAIMS = 200_000;

const QI = fileURLToPath(new URL("../bin/qi.js", import.meta.url));
const DRAFT = fileURLToPath(
  new URL("../test/fixtures/packs/successor-2026b.yaml", import.meta.url),
);

/** JSON with every object's keys sorted: the same figures compare equal in any key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

// ── the decade of claims ────────────────────────────────────────────────────

/** The population with its event dates spread over 2017–2026 (same month and day). */
function decade(): ClaimGroup[] {
  let n = 0;
  return generatePopulation(ORGS, SEED).map((o) => ({
    organization: o.organization,
    claims: o.claims.map((c) => {
      n += 1;
      const year = 2017 + (n % 10);
      const day = c.eventDate.slice(5) === "02-29" ? "02-28" : c.eventDate.slice(5);
      const eventDate = `${year}-${day}`;
      // Submitted ten days after the event, in its order (ties kept by the claim's own instant).
      const at = new Date(Date.parse(`${eventDate}T02:00:00Z`) + 10 * 86_400_000);
      // A case number of its own, as stored (the engine breaks ties of one instant by it).
      return {
        ...c,
        id: `QI-B-${String(n).padStart(7, "0")}`,
        eventDate,
        submittedAt: at.toISOString(),
      };
    }),
  }));
}

async function writeDatabase(dir: string, groups: readonly ClaimGroup[]): Promise<void> {
  const handle = openSqlite(join(dir, "qi.sqlite"));
  await migrate(handle);
  const at = new Date().toISOString();
  let number = 0;
  let org = 0;
  await handle.db.transaction().execute(async (trx) => {
    const orgRows: Record<string, unknown>[] = [];
    const caseRows: Record<string, unknown>[] = [];
    // Organizations before the cases that name them (the foreign key).
    const flush = async (force: boolean) => {
      if (caseRows.length < 500 && !force) return;
      if (orgRows.length > 0)
        await trx
          .insertInto("organizations")
          .values(orgRows.splice(0) as never)
          .execute();
      if (caseRows.length > 0)
        await trx
          .insertInto("applications")
          .values(caseRows.splice(0) as never)
          .execute();
    };
    for (const g of groups) {
      org += 1;
      const id = `org-${org}`;
      orgRows.push({
        id,
        uscc: `B${String(org).padStart(17, "0")}`,
        name: g.organization.name,
        county: g.organization.county,
        kind: "enterprise",
        created_at: at,
        updated_at: at,
        version: 1,
      });
      for (const c of g.claims) {
        number += 1;
        caseRows.push({
          id: `case-${number}`,
          number: c.id,
          organization_id: id,
          county: g.organization.county,
          item: c.item,
          subject: c.subject,
          project: c.project ?? null,
          event_date: c.eventDate,
          facts: JSON.stringify(c.facts),
          state: "submitted",
          submitted_at: c.submittedAt,
          submission_seq: number,
          created_by: "bench",
          created_at: at,
          updated_at: at,
          version: 1,
        });
        await flush(false);
      }
    }
    await flush(true);
  });
  await handle.close();
}

// ── run ─────────────────────────────────────────────────────────────────────

const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
log("what-if benchmark — qi policy simulate (CLI, SQLite) vs the bare engine in memory");
log(`machine: ${cpu}, node ${process.version}`);

const groups = decade();
const claims = countClaims(groups.map((g) => ({ organization: g.organization, claims: g.claims })));
if (claims < MIN_CLAIMS) {
  log(`only ${fmt(claims)} claims: raise BENCH_ORGS to reach ${fmt(MIN_CLAIMS)}`);
  process.exit(1);
}
const years = new Set(groups.flatMap((g) => g.claims.map((c) => c.eventDate.slice(0, 4))));
log(
  `population: ${fmt(groups.length)} organizations, ${fmt(claims)} claims, event years ${[...years].sort().join(", ")}`,
);

const dir = mkdtempSync(join(tmpdir(), "qi-whatif-"));
let exitCode = 0;
try {
  const written = process.hrtime.bigint();
  await writeDatabase(dir, groups);
  log(`database written in ${seconds(written).toFixed(1)} s (${dir}/qi.sqlite)`);

  // The bare engine: the same two decisions of every organization, in memory.
  const baseline = bundledRegistry();
  const draft = PolicyRegistry.asIfGoverning(loadPackFile(DRAFT));
  simulate(baseline, draft, groups.slice(0, 2000));
  const engineTimes: number[] = [];
  let engineResult = simulate(baseline, draft, groups);
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    engineResult = simulate(baseline, draft, groups);
    engineTimes.push(seconds(t));
  }

  // The CLI, end to end.
  const cliTimes: number[] = [];
  let cliResult:
    | { claims: number; deltaYuan: number; baseline: unknown; draft: unknown }
    | undefined;
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [QI, "policy", "simulate", DRAFT, "--json"], {
      encoding: "utf8",
      env: { ...process.env, QI_DATA_DIR: dir, DATABASE_URL: "" },
      maxBuffer: 64 * 1024 * 1024,
    });
    cliTimes.push(seconds(t));
    if (r.status !== 0) {
      log(`qi policy simulate failed (${r.status}): ${r.stderr}`);
      process.exit(1);
    }
    cliResult = JSON.parse(r.stdout.trim().split("\n").at(-1) as string);
  }

  const same =
    cliResult !== undefined &&
    cliResult.claims === engineResult.claims &&
    cliResult.deltaYuan === engineResult.deltaYuan &&
    canonical(cliResult.baseline) === canonical(engineResult.baseline) &&
    canonical(cliResult.draft) === canonical(engineResult.draft);
  if (!same) {
    log("the CLI and the engine disagree on the figures");
    exitCode = 1;
  }

  const cli = median(cliTimes);
  const engine = median(engineTimes);
  log();
  log(`claims decided twice each: ${fmt(claims)}`);
  log(
    `baseline ${fmt(engineResult.baseline.totalYuan)} 元, draft ${fmt(engineResult.draft.totalYuan)} 元, difference ${fmt(engineResult.deltaYuan)} 元`,
  );
  log(
    `bare engine (in memory): median ${engine.toFixed(3)} s of ${RUNS} (${engineTimes.map((t) => t.toFixed(3)).join(", ")}), ${fmt((2 * claims) / engine)} decisions/s`,
  );
  log(
    `qi policy simulate (CLI, SQLite, whole command): median ${cli.toFixed(3)} s of ${RUNS} (${cliTimes.map((t) => t.toFixed(3)).join(", ")})`,
  );
  log(`ratio CLI / bare engine: ${(cli / engine).toFixed(1)}×`);
  log(`target: CLI under ${TARGET_SECONDS} s — ${cli < TARGET_SECONDS ? "met" : "NOT met"}`);
  const summary = {
    bench: "whatif",
    claims,
    organizations: groups.length,
    runs: RUNS,
    cliSeconds: Number(cli.toFixed(3)),
    engineSeconds: Number(engine.toFixed(3)),
    ratio: Number((cli / engine).toFixed(2)),
    targetSeconds: TARGET_SECONDS,
    targetMet: cli < TARGET_SECONDS,
    deltaYuan: engineResult.deltaYuan,
    agree: same,
    machine: cpu,
  };
  mkdirSync(fileURLToPath(new URL("results/", import.meta.url)), { recursive: true });
  writeFileSync(
    fileURLToPath(new URL("results/whatif-latest.json", import.meta.url)),
    `${JSON.stringify({ ...summary, cliTimes, engineTimes }, null, 2)}\n`,
  );
  log(JSON.stringify(summary));
} finally {
  if (process.env.BENCH_KEEP === "1") log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
process.exit(exitCode);
