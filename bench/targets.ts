/**
 * `npm run bench:targets`: the leaders' dashboard — `GET /api/v1/targets`, the progress of every
 * 2025 target (二、总体目标) — through the real server, against a plain-SQL baseline.
 *
 * - The product (`qi serve`) runs in its own child process on a SQLite file in a temp
 *   QI_DATA_DIR — and, when BENCH_DATABASE_URL or TEST_DATABASE_URL names a PostgreSQL server,
 *   again on a fresh database created there (and dropped after).
 * - Seeded with SQL after the migrations, from a seeded PRNG: BENCH_ORGS (5,000) organizations
 *   in the ten counties, BENCH_AWARDS (20,000) live awards (reserved or paid) over the items the
 *   targets count and other items, each with its application and organization, event dates
 *   2023-02-11..2025-12-31, with duplicates (the same organization twice for the targets counted
 *   by organization, the same subject — standard number, project, committee — twice, in either
 *   letter case, for those counted by subject), plus a few per cent of cancelled or reversed
 *   awards that must not count; BENCH_RECORDS (2,000) target records (some ended, some
 *   withdrawn); baselines by county (with corrections, later baseline dates in two counties and
 *   全市 rows); values of the two manual targets. A city official to sign in as.
 * - Load: autocannon, BENCH_CONNECTIONS (20) connections, each request `GET /api/v1/targets`
 *   with the session cookie (GETs need no CSRF token); BENCH_AS_OF (optional) adds `?asOf=`. A
 *   warm-up of BENCH_WARMUP_SECONDS (3), the server drained after it (one more request, answered
 *   after those already sent), gives the rate; the measured load is then as many requests as that
 *   rate answers in BENCH_SECONDS (10), at least two per connection, every one answered within
 *   the run: requests/s = requests / (start → last response). (A fixed window would cut off the
 *   requests in flight at its end — and a server that answers its concurrent requests in waves,
 *   like the product on SQLite, would get a wave or none counted.) The server process's CPU time
 *   per request (from /proc) is reported too: it is steadier than requests/s when the machine is
 *   shared, and on PostgreSQL it leaves out the database server's work.
 * - The baseline (bench/targets-baseline.ts, its own process, same load, same database): a
 *   minimal Fastify server answering the same question with plain SQL. Before timing, each
 *   target's city value, status and county values must be the same in both answers — the run
 *   fails loudly otherwise — and again after the load.
 * - ratio = ours / baseline (requests/s), per database.
 *
 * BENCH_CPU_PROF=<dir> runs the product's server with `--cpu-prof` into that folder;
 * BENCH_KEEP=1 keeps the SQLite data folder (its path is printed).
 *
 * The last line of stdout is the JSON summary; details go to bench/results/targets-latest.json.
 * Everything runs on this machine over loopback: the load generator, the servers and the
 * database share its CPUs.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Insertable, sql } from "kysely";
import pg from "pg";
import { subjectKey } from "../src/applications/application-input.ts";
import type { Context } from "../src/context.ts";
import { type DatabaseHandle, type DB, openPostgres, openSqlite } from "../src/db/database.ts";
import { migrate } from "../src/db/migrate.ts";
import type { Database } from "../src/db/schema.ts";
import { COUNTIES } from "../src/organizations/counties.ts";
import { usccCheckCharacter } from "../src/organizations/uscc.ts";
import { bundledRegistry } from "../src/packs/load.ts";
import { createUser } from "../src/users/create-user.ts";
import { QI_BIN } from "../test/helpers/cli.ts";
import {
  intIn,
  prng,
  qiEnv,
  type ServerProcess,
  startServerProcess,
  stopServerProcess,
} from "../test/integration/support-crash.ts";

// ── autocannon (no bundled types: the part used here) ──────────────────────────────────────────

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
type CannonRun = PromiseLike<CannonResult> & {
  on(event: "response", listener: (client: unknown, status: number) => void): void;
};
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration?: number;
  amount?: number;
  timeout?: number;
  headers?: Record<string, string>;
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

const AWARDS = intEnv("BENCH_AWARDS", 20_000);
const ORGS = intEnv("BENCH_ORGS", 5_000);
const RECORDS = intEnv("BENCH_RECORDS", 2_000);
const CONNECTIONS = intEnv("BENCH_CONNECTIONS", 20);
const SECONDS = intEnv("BENCH_SECONDS", 10);
const WARMUP_SECONDS = intEnv("BENCH_WARMUP_SECONDS", 3);
const SEED = intEnv("BENCH_SEED", 20251231);
const AS_OF = process.env.BENCH_AS_OF ?? "";
if (AS_OF && !/^\d{4}-\d{2}-\d{2}$/.test(AS_OF)) throw new Error("BENCH_AS_OF must be YYYY-MM-DD");
const CPU_PROF = process.env.BENCH_CPU_PROF ?? "";
const KEEP = process.env.BENCH_KEEP === "1";
const PG_URL = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || "";
const PASSWORD = "Bench-Password-2025";
const PATH = `/api/v1/targets${AS_OF ? `?asOf=${AS_OF}` : ""}`;

const log = (line = ""): void => {
  process.stdout.write(`${line}\n`);
};
const fmt = (n: number): string => Math.round(n).toLocaleString("en-US");
const round1 = (n: number): number => Math.round(n * 10) / 10;

// ── the seed ──────────────────────────────────────────────────────────────────────────────────

const registry = bundledRegistry();
const pack = (() => {
  const packs = registry.packs.filter((p) => p.targets.length > 0);
  const last = packs[packs.length - 1];
  if (!last) throw new Error("no pack sets targets");
  return last;
})();

/** Relative frequency of the items the targets count, among the awards of those items. */
const COUNTED_WEIGHTS: Record<string, number> = {
  "1.1.d": 1,
  "1.1.e": 1,
  "1.1.f": 4,
  "1.1.g": 20,
  "1.1.h": 8,
  "2.1.a": 6,
  "2.1.d": 12,
  "2.2.a": 2,
  "2.4.b": 1,
  "2.4.c": 1,
  "2.4.f": 1,
  "2.4.g": 1,
  "3.2.f": 2,
};
/** Share of the live awards that are of a counted item (the rest: the policy's other items). */
const COUNTED_SHARE = 0.65;
const COUNTED_ITEMS = Object.keys(COUNTED_WEIGHTS);
{
  const inTargets = new Set(
    pack.targets.flatMap((t) => (t.counting.kind === "distinct" ? t.counting.items : [])),
  );
  const mine = new Set(COUNTED_ITEMS);
  if (inTargets.size !== mine.size || [...inTargets].some((i) => !mine.has(i)))
    throw new Error(`the pack's counted items changed: ${[...inTargets].join(", ")}`);
}
const OTHER_ITEMS = pack.itemList
  .filter((i) => i.kind === "fixed" && !COUNTED_WEIGHTS[i.id])
  .map((i) => i.id);
