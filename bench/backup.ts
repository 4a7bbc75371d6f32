/**
 * `npm run bench:backup`: `qi backup` and `qi restore` on a city's years of data, each command in
 * its own process, against a plain copy of the same folder measured in the same run.
 *
 * - The data set: the city data set of `npm run bench:scale` (BENCH_SCALE_DIR, default
 *   qi-city-scale in the system's temporary folder; built by `qi demo --scale city`). It is copied
 *   to a scratch folder first and brought up to date there (`qi migrate`), so the original stays
 *   as bench:scale left it.
 * - Baseline: the database file and the evidence folder copied by a separate node process
 *   (fs.cpSync), the server stopped: the least a backup can cost on this disk. Three copies; the
 *   median is the baseline (the disk's cache makes one copy vary by half).
 * - `qi backup --out FILE --json` while `qi serve` runs on the folder and answers a steady stream
 *   of reads (a signed-out visitor's 公示 list, 2 connections): the online backup's time, its
 *   size, and the reads' p99 before and during it.
 * - `qi restore FILE --json` into a new folder, then `qi verify` on it: times, and whether every
 *   table's count equals the backup's (the restore checks it) and the audit chain and ledger
 *   are whole.
 *
 * The last line of stdout is the JSON summary; details go to bench/results/backup-latest.json.
 */
import { spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type ServerProcess,
  startServerProcess,
  stopServerProcess,
} from "../test/integration/support-crash.ts";

const require = createRequire(import.meta.url);
/** The part of autocannon used here: a fixed-duration run, its totals and latency. */
type Totals = { requests: { total: number }; latency: { p99: number }; non2xx: number };
const autocannon = require("autocannon") as (opts: {
  url: string;
  connections: number;
  duration: number;
}) => Promise<Totals> & { stop(): void };

const DIR = process.env.BENCH_SCALE_DIR || join(os.tmpdir(), "qi-city-scale");
const QI = fileURLToPath(new URL("../bin/qi.js", import.meta.url));
const RESULTS = fileURLToPath(new URL("./results/", import.meta.url));

function log(line: string) {
  process.stderr.write(`${line}\n`);
}

/** A command in its own process, timed from spawn to exit. */
function timed(
  args: readonly string[],
  env: Record<string, string>,
): Promise<{ code: number | null; seconds: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      env: { ...process.env, DATABASE_URL: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.once("error", reject);
    child.once("close", (code) =>
      resolve({ code, seconds: (performance.now() - started) / 1000, stdout, stderr }),
    );
  });
}

function sizeOf(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.size;
  let n = 0;
  for (const e of readdirSync(path, { recursive: true, withFileTypes: true }))
    if (e.isFile()) n += statSync(join(e.parentPath, e.name)).size;
  return n;
}

/** Reads of the 公示 list for `seconds`, or until stopped. */
function reads(url: string, seconds: number) {
  const run = autocannon({
    url: `${url}/api/v1/public/publicity`,
    connections: 2,
    duration: seconds,
  });
  return {
    stop: () => run.stop(),
    done: run.then((r) => ({ requests: r.requests.total, p99Ms: r.latency.p99, non2xx: r.non2xx })),
  };
}

