import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { closeSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { setBudget } from "../../src/budgets/budgets.ts";
import { beijingToday } from "../../src/clock.ts";
import type { Context } from "../../src/context.ts";
import type { DB } from "../../src/db/database.ts";
import { mulberry32 } from "../../src/demo/random.ts";
import type { County } from "../../src/organizations/counties.ts";
import { createOrganization } from "../../src/organizations/organizations.ts";
import { bundledRegistry } from "../../src/packs/load.ts";
import { createUser } from "../../src/users/create-user.ts";
import { QI_BIN } from "../helpers/cli.ts";
import { PASSWORD, uscc } from "../helpers/world.ts";

/**
 * Shared by the money tests (contention, crash safety) and `bench/ledger.ts`: a seeded PRNG,
 * direct seeding of cases that wait for their award, and the real `qi` in child processes
 * (`qi serve` waited for by its health check, `qi payments pay` killed at a chosen point).
 * No vitest here, so the benchmark can import it.
 */

// ── a seeded PRNG ─────────────────────────────────────────────────────────────────────────────

/** A seeded PRNG returning floats in [0, 1): the demo's mulberry32. */
export const prng = mulberry32;

/** An integer in [min, max] from `random`. */
export function intIn(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function shuffle<T>(random: () => number, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

// ── seeding ───────────────────────────────────────────────────────────────────────────────────

export interface SeedOrganization {
  readonly id: string;
  readonly county: string;
}

/** `n` more enterprises in `county`, through the domain (USCCs from `firstUscc` on). */
export async function moreOrganizations(
  ctx: Context,
  county: County,
  n: number,
  firstUscc: number,
): Promise<SeedOrganization[]> {
  const out: SeedOrganization[] = [];
  for (let i = 0; i < n; i++) {
    const org = await createOrganization(ctx, null, {
      uscc: uscc(firstUscc + i),
      name: `种子企业 ${firstUscc + i}（${county}）`,
      county,
      kind: "enterprise",
      contactName: "王五",
      contactPhone: "0576-85550099",
      bankName: "台州银行",
      bankAccount: `62300000${String(firstUscc + i).padStart(8, "0")}`,
    });
    out.push({ id: org.id, county });
  }
  return out;
}

/**
 * What awarding through the API needs: a city official (`username`, `password` or the tests' one),
 * `organizations` enterprises in 椒江区 (USCCs from `firstUscc` on) and this year's city budget of
 * `budget` yuan. Returns the enterprises.
 */
export async function seedAwarding(
  ctx: Context,
  options: {
    username: string;
    displayName: string;
    organizations: number;
    firstUscc: number;
    budget: number;
    password?: string;
  },
): Promise<SeedOrganization[]> {
  await createUser(ctx, null, {
    username: options.username,
    displayName: options.displayName,
    role: "city_official",
    password: options.password ?? PASSWORD,
  });
  const orgs = await moreOrganizations(ctx, "椒江区", options.organizations, options.firstUscc);
  const year = Number(beijingToday(ctx).slice(0, 4));
  await setBudget(ctx, null, { year, source: "city", total: options.budget }, randomUUID());
  return orgs;
}

export interface SeedCase {
  readonly organization: SeedOrganization;
  readonly amount: number;
}

export interface SeededBatch {
  readonly batchId: string;
  /** Application ids, in the order of `cases`. */
  readonly ids: string[];
}

const isoDate = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * Puts `cases` straight into the database as approved cases in one publicity batch whose period
 * ended ten days ago — what `approve` and `POST /api/v1/publicity` would have left behind, minus
 * the grants (the award does not read them). SQL only to seed quickly; the awards themselves go
 * through the product (the API, or `closePublicity`). `fundingSource` is what the engine named:
 * "city" (the city's fund) or "county" (the organization's county budget).
 *
 * The batch is left "open", as a batch whose period ended waits for the scheduled close; note
 * that `qi serve` closes such batches when it starts.
 */
export async function seedAwardableCases(
  db: DB,
  cases: readonly SeedCase[],
  fundingSource: "city" | "county",
  tag = randomUUID().slice(0, 8),
): Promise<SeededBatch> {
  const now = Date.now();
  const at = new Date(now).toISOString();
  const policyId = bundledRegistry().packs[0]?.id ?? null;
  const batchId = randomUUID();
  const ids = cases.map(() => randomUUID());
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("publicity_batches")
      .values({
        id: batchId,
        number: `GS-SEED-${tag}`,
        title: `种子公示 ${tag}`,
        start_date: isoDate(now - 16 * 86400_000),
        working_days: 5,
        end_date: isoDate(now - 10 * 86400_000),
        state: "open",
        created_by: "seed",
        created_at: at,
        closed_at: null,
        version: 1,
      })
      .execute();
    const CHUNK = 200;
    for (let start = 0; start < cases.length; start += CHUNK) {
      const slice = cases.slice(start, start + CHUNK);
      await trx
        .insertInto("applications")
        .values(
          slice.map((c, j) => {
            const i = start + j;
            return {
              id: ids[i] as string,
              number: `SQ-${tag}-${String(i + 1).padStart(5, "0")}`,
              organization_id: c.organization.id,
              county: c.organization.county,
              item: "1.2.a",
              subject: `种子申报对象 ${tag}-${i + 1}`,
              project: null,
              event_date: "2024-05-01",
              facts: "{}",
              state: "publicity",
              submitted_at: at,
              submission_seq: null,
              policy_id: policyId,
              expected_amount: c.amount,
              funding_source: fundingSource,
              last_comment: null,
              created_by: "seed",
              created_at: at,
              updated_at: at,
              version: 7,
            };
          }),
        )
        .execute();
      await trx
        .insertInto("publicity_entries")
        .values(
          slice.map((c, j) => ({
            batch_id: batchId,
            application_id: ids[start + j] as string,
            amount: c.amount,
            funding_source: fundingSource,
            outcome: null,
            note: null,
            version: 1,
          })),
        )
        .execute();
    }
  });
  return { batchId, ids };
}

// ── the real `qi` in child processes ─────────────────────────────────────────────────────────

/** The environment that points `qi` at a database: QI_DATA_DIR, and DATABASE_URL for PostgreSQL. */
export function qiEnv(dataDir: string, url: string | undefined): Record<string, string> {
  return { QI_DATA_DIR: dataDir, DATABASE_URL: url ?? "" };
}

export interface QiRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

function spawnQi(args: readonly string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [QI_BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Runs `qi …` to its end (killed after `timeoutMs`). */
export function runQiAsync(
  args: readonly string[],
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<QiRun> {
  return new Promise((resolve, reject) => {
    const child = spawnQi(args, env);
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr?.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("error", reject);
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** When to SIGKILL a running `qi payments pay`. */
export type KillPlan =
  /** as soon as the `acks`-th `ack` line has been read */
  | { readonly kind: "acks"; readonly acks: number }
  /** `ms` after the process was started (it may still be starting) */
  | { readonly kind: "delay"; readonly ms: number }
  /** `ms` after the first `ack` line: the batch is being recorded, a transaction likely open */
  | { readonly kind: "afterFirstAck"; readonly ms: number };

export interface PayRun extends QiRun {
  /** Line ids the process acknowledged (`ack <id>`), in order. */
  readonly acked: string[];
  /** True when our SIGKILL ended it (false: it had finished first). */
  readonly killed: boolean;
}

const ackedIn = (stdout: string): string[] =>
  stdout
    .split("\n")
    .filter((l) => l.startsWith("ack "))
    .map((l) => l.slice(4).trim());

/** `qi payments pay <batch> --date <date>`, killed with SIGKILL as `plan` says (if given). */
export function payBatch(
  batch: string,
  date: string,
  env: Record<string, string>,
  plan?: KillPlan,
): Promise<PayRun> {
  return new Promise((resolve, reject) => {
    const child = spawnQi(["payments", "pay", batch, "--date", date], env);
    let stdout = "";
    let stderr = "";
    let sentKill = false;
    const kill = () => {
      if (!sentKill && child.exitCode === null && child.signalCode === null) {
        sentKill = true;
        child.kill("SIGKILL");
      }
    };
    const timers: NodeJS.Timeout[] = [setTimeout(kill, 120_000)];
    if (plan?.kind === "delay") timers.push(setTimeout(kill, plan.ms));
    if (plan?.kind === "acks" && plan.acks <= 0) kill();
    child.stdout?.on("data", (d: Buffer) => {
      const first = !stdout.includes("ack ");
      stdout += d.toString();
      if (plan?.kind === "acks") {
        // Count complete lines only: a line is written whole (a pipe write of a few bytes is atomic).
        const complete = stdout.slice(0, stdout.lastIndexOf("\n") + 1);
        if (ackedIn(complete).length >= plan.acks) kill();
      } else if (plan?.kind === "afterFirstAck" && first && stdout.includes("ack ")) {
        if (plan.ms <= 0) kill();
        else timers.push(setTimeout(kill, plan.ms));
      }
    });
    child.stderr?.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.once("error", reject);
    // "close": the process is gone and its pipes are drained — every ack it wrote is read.
    child.once("close", (code, signal) => {
      for (const t of timers) clearTimeout(t);
      resolve({
        code,
        signal,
        stdout,
        stderr,
        acked: ackedIn(stdout.slice(0, stdout.lastIndexOf("\n") + 1)),
        killed: sentKill && signal === "SIGKILL",
      });
    });
  });
}

// ── `qi serve` in a child process ────────────────────────────────────────────────────────────

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  output(): string;
}

/**
 * Starts `qi serve` (or `command`) in a child process on a free port and waits for its health
 * check. Its output is kept in memory, or — with `logFile`, as a server's log would be — written
 * to that file (a busy parent then never holds the server up by reading a pipe late).
 */
export async function startServerProcess(
  env: Record<string, string>,
  command: readonly string[] = [QI_BIN, "serve"],
  logFile?: string,
): Promise<ServerProcess> {
  const port = await freePort();
  const log = logFile === undefined ? undefined : openSync(logFile, "a");
  const child = spawn(process.execPath, [...command], {
    env: { ...process.env, DATABASE_URL: "", ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", log ?? "pipe", log ?? "pipe"],
  });
  if (log !== undefined) closeSync(log);
  let kept = "";
  const keep = (d: Buffer) => {
    kept += d.toString();
    if (kept.length > 200_000) kept = kept.slice(-100_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const output = () =>
    logFile === undefined ? kept : readFileSync(logFile, "utf8").slice(-100_000);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output()}`);
    try {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not become healthy: ${output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, child, output };
}

export async function stopServerProcess(p: ServerProcess | undefined): Promise<void> {
  if (!p || p.child.exitCode !== null || p.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => p.child.once("exit", () => resolve()));
  p.child.kill("SIGTERM");
  const timer = setTimeout(() => p.child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}