const COUNTY_WEIGHTS = [17, 13, 12, 14, 16, 10, 6, 5, 3, 4];
/** Two counties whose baselines were taken later: their earlier contributions do not count. */
const LATE_BASELINE_COUNTIES = new Set(["玉环市", "三门县"]);

const DAY_MS = 86_400_000;
const FIRST_EVENT = Date.UTC(2023, 1, 11);
const LAST_EVENT = Date.UTC(2025, 11, 31);
const civil = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The subject's key as the product folds it must be its ASCII upper case (what SQL compares). */
function checkedSubject(subject: string): string {
  const ascii = subject.replace(/[a-z]/g, (c) => c.toUpperCase());
  if (subjectKey(subject) !== ascii || subject.trim() !== subject)
    throw new Error(`seed subject folds differently in SQL: ${subject}`);
  return subject;
}

interface SeedOrg {
  readonly id: string;
  readonly uscc: string;
  readonly name: string;
  readonly county: string;
}

interface SeedStats {
  organizations: number;
  liveAwards: number;
  deadAwards: number;
  awardsByItem: Record<string, number>;
  records: number;
  withdrawnRecords: number;
  endedRecords: number;
  baselines: number;
  values: number;
  /** Per distinct target: contributions (live awards + live records) and their distinct keys. */
  keys: Record<string, { contributions: number; distinctKeys: number }>;
  seconds: number;
}

async function insertChunks<T>(
  rows: readonly T[],
  size: number,
  put: (chunk: T[]) => Promise<unknown>,
) {
  for (let i = 0; i < rows.length; i += size) await put(rows.slice(i, i + size));
}