async function main() {
  if (!existsSync(join(DIR, "city-scale.json"))) {
    log(
      `no city data set in ${DIR}: run npm run bench:scale (or qi demo --scale city with QI_DATA_DIR=${DIR}) first`,
    );
    process.exit(2);
  }
  const scratch = mkdtempSync(join(os.tmpdir(), "qi-bench-backup-"));
  const work = join(scratch, "data");
  const restored = join(scratch, "restored");
  const file = join(scratch, "qi.backup");
  let server: ServerProcess | undefined;
  try {
    log(`copying the city data set from ${DIR} …`);
    mkdirSync(work);
    cpSync(join(DIR, "qi.sqlite"), join(work, "qi.sqlite"));
    cpSync(join(DIR, "evidence"), join(work, "evidence"), { recursive: true });
    const migrate = await timed([QI, "migrate"], { QI_DATA_DIR: work });
    if (migrate.code !== 0) throw new Error(`qi migrate: ${migrate.stderr}`);
    const dbBytes = statSync(join(work, "qi.sqlite")).size;
    const filesBytes = sizeOf(join(work, "evidence"));

    log("baseline: a plain copy of the folder, three times (the median counts) …");
    const copies: number[] = [];
    for (let i = 0; i < 3; i++) {
      const run = await timed(
        [
          "-e",
          `const fs=require("node:fs");fs.cpSync(${JSON.stringify(join(work, "qi.sqlite"))},${JSON.stringify(join(scratch, "copy.sqlite"))});fs.cpSync(${JSON.stringify(join(work, "evidence"))},${JSON.stringify(join(scratch, "copy-evidence"))},{recursive:true});`,
        ],
        {},
      );
      if (run.code !== 0) throw new Error(`copy: ${run.stderr}`);
      copies.push(run.seconds);
      rmSync(join(scratch, "copy.sqlite"));
      rmSync(join(scratch, "copy-evidence"), { recursive: true });
    }
    const copy = { seconds: [...copies].sort((a, b) => a - b)[1] as number, runs: copies };

    server = await startServerProcess(
      { QI_DATA_DIR: work },
      undefined,
      join(scratch, "server.log"),
    );
    log("reads before the backup …");
    const before = await reads(server.url, 5).done;
    log("qi backup while the server answers reads …");
    const during = reads(server.url, 600);
    const backup = await timed([QI, "backup", "--out", file, "--json"], { QI_DATA_DIR: work });
    // The reads while the backup ran, and no longer.
    during.stop();
    const readsDuring = await during.done;
    if (backup.code !== 0) throw new Error(`qi backup: ${backup.stderr}`);
    const b = JSON.parse(backup.stdout);
    await stopServerProcess(server);
    server = undefined;

    log("qi restore into a new folder …");
    const restore = await timed([QI, "restore", file, "--json"], { QI_DATA_DIR: restored });
    if (restore.code !== 0) throw new Error(`qi restore: ${restore.stderr}`);
    const r = JSON.parse(restore.stdout);
    log("qi verify on the restored folder …");
    const verify = await timed([QI, "verify"], { QI_DATA_DIR: restored });

    const countsEqual = JSON.stringify(r.counts) === JSON.stringify(b.counts);
    const summary = {
      bench: "backup",
      dataSet: {
        databaseMB: Math.round(dbBytes / 2 ** 20),
        evidenceFiles: b.files,
        evidenceMB: Math.round((filesBytes / 2 ** 20) * 10) / 10,
        applications: b.counts.applications,
        awards: b.counts.awards,
        auditEntries: b.counts.audit_log,
      },
      baselineCopySeconds: round(copy.seconds),
      baselineCopyRuns: copy.runs.map(round),
      backup: {
        seconds: round(backup.seconds),
        insideSeconds: round(b.seconds),
        fileMB: Math.round(b.bytes / 2 ** 20),
        ratioToCopy: round(backup.seconds / copy.seconds),
      },
      readsWhileBackingUp: { before, during: readsDuring },
      restore: {
        seconds: round(restore.seconds),
        insideSeconds: round(r.seconds),
        ratioToCopy: round(restore.seconds / copy.seconds),
        countsEqual,
      },
      verify: {
        seconds: round(verify.seconds),
        clean: verify.code === 0,
        output: verify.stdout.trim(),
      },
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, node ${process.version}`,
    };
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, "backup-latest.json"), `${JSON.stringify(summary, null, 2)}\n`);
    log(
      `backup ${summary.backup.seconds} s (${summary.backup.ratioToCopy}× a plain copy of ${summary.baselineCopySeconds} s), ${summary.backup.fileMB} MB; restore ${summary.restore.seconds} s (${summary.restore.ratioToCopy}×); counts equal: ${countsEqual}; verify clean: ${summary.verify.clean}`,
    );
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } finally {
    await stopServerProcess(server);
    rmSync(scratch, { recursive: true, force: true });
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;

await main();