async function seed(db: DB): Promise<SeedStats> {
  const started = performance.now();
  const random = prng(SEED);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const weighted = <T>(xs: readonly T[], weights: readonly number[]): T => {
    const total = weights.reduce((s, w) => s + w, 0);
    let r = random() * total;
    for (const [i, x] of xs.entries()) {
      r -= weights[i] ?? 0;
      if (r < 0) return x;
    }
    return xs[xs.length - 1] as T;
  };
  const at = new Date().toISOString();
  const eventDate = () =>
    civil(FIRST_EVENT + intIn(random, 0, (LAST_EVENT - FIRST_EVENT) / DAY_MS) * DAY_MS);
  // Ids from the PRNG too: a record's id breaks ties between same-day contributions of a key.
  const hex = (n: number) =>
    Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join("");
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
  const lowerSometimes = (s: string) =>
    random() < 0.1 ? s.replace(/[A-Z]/g, (c) => c.toLowerCase()) : s;

  // Organizations.
  const orgs: SeedOrg[] = [];
  for (let i = 0; i < ORGS; i++) {
    const county = weighted(COUNTIES, COUNTY_WEIGHTS);
    const body = `91331000MA${String(i + 1).padStart(7, "0")}`;
    orgs.push({
      id: uuid(),
      uscc: body + usccCheckCharacter(body),
      name: `台州${county}种子企业${i + 1}有限公司`,
      county,
    });
  }

  // Subject pools: the same standard number, project or committee comes up more than once.
  const countedTotal = Math.round(AWARDS * COUNTED_SHARE);
  const weightSum = Object.values(COUNTED_WEIGHTS).reduce((s, w) => s + w, 0);
  const poolSize = (items: string[]) =>
    Math.max(
      2,
      Math.round(
        (0.8 * countedTotal * items.reduce((s, i) => s + (COUNTED_WEIGHTS[i] ?? 0), 0)) / weightSum,
      ),
    );
  const pool = (items: string[], make: (n: number) => string) =>
    Array.from({ length: poolSize(items) }, (_, n) => checkedSubject(make(n + 1)));
  const year = (n: number) => 2023 + (n % 3);
  const pools: Record<string, string[]> = {};
  pools["2.1.a"] = pool(["2.1.a"], (n) => `GB/T ${30000 + n}-${year(n)}`);
  pools["2.1.d"] = pool(["2.1.d"], (n) => `T/ZZB ${1000 + n}-${year(n)}`);
  pools["2.2.a"] = pool(["2.2.a"], (n) => `国家级标准化试点示范项目 NSP-${year(n)}-${n}`);
  pools["2.4.b"] = pool(["2.4.b", "2.4.c"], (n) => `浙江省标准创新贡献奖 ZSI-${year(n)}-${n}`);
  pools["2.4.c"] = pools["2.4.b"];
  pools["2.4.f"] = pool(["2.4.f", "2.4.g"], (n) => `SAC/TC ${100 + n}/SC ${1 + (n % 9)} 秘书处`);
  pools["2.4.g"] = pools["2.4.f"];
  pools["3.2.f"] = pool(["3.2.f"], (n) => `特色产业质量基础设施一站式服务平台 YZS-${n}`);
  const byOrganization = new Set(["1.1.d", "1.1.e", "1.1.f", "1.1.g", "1.1.h"]);
  const orgSubject: Record<string, (n: number, date: string) => string> = {
    "1.1.d": (_, d) => `浙江省政府质量奖 ${d.slice(0, 4)}`,
    "1.1.e": (_, d) => `浙江省政府质量管理创新奖 ${d.slice(0, 4)}`,
    "1.1.f": (_, d) => `台州市政府质量奖 ${d.slice(0, 4)}`,
    "1.1.g": (n, d) => `品字标认证证书 ZJM-${d.slice(0, 4)}-${String(n).padStart(6, "0")}`,
    "1.1.h": (n, d) => `品字标自我声明 ZJZ-${d.slice(0, 4)}-${String(n).padStart(6, "0")}`,
  };
  const targetOf = new Map<string, string>();
  for (const t of pack.targets)
    if (t.counting.kind === "distinct") for (const i of t.counting.items) targetOf.set(i, t.id);
  /** Organizations already awarded under each organization-counted target: some come back. */
  const awardedOrgs = new Map<string, SeedOrg[]>();

  // Awards, each with its application. A few per cent more are cancelled or reversed.
  const dead = Math.round(AWARDS * 0.03);
  const applications: Insertable<Database["applications"]>[] = [];
  const awards: Insertable<Database["awards"]>[] = [];
  const awardsByItem: Record<string, number> = {};
  const keysOf = new Map<string, string[]>();
  const addKey = (target: string | undefined, key: string) => {
    if (!target) return;
    const ks = keysOf.get(target) ?? [];
    ks.push(key);
    keysOf.set(target, ks);
  };
  for (let i = 0; i < AWARDS + dead; i++) {
    const live = i < AWARDS;
    const counted = random() < COUNTED_SHARE;
    const item = counted
      ? weighted(COUNTED_ITEMS, Object.values(COUNTED_WEIGHTS))
      : pick(OTHER_ITEMS);
    const date = eventDate();
    const target = targetOf.get(item);
    let org: SeedOrg;
    let subject: string;
    if (byOrganization.has(item) && target) {
      const before = awardedOrgs.get(target) ?? [];
      org = before.length > 0 && random() < 0.15 ? pick(before) : pick(orgs);
      before.push(org);
      awardedOrgs.set(target, before);
      subject = checkedSubject(orgSubject[item]?.(i + 1, date) ?? `${item} ${i + 1}`);
      if (live) addKey(target, org.uscc);
    } else if (pools[item]) {
      org = pick(orgs);
      subject = checkedSubject(lowerSometimes(pick(pools[item] as string[])));
      if (live) addKey(target, subjectKey(subject));
    } else {
      org = pick(orgs);
      subject = checkedSubject(`${item} 申报对象 ${i + 1}`);
    }
    if (live) awardsByItem[item] = (awardsByItem[item] ?? 0) + 1;
    const appId = uuid();
    const awardedMs = Date.parse(`${date}T00:00:00Z`) + intIn(random, 30, 120) * DAY_MS;
    const awardedOn = civil(awardedMs);
    const awardYear = Number(awardedOn.slice(0, 4));
    const amount = intIn(random, 1, 50) * 10_000;
    const state = live
      ? random() < 0.7
        ? "paid"
        : "reserved"
      : random() < 0.5
        ? "cancelled"
        : "reversed";
    applications.push({
      id: appId,
      number: `SQ-BENCH-${String(i + 1).padStart(6, "0")}`,
      organization_id: org.id,
      county: org.county,
      item,
      subject,
      project: null,
      event_date: date,
      facts: "{}",
      state: live ? "awarded" : "rejected",
      submitted_at: `${date}T02:00:00.000Z`,
      submission_seq: null,
      policy_id: pack.id,
      expected_amount: amount,
      funding_source: "city",
      last_comment: null,
      created_by: "seed",
      created_at: at,
      updated_at: at,
      version: 7,
    });
    awards.push({
      id: uuid(),
      number: `JL-${awardYear}-${String(i + 1).padStart(6, "0")}`,
      application_id: appId,
      organization_id: org.id,
      item,
      clause: pack.items.get(item)?.clause ?? "",
      amount,
      year: awardYear,
      source: "city",
      state,
      awarded_on: awardedOn,
      paid_on: state === "paid" || state === "reversed" ? awardedOn : null,
      reversal_reason: live ? null : "基准测试：撤销",
      created_at: at,
      version: 1,
      policy_id: pack.id,
      supporting: 0,
      county: org.county,
    });
  }

  // Target records: county quality awards, 品字标 certificates (some ended), standards,
  // platforms, secretariats; a record already live under a target comes again withdrawn.
  const recordMix: [string, number][] = [
    ["government-quality-award-orgs", 50],
    ["pinzibiao-enterprises", 20],
    ["zhejiang-made-standards", 10],
    ["national-standards-led", 5],
    ["one-stop-platforms", 8],
    ["national-standardization-pilots", 3],
    ["provincial-standard-innovation-awards", 2],
    ["new-tc-sc-secretariats", 2],
  ];
  const recordPools: Record<string, string[]> = {
    "zhejiang-made-standards": pools["2.1.d"] as string[],
    "national-standards-led": pools["2.1.a"] as string[],
    "one-stop-platforms": pools["3.2.f"] as string[],
    "national-standardization-pilots": pools["2.2.a"] as string[],
    "provincial-standard-innovation-awards": pools["2.4.b"] as string[],
    "new-tc-sc-secretariats": pools["2.4.f"] as string[],
  };
  const liveRecordKeys = new Set<string>();
  const records: Insertable<Database["target_records"]>[] = [];
  let withdrawnRecords = 0;
  let endedRecords = 0;
  for (let i = 0; i < RECORDS; i++) {
    const targetId = weighted(
      recordMix.map(([t]) => t),
      recordMix.map(([, w]) => w),
    );
    const date = eventDate();
    const org = pick(orgs);
    const byOrg =
      targetId === "government-quality-award-orgs" || targetId === "pinzibiao-enterprises";
    const subject = checkedSubject(
      byOrg
        ? targetId === "pinzibiao-enterprises"
          ? `品字标认证证书 ZJM-R-${String(i + 1).padStart(6, "0")}`
          : `${org.county}政府质量奖 ${date.slice(0, 4)} R${i + 1}`
        : lowerSometimes(pick(recordPools[targetId] as string[])),
    );
    const key = subjectKey(subject);
    const withdrawn = liveRecordKeys.has(`${targetId}\u0000${key}`) || random() < 0.03;
    const ended =
      targetId === "pinzibiao-enterprises" && random() < 0.15
        ? civil(Date.parse(`${date}T00:00:00Z`) + intIn(random, 30, 900) * DAY_MS)
        : null;
    if (withdrawn) withdrawnRecords++;
    else {
      liveRecordKeys.add(`${targetId}\u0000${key}`);
      addKey(targetId, byOrg ? org.uscc : key);
    }
    if (ended) endedRecords++;
    records.push({
      id: uuid(),
      target_id: targetId,
      county: byOrg ? org.county : pick(COUNTIES),
      organization_name: org.name,
      uscc: byOrg || random() < 0.5 ? org.uscc : null,
      subject,
      subject_key: key,
      event_date: date,
      ended_on: ended,
      source: "基准测试登记",
      note: null,
      created_by: "seed",
      created_at: at,
      withdrawn_at: withdrawn ? at : null,
      withdrawn_by: withdrawn ? "seed" : null,
      withdrawn_reason: withdrawn ? "重复登记" : null,
    });
  }

  // Baselines: a city total split over the counties (two of them taken later), a correction,
  // a 全市 row for what is not attributed to a county, and 全市-only baselines.
  const baselineTotals: Record<string, number> = {
    "pinzibiao-enterprises": 300,
    "government-quality-award-orgs": 262,
    "national-standards-led": 29,
    "zhejiang-made-standards": 141,
    "national-standardization-pilots": 8,
    "one-stop-platforms": 10,
  };
  const baselines: Insertable<Database["target_baselines"]>[] = [];
  let seq = 0;
  const baseline = (targetId: string, county: string, value: string, asOf: string) =>
    baselines.push({
      id: uuid(),
      seq: ++seq,
      target_id: targetId,
      county,
      value,
      as_of: asOf,
      source: "2022 年度全市质量工作统计（基准测试）",
      note: null,
      created_by: "seed",
      created_at: at,
    });
  const weightTotal = COUNTY_WEIGHTS.reduce((s, w) => s + w, 0);
  for (const [targetId, total] of Object.entries(baselineTotals))
    for (const [i, county] of COUNTIES.entries())
      baseline(
        targetId,
        county,
        String(Math.floor((total * (COUNTY_WEIGHTS[i] ?? 0)) / weightTotal)),
        LATE_BASELINE_COUNTIES.has(county) ? "2023-06-30" : "2023-02-10",
      );
  baseline("pinzibiao-enterprises", "椒江区", "54", "2023-03-31");
  baseline("pinzibiao-enterprises", "全市", "5", "2023-02-10");
  baseline("provincial-quality-award-orgs", "全市", "4", "2023-02-10");
  baseline("provincial-standard-innovation-awards", "全市", "1", "2023-02-10");

  // The two manual targets: one value a year, a county's value, a correction of 2025.
  const values: Insertable<Database["target_values"]>[] = [];
  let valueSeq = 0;
  const value = (targetId: string, county: string, v: string, y: number) =>
    values.push({
      id: uuid(),
      seq: ++valueSeq,
      target_id: targetId,
      county,
      value: v,
      period_start: `${y}-01-01`,
      period_end: `${y}-12-31`,
      source: "年度监测通报（基准测试）",
      note: null,
      created_by: "seed",
      created_at: at,
    });
  for (const [i, v] of ["99.62", "99.71", "99.58"].entries())
    value("essential-drug-pass-rate", "全市", v, 2023 + i);
  for (const [i, v] of ["98.1", "98", "98.4"].entries())
    value("farm-produce-pass-rate", "全市", v, 2023 + i);
  value("essential-drug-pass-rate", "椒江区", "99.8", 2024);
  value("farm-produce-pass-rate", "全市", "98.35", 2025);

  await db.transaction().execute(async (trx) => {
    await insertChunks(orgs, 500, (chunk) =>
      trx
        .insertInto("organizations")
        .values(
          chunk.map((o) => ({
            id: o.id,
            uscc: o.uscc,
            name: o.name,
            county: o.county,
            kind: "enterprise",
            contact_name: "王五",
            contact_phone: "0576-85550099",
            bank_name: "台州银行",
            bank_account: `623000${o.uscc.slice(10, 17)}`,
            uscc_override_by: null,
            uscc_override_reason: null,
            version: 1,
            created_at: at,
            updated_at: at,
          })),
        )
        .execute(),
    );
    await insertChunks(applications, 500, (chunk) =>
      trx.insertInto("applications").values(chunk).execute(),
    );
    await insertChunks(awards, 500, (chunk) => trx.insertInto("awards").values(chunk).execute());
    await insertChunks(records, 500, (chunk) =>
      trx.insertInto("target_records").values(chunk).execute(),
    );
    await trx.insertInto("target_baselines").values(baselines).execute();
    await trx.insertInto("target_values").values(values).execute();
  });

  const keys: SeedStats["keys"] = {};
  for (const [t, ks] of keysOf)
    keys[t] = { contributions: ks.length, distinctKeys: new Set(ks).size };
  return {
    organizations: orgs.length,
    liveAwards: AWARDS,
    deadAwards: dead,
    awardsByItem,
    records: records.length,
    withdrawnRecords,
    endedRecords,
    baselines: baselines.length,
    values: values.length,
    keys,
    seconds: round1((performance.now() - started) / 1000),
  };
}

// ── one load ──────────────────────────────────────────────────────────────────────────────────

interface Load {
  readonly requestsPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly seconds: number;
  readonly ok: number;
  readonly failed: number;
  readonly statusCodes: Record<string, number>;
  /**
   * The server process's CPU time (user + system) per request it answered, the drained ones
   * included — less disturbed than requests/s by other work on a shared machine. On PostgreSQL
   * it leaves out the database server's own CPU.
   */
  readonly serverCpuMsPerRequest: number | null;
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU time (ms) used so far by process `pid`, from /proc (null elsewhere). */
function cpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields 14 and 15 of stat (utime, stime): 12 and 13 after the command's closing bracket.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/**
 * `GET PATH` with the cookie over CONNECTIONS connections, and the server drained after.
 *
 * - `{ seconds }` (the warm-up): for that long. autocannon stops on time and drops its
 *   connections, but the server still answers the requests already sent — without the drain the
 *   next load would pay for them. One more request, queued behind them, tells when they are done.
 *   The rate is then (requests sent + 1) / (start → drained).
 * - `{ amount }` (the measured load): exactly that many requests, every one answered within the
 *   run, so nothing is cut off at the end: a server that shares itself among all the requests in
 *   flight (a SQLite server whose handlers interleave on one connection) answers them in waves,
 *   and a fixed window would count a wave or none. The rate is amount / (start → last response).
 */
async function drive(
  server: ServerProcess,
  cookie: string,
  run: { seconds: number } | { amount: number },
): Promise<Load> {
  const cpuBefore = cpuMs(server.child.pid);
  const start = performance.now();
  let last = start;
  const cannon = autocannon({
    url: `${server.url}${PATH}`,
    connections: CONNECTIONS,
    ...("amount" in run ? { amount: run.amount } : { duration: run.seconds }),
    timeout: 120,
    headers: { cookie },
  });
  cannon.on("response", () => {
    last = performance.now();
  });
  const result = await cannon;
  let answered = result["2xx"];
  if ("seconds" in run) {
    await fetch(`${server.url}${PATH}`, { headers: { cookie } }).then((r) => r.arrayBuffer());
    last = performance.now();
    answered = ((result.requests as { sent?: number }).sent ?? answered) + 1;
  }
  const cpuAfter = cpuMs(server.child.pid);
  const elapsed = (last - start) / 1000;
  return {
    requestsPerSec: Math.round((answered / elapsed) * 10) / 10,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    seconds: Math.round(elapsed * 1000) / 1000,
    ok: result["2xx"],
    failed: result.non2xx + result.errors + result.timeouts,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([k, v]) => [k, v.count]),
    ),
    serverCpuMsPerRequest:
      cpuBefore === null || cpuAfter === null
        ? null
        : Math.round(((cpuAfter - cpuBefore) / answered) * 10) / 10,
  };
}

/** Requests for a measured load of about SECONDS at the warm-up's rate (two per connection at least). */
const amountFor = (warmup: Load) =>
  Math.max(2 * CONNECTIONS, Math.round(warmup.requestsPerSec * SECONDS));

// ── the answers ───────────────────────────────────────────────────────────────────────────────

interface CountyRow {
  county: string;
  baseline: string;
  counted: number;
  value: string;
}
interface Answer {
  asOf: string;
  items: {
    id: string;
    progress: { on: string; value: string | null; status: string; counties: CountyRow[] };
  }[];
}

async function fetchAnswer(url: string, cookie: string): Promise<Answer> {
  const res = await fetch(`${url}${PATH}`, { headers: { cookie } });
  const text = await res.text();
  if (!res.ok) throw new Error(`GET ${PATH} on ${url}: ${res.status} ${text.slice(0, 500)}`);
  return JSON.parse(text) as Answer;
}

/** Where two answers differ: each target's day, city value, status and non-zero county rows. */
function differences(ours: Answer, theirs: Answer): string[] {
  const out: string[] = [];
  const rows = (cs: CountyRow[]) =>
    new Map(
      cs
        .filter((c) => !(c.baseline === "0" && c.counted === 0 && c.value === "0"))
        .map((c) => [c.county, `baseline ${c.baseline}, counted ${c.counted}, value ${c.value}`]),
    );
  const theirsById = new Map(theirs.items.map((i) => [i.id, i]));
  if (ours.items.length !== theirs.items.length)
    out.push(`targets: ${ours.items.length} vs ${theirs.items.length}`);
  for (const o of ours.items) {
    const t = theirsById.get(o.id);
    if (!t) {
      out.push(`${o.id}: missing from the baseline`);
      continue;
    }
    for (const field of ["on", "value", "status"] as const)
      if (o.progress[field] !== t.progress[field])
        out.push(`${o.id} ${field}: ours ${o.progress[field]}, baseline ${t.progress[field]}`);
    const a = rows(o.progress.counties);
    const b = rows(t.progress.counties);
    for (const county of new Set([...a.keys(), ...b.keys()]))
      if (a.get(county) !== b.get(county))
        out.push(
          `${o.id} ${county}: ours ${a.get(county) ?? "none"}; baseline ${b.get(county) ?? "none"}`,
        );
  }
  return out;
}

function assertSame(ours: Answer, theirs: Answer, when: string, dialect: string): void {
  const diff = differences(ours, theirs);
  if (diff.length > 0)
    throw new Error(
      `${dialect}: the product and the baseline answer differently ${when} — a benchmark comparing different answers is worthless:\n  ${diff.slice(0, 30).join("\n  ")}`,
    );
}

// ── one database ──────────────────────────────────────────────────────────────────────────────

interface DatabaseRun {
  readonly dialect: "sqlite" | "postgres";
  readonly serverVersion?: string;
  readonly seed: SeedStats;
  readonly answer: { on: string; totals: Record<string, { value: string | null; status: string }> };
  readonly product: { warmup: Load; load: Load; responseBytes: number };
  readonly baseline: { warmup: Load; load: Load; responseBytes: number };
  readonly ratio: number;
  /** Baseline's server CPU per request / ours: the ratio of capacities on an idle machine. */
  readonly cpuRatio: number | null;
  readonly answersEqual: true;
}

async function benchDatabase(dialect: "sqlite" | "postgres"): Promise<DatabaseRun> {
  const dataDir = mkdtempSync(join(os.tmpdir(), "qi-bench-targets-"));
  const file = join(dataDir, "qi.sqlite");
  let handle: DatabaseHandle;
  let url: string | undefined;
  let dropDatabase = async () => {};
  let serverVersion: string | undefined;
  if (dialect === "sqlite") {
    handle = openSqlite(file);
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
  let product: ServerProcess | undefined;
  let baseline: ServerProcess | undefined;
  try {
    await migrate(handle);
    const ctx: Context = { database: handle, registry, dataDir, now: () => new Date() };
    await createUser(ctx, null, {
      username: "bench-city",
      displayName: "市级审核（基准）",
      role: "city_official",
      password: PASSWORD,
    });
    const seeded = await seed(handle.db);
    // Fresh statistics after the bulk load (autovacuum would gather them later, mid-run).
    if (dialect === "postgres") await sql`analyze`.execute(handle.db);

    const profile = CPU_PROF ? ["--cpu-prof", "--cpu-prof-dir", join(CPU_PROF, dialect)] : [];
    product = await startServerProcess(
      qiEnv(dataDir, url),
      [...profile, QI_BIN, "serve"],
      join(dataDir, "server.log"),
    );
    const script = fileURLToPath(new URL("./targets-baseline.ts", import.meta.url));
    baseline = await startServerProcess(
      dialect === "sqlite" ? { BASELINE_DB: file } : { BASELINE_DATABASE_URL: url ?? "" },
      ["--import", import.meta.resolve("tsx"), script],
    );

    const login = await fetch(`${product.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "bench-city", password: PASSWORD }),
    });
    const cookie = login.headers.get("set-cookie")?.split(";")[0];
    if (!login.ok || !cookie)
      throw new Error(`login failed: ${login.status} ${await login.text()}`);

    // The same question, the same answer — before any timing.
    const ours = await fetchAnswer(product.url, cookie);
    const theirs = await fetchAnswer(baseline.url, cookie);
    assertSame(ours, theirs, "before the load", dialect);
    const bytes = (a: Answer) => Buffer.byteLength(JSON.stringify(a));

    const productWarmup = await drive(product, cookie, { seconds: WARMUP_SECONDS });
    const productLoad = await drive(product, cookie, { amount: amountFor(productWarmup) });
    assertSame(await fetchAnswer(product.url, cookie), ours, "after the product's load", dialect);
    await stopServerProcess(product);
    product = undefined;

    const baselineWarmup = await drive(baseline, cookie, { seconds: WARMUP_SECONDS });
    const baselineLoad = await drive(baseline, cookie, { amount: amountFor(baselineWarmup) });
    assertSame(ours, await fetchAnswer(baseline.url, cookie), "after the baseline's load", dialect);
    await stopServerProcess(baseline);
    baseline = undefined;

    for (const [who, l] of [
      ["qi serve", productLoad],
      ["baseline", baselineLoad],
    ] as const)
      if (l.failed > 0 || l.ok === 0)
        throw new Error(
          `${dialect} ${who}: ${l.ok} requests answered, ${l.failed} failed ${JSON.stringify(l.statusCodes)} in ${l.seconds} s`,
        );

    return {
      dialect,
      ...(serverVersion ? { serverVersion } : {}),
      seed: seeded,
      answer: {
        on: ours.items[0]?.progress.on ?? "",
        totals: Object.fromEntries(
          ours.items.map((i) => [i.id, { value: i.progress.value, status: i.progress.status }]),
        ),
      },
      product: { warmup: productWarmup, load: productLoad, responseBytes: bytes(ours) },
      baseline: { warmup: baselineWarmup, load: baselineLoad, responseBytes: bytes(theirs) },
      ratio: Math.round((productLoad.requestsPerSec / baselineLoad.requestsPerSec) * 1000) / 1000,
      cpuRatio:
        productLoad.serverCpuMsPerRequest && baselineLoad.serverCpuMsPerRequest
          ? Math.round(
              (baselineLoad.serverCpuMsPerRequest / productLoad.serverCpuMsPerRequest) * 1000,
            ) / 1000
          : null,
      answersEqual: true,
    };
  } catch (e) {
    if (product)
      process.stderr.write(`qi serve output (tail):\n${product.output().slice(-4000)}\n`);
    if (baseline)
      process.stderr.write(`baseline output (tail):\n${baseline.output().slice(-4000)}\n`);
    throw e;
  } finally {
    await stopServerProcess(product);
    await stopServerProcess(baseline);
    await handle.close();
    await dropDatabase();
    if (KEEP && dialect === "sqlite") log(`kept: ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}

// ── main ──────────────────────────────────────────────────────────────────────────────────────

const started = Date.now();
const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
const loadAtStart = os.loadavg().map((x) => Math.round(x * 100) / 100);
const machine = {
  node: process.version,
  platform: `${os.platform()} ${os.arch()}`,
  cpu,
  logicalCpus: os.cpus().length,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
};
log(
  "targets benchmark — GET /api/v1/targets over HTTP: qi serve vs a minimal Fastify + plain SQL baseline",
);
log(
  `machine: node ${machine.node}, ${machine.platform}, ${cpu} (${machine.logicalCpus} logical CPUs, ${machine.memoryGiB} GiB); load generator, servers and databases share it (loopback)`,
);
if ((loadAtStart[0] ?? 0) > machine.logicalCpus / 2)
  log(
    `warning: the machine is busy (load average ${loadAtStart.join(", ")} on ${machine.logicalCpus} CPUs): the figures will be noisy`,
  );
log(
  `data: ${fmt(AWARDS)} live awards, ${fmt(ORGS)} organizations, ${fmt(RECORDS)} target records (seed ${SEED}); load: ${CONNECTIONS} connections, about ${SECONDS} s of requests (all answered) after a ${WARMUP_SECONDS} s warm-up, autocannon, GET ${PATH} as a city official`,
);

const describeLoad = (l: Load) =>
  `${l.requestsPerSec.toFixed(1)} req/s, p50 ${l.p50Ms} ms, p99 ${l.p99Ms} ms, max ${l.maxMs} ms (${fmt(l.ok)} ok, ${l.failed} failed, ${l.seconds.toFixed(2)} s); server CPU ${l.serverCpuMsPerRequest ?? "?"} ms/request`;

function report(run: DatabaseRun, label: string): void {
  const s = run.seed;
  log(
    `${label}: seeded in ${s.seconds} s — ${fmt(s.liveAwards)} live + ${fmt(s.deadAwards)} cancelled/reversed awards, ${fmt(s.records)} records (${s.withdrawnRecords} withdrawn, ${s.endedRecords} with an end date), ${s.baselines} baselines, ${s.values} values`,
  );
  const keys = Object.values(s.keys);
  log(
    `  duplicates: ${fmt(keys.reduce((n, k) => n + k.contributions, 0))} live contributions to the counted targets over ${fmt(keys.reduce((n, k) => n + k.distinctKeys, 0))} distinct keys`,
  );
  log(
    `  answer on ${run.answer.on} (the same from both, checked before and after the load): ${Object.entries(
      run.answer.totals,
    )
      .map(([id, t]) => `${id} ${t.value ?? "—"} ${t.status}`)
      .join("; ")}`,
  );
  log(
    `  qi serve: ${describeLoad(run.product.load)}; ${fmt(run.product.responseBytes)} B/response`,
  );
  log(
    `  baseline: ${describeLoad(run.baseline.load)}; ${fmt(run.baseline.responseBytes)} B/response`,
  );
  log(
    `  ratio ours/baseline: ${run.ratio.toFixed(3)} (requests/s); ${run.cpuRatio?.toFixed(3) ?? "?"} (server CPU per request, baseline/ours)`,
  );
}

let sqlite: DatabaseRun;
let postgres: DatabaseRun | undefined;
try {
  sqlite = await benchDatabase("sqlite");
  report(sqlite, "SQLite");
  if (PG_URL) {
    postgres = await benchDatabase("postgres");
    report(postgres, `PostgreSQL ${postgres.serverVersion ?? ""}`.trim());
  } else {
    log("PostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)");
  }
} catch (e) {
  process.stderr.write(`bench:targets FAILED: ${e instanceof Error ? e.message : String(e)}\n`);
  log(JSON.stringify({ error: e instanceof Error ? e.message.split("\n")[0] : String(e) }));
  process.exit(1);
}

const summary = {
  sqliteRps: sqlite.product.load.requestsPerSec,
  sqliteP50Ms: sqlite.product.load.p50Ms,
  sqliteP99Ms: sqlite.product.load.p99Ms,
  baselineRps: sqlite.baseline.load.requestsPerSec,
  baselineP50Ms: sqlite.baseline.load.p50Ms,
  baselineP99Ms: sqlite.baseline.load.p99Ms,
  ratio: sqlite.ratio,
  sqliteCpuMsPerRequest: sqlite.product.load.serverCpuMsPerRequest,
  baselineCpuMsPerRequest: sqlite.baseline.load.serverCpuMsPerRequest,
  cpuRatio: sqlite.cpuRatio,
  ...(postgres
    ? {
        postgresRps: postgres.product.load.requestsPerSec,
        postgresP50Ms: postgres.product.load.p50Ms,
        postgresP99Ms: postgres.product.load.p99Ms,
        postgresBaselineRps: postgres.baseline.load.requestsPerSec,
        postgresBaselineP50Ms: postgres.baseline.load.p50Ms,
        postgresBaselineP99Ms: postgres.baseline.load.p99Ms,
        postgresRatio: postgres.ratio,
        postgresCpuRatio: postgres.cpuRatio,
      }
    : {}),
  answersEqual: true,
};
const details = {
  ...summary,
  statistic:
    "requests/s = requests / (start → last response) for a fixed number of requests (the warm-up's rate × BENCH_SECONDS, at least two per connection), all answered within the run, one run after a warm-up; latencies (ms) from autocannon's histogram; serverCpuMsPerRequest = the server process's user+system CPU (from /proc) / requests answered (on PostgreSQL without the database server's CPU); cpuRatio = baseline's / ours",
  date: new Date().toISOString(),
  seconds: round1((Date.now() - started) / 1000),
  machine: {
    ...machine,
    loadAverageAtStart: loadAtStart,
    loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 100) / 100),
  },
  parameters: {
    awards: AWARDS,
    organizations: ORGS,
    records: RECORDS,
    seed: SEED,
    connections: CONNECTIONS,
    seconds: SECONDS,
    warmupSeconds: WARMUP_SECONDS,
    asOf: AS_OF || "today (Asia/Shanghai)",
    tool: "autocannon 8",
    request: `GET ${PATH} with a city official's session cookie`,
  },
  sqlite: {
    ...sqlite,
    note: "qi serve in a child process on a SQLite file (WAL); the baseline (bench/targets-baseline.ts, better-sqlite3) on the same file after it",
  },
  ...(postgres
    ? {
        postgres: {
          ...postgres,
          note: "qi serve (pool of 20) on a fresh PostgreSQL database; the baseline (pg, pool of 20) on the same database after it",
        },
      }
    : {}),
  baselineNote:
    "bench/targets-baseline.ts: Fastify, one session row looked up by the cookie's SHA-256, then plain SQL — live awards and live records after the county's (or 全市) baseline date, one per key by ROW_NUMBER (earliest event date, then ref), COUNT grouped by target and county; the latest baselines; the manual values",
};
const resultsDir = fileURLToPath(new URL("./results/", import.meta.url));
mkdirSync(resultsDir, { recursive: true });
writeFileSync(`${resultsDir}targets-latest.json`, `${JSON.stringify(details, null, 2)}\n`);
log(`results: bench/results/targets-latest.json (${round1((Date.now() - started) / 1000)} s)`);

// The last line: the machine-readable summary.
log(JSON.stringify(summary));
