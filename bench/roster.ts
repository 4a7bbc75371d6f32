/**
 * `npm run bench:roster`: a 品字标 roster (免申即享) of BENCH_ROWS rows against BENCH_ORGS
 * registered organizations, through the real `qi roster import FILE --kind pinzibiao` on SQLite,
 * dry run and import, beside reading the same file with the spreadsheet library (exceljs) alone,
 * each in a process of its own, in the same run.
 *
 * - the organizations are written to a fresh SQLite database (migrated as the CLI does), with
 *   valid, distinct USCCs spread over the nine county-level division codes of 台州;
 * - the roster is one row per organization, deterministic from BENCH_SEED: ~93% matched (a
 *   registered USCC; a few of them with 证书类型 其他 or 市级备案 否, which the engine refuses),
 *   ~2% needsReview (no USCC, a registered name written with half-width brackets), ~2% unmatched
 *   (the valid USCC of an organization not registered), ~2% invalid (a wrong check character or
 *   a date that is not one), ~1% duplicate (an earlier row's certificate again). Dates fall within
 *   the 2023 policy's validity, written as 2024-03-01, 2024/3/1, 2024年3月1日, an Excel serial
 *   number or a date cell;
 * - each of BENCH_RUNS runs times, by wall clock of the whole process: (a) exceljs alone loading
 *   the file and reading every cell of every row; (b) `qi roster import --dry-run --json`;
 *   (c) `qi roster import --json` on a fresh copy of the prepared database (a second import of
 *   the same rows would find them all duplicates). The medians are reported, and their ratios;
 * - the counts of both commands must be the ones generated, and after each import the database
 *   must hold that many offered cases and a stored row per roster row, else the process exits 1.
 *
 * Target: the import under 10 s for 100,000 rows. The last line of stdout is the JSON summary;
 * the details go to bench/results/roster-latest.json.
 *
 * Environment: BENCH_ROWS (100000), BENCH_ORGS (100000), BENCH_RUNS (3), BENCH_SEED (20230211),
 * BENCH_KEEP=1 (keep the folder with the roster and the databases, and print it).
 */
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os, { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { openSqlite } from "../src/db/database.ts";
import { migrate } from "../src/db/migrate.ts";
import type { OrganizationTable } from "../src/db/schema.ts";
import type { County } from "../src/organizations/counties.ts";
import { usccCheckCharacter } from "../src/organizations/uscc.ts";
import { fmt, intEnv, log, median, seconds } from "./common.ts";
import { mulberry32 } from "./population.ts";

const ROWS = intEnv("BENCH_ROWS", 100_000);
const ORGS = intEnv("BENCH_ORGS", 100_000);
const RUNS = intEnv("BENCH_RUNS", 3);
const SEED = intEnv("BENCH_SEED", 20230211);
const TARGET_SECONDS = 10;

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const QI = fileURLToPath(new URL("../bin/qi.js", import.meta.url));
const KIND = "pinzibiao";
const HEADERS = ["统一社会信用代码", "企业名称", "证书编号", "发证日期", "证书类型", "市级备案"];

// ── organizations ───────────────────────────────────────────────────────────

/** The division codes of 台州's county-level areas (a USCC's characters 3–8). */
const DIVISIONS: readonly (readonly [string, County])[] = [
  ["331002", "椒江区"],
  ["331003", "黄岩区"],
  ["331004", "路桥区"],
  ["331022", "三门县"],
  ["331023", "天台县"],
  ["331024", "仙居县"],
  ["331081", "温岭市"],
  ["331082", "临海市"],
  ["331083", "玉环市"],
];

/** Characters of trade names, and trades: organization n's name is its own (n in base 40). */
const NAME_CHARS = "华宏兴瑞丰泰恒信达盛鑫源通利德隆安康永新嘉禾宇正博晟远锦联誉凯美鼎昌诚腾飞旺";
const TRADES = [
  "机械",
  "模具",
  "汽车部件",
  "医药",
  "塑料",
  "阀门",
  "缝制设备",
  "泵业",
  "电器",
  "眼镜",
  "食品",
  "智能科技",
];
const NAMES = NAME_CHARS.length ** 4 * TRADES.length;

/** Organization n: registered when n ≤ ORGS, otherwise one a roster names that is not. */
function usccOf(n: number): string {
  const [division] = DIVISIONS[n % DIVISIONS.length] as readonly [string, County];
  const body = `91${division}MA${String(n).padStart(7, "0")}`;
  return body + usccCheckCharacter(body);
}

function countyOf(n: number): County {
  return (DIVISIONS[n % DIVISIONS.length] as readonly [string, County])[1];
}

/** The registered name: every fifth one with its county in full-width brackets. */
function nameOf(n: number): string {
  if (n >= NAMES)
    throw new Error(`at most ${fmt(NAMES - 1)} organizations have names of their own`);
  let k = Math.floor(n / TRADES.length);
  let trade = "";
  for (let i = 0; i < 4; i++) {
    trade += NAME_CHARS[k % NAME_CHARS.length];
    k = Math.floor(k / NAME_CHARS.length);
  }
  const base = `台州市${trade}${TRADES[n % TRADES.length]}有限公司`;
  return n % 5 === 0 ? `${base}（${countyOf(n)}）` : base;
}

async function writeDatabase(file: string): Promise<void> {
  const handle = openSqlite(file);
  await migrate(handle);
  const at = new Date().toISOString();
  await handle.db.transaction().execute(async (trx) => {
    // 8 columns a row: 1,000 rows a statement stay far below SQLite's bound parameters.
    for (let first = 1; first <= ORGS; first += 1000) {
      const chunk: OrganizationTable[] = [];
      for (let n = first; n < Math.min(first + 1000, ORGS + 1); n++) {
        chunk.push({
          id: `org-${n}`,
          uscc: usccOf(n),
          name: nameOf(n),
          county: countyOf(n),
          kind: "enterprise",
          contact_name: null,
          contact_phone: null,
          bank_name: null,
          bank_account: null,
          uscc_override_by: null,
          uscc_override_reason: null,
          created_at: at,
          updated_at: at,
          version: 1,
        });
      }
      await trx.insertInto("organizations").values(chunk).execute();
    }
  });
  await handle.close();
}

// ── the roster ──────────────────────────────────────────────────────────────

type Outcome = "matched" | "needsReview" | "unmatched" | "invalid" | "duplicate";
type Cell = string | number | Date;
type Line = [string | null, string, string, Cell, string, string];

interface Expected {
  rows: number;
  matched: number;
  needsReview: number;
  unmatched: number;
  invalid: number;
  duplicates: number;
  /** Matched rows the engine refuses (证书类型 其他, or 市级备案 否). */
  refused: number;
  /** Registered organizations the roster names (matched or by name). */
  organizationsNamed: number;
}

const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2023, 1, 11); // the 2023 policy's first day
const LAST_DAY = Date.UTC(2026, 1, 10); // and its last
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A date within the validity, in one of the forms officials write. */
function dateCell(rnd: () => number, day: number): Cell {
  const d = new Date(day);
  const [y, m, dd] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  const form = rnd();
  if (form < 0.4) return d.toISOString().slice(0, 10);
  if (form < 0.6) return `${y}/${m}/${dd}`;
  if (form < 0.75) return `${y}年${m}月${dd}日`;
  if (form < 0.9) return (day - EXCEL_EPOCH) / DAY;
  return d;
}

const BAD_DATES = ["2024-02-30", "2025年13月1日", "待补充", "2024.9.31"];

/** Another character of the alphabet in place of the check character. */
function wrongCheck(code: string): string {
  const right = code.charAt(17);
  return code.slice(0, 17) + (right === "0" ? "1" : "0");
}

function generateRoster(): { lines: Line[]; expected: Expected } {
  const rnd = mulberry32(SEED);
  const lines: Line[] = [];
  /** Lines that stand for a claim of their own (not invalid, not a repeat), and their days. */
  const claims: number[] = [];
  const days: number[] = [];
  const expected: Expected = {
    rows: 0,
    matched: 0,
    needsReview: 0,
    unmatched: 0,
    invalid: 0,
    duplicates: 0,
    refused: 0,
    organizationsNamed: 0,
  };
  let registered = 0; // the last registered organization named
  let unregistered = ORGS; // the last one not registered
  const day = () => FIRST_DAY + Math.floor(rnd() * ((LAST_DAY - FIRST_DAY) / DAY + 1)) * DAY;
  const certificate = (i: number, d: number) =>
    `PZB-${new Date(d).getUTCFullYear()}-${String(i + 1).padStart(6, "0")}`;

  for (let i = 0; i < ROWS; i++) {
    const r = rnd();
    let outcome: Outcome =
      r < 0.02
        ? "needsReview"
        : r < 0.04
          ? "unmatched"
          : r < 0.06
            ? "invalid"
            : r < 0.07 && claims.length > 0
              ? "duplicate"
              : "matched";
    if ((outcome === "matched" || outcome === "needsReview") && registered >= ORGS) {
      outcome = "unmatched";
    }
    const d = day();
    let line: Line;
    switch (outcome) {
      case "matched": {
        registered += 1;
        const kindRoll = rnd();
        const kind = kindRoll < 0.02 ? "其他" : kindRoll < 0.2 ? "复评审" : "首次认证";
        const filing = rnd() < 0.02 ? "否" : "是";
        if (kind === "其他" || filing === "否") expected.refused++;
        // A few codes as typed: lower case, or with spaces around.
        const form = rnd();
        const code = usccOf(registered);
        const written = form < 0.01 ? code.toLowerCase() : form < 0.02 ? ` ${code} ` : code;
        line = [written, nameOf(registered), certificate(i, d), dateCell(rnd, d), kind, filing];
        break;
      }
      case "needsReview": {
        registered += 1;
        const name = nameOf(registered).replace("（", "(").replace("）", ")");
        line = [null, name, certificate(i, d), dateCell(rnd, d), "首次认证", "是"];
        break;
      }
      case "unmatched": {
        unregistered += 1;
        const n = unregistered;
        line = [usccOf(n), nameOf(n), certificate(i, d), dateCell(rnd, d), "首次认证", "是"];
        break;
      }
      case "invalid": {
        unregistered += 1;
        const n = unregistered;
        const badCode = rnd() < 0.5;
        const date = badCode ? dateCell(rnd, d) : (BAD_DATES[i % BAD_DATES.length] as string);
        const code = badCode ? wrongCheck(usccOf(n)) : usccOf(n);
        line = [code, nameOf(n), certificate(i, d), date, "首次认证", "是"];
        break;
      }
      case "duplicate": {
        // The same certificate listed again, its date perhaps written another way.
        const k = claims[Math.floor(rnd() * claims.length)] as number;
        const earlier = lines[k] as Line;
        line = [...earlier];
        line[3] = dateCell(rnd, days[k] as number);
        break;
      }
    }
    lines.push(line);
    days.push(d);
    if (outcome !== "invalid" && outcome !== "duplicate") claims.push(i);
    expected[outcome === "duplicate" ? "duplicates" : outcome]++;
    expected.rows++;
  }
  expected.organizationsNamed = registered;
  return { lines, expected };
}

async function writeRoster(file: string, lines: readonly Line[]): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: true,
  });
  const sheet = book.addWorksheet("品字标证书名单");
  sheet.addRow(HEADERS).commit();
  for (const line of lines) {
    const row = sheet.addRow(line);
    if (line[3] instanceof Date) row.getCell(4).numFmt = "yyyy/m/d";
    row.commit();
  }
  sheet.commit();
  await book.commit();
}

// ── the processes timed ─────────────────────────────────────────────────────

/** exceljs alone, as the import loads a workbook: the whole file, then every cell of every row. */
const READ_ALONE = `
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
const book = new ExcelJS.Workbook();
await book.xlsx.load(readFileSync(process.argv[1]));
const sheet = book.worksheets[0];
// columnCount walks every row: read once, as the import does.
const width = sheet.columnCount;
let cells = 0;
for (let r = 1; r <= sheet.rowCount; r++) {
  const row = sheet.getRow(r);
  for (let c = 1; c <= width; c++) if (row.getCell(c).value != null) cells++;
}
process.stdout.write(JSON.stringify({ rows: sheet.rowCount - 1, cells }) + "\\n");
`;

interface Counts {
  rows: number;
  matched: number;
  needsReview: number;
  unmatched: number;
  invalid: number;
  duplicates: number;
  offers: number;
  refused: number;
}

function run(
  what: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): { seconds: number; out: unknown } {
  const t = process.hrtime.bigint();
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: "utf8",
    env,
    maxBuffer: 64 * 1024 * 1024,
    timeout: 600_000,
  });
  const s = seconds(t);
  if (r.status !== 0) {
    log(`${what} failed (${r.status ?? r.signal}): ${r.stderr}`);
    process.exit(1);
  }
  return { seconds: s, out: JSON.parse(r.stdout.trim().split("\n").at(-1) as string) };
}

const qiEnv = (dataDir: string): NodeJS.ProcessEnv => ({
  ...process.env,
  QI_DATA_DIR: dataDir,
  DATABASE_URL: "",
});

async function afterImport(file: string) {
  const handle = openSqlite(file);
  const count = async (table: "roster_imports" | "roster_rows") =>
    Number(
      (
        await handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const offered = await handle.db
    .selectFrom("applications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("state", "=", "offered")
    .executeTakeFirstOrThrow();
  const figures = {
    imports: await count("roster_imports"),
    rosterRows: await count("roster_rows"),
    offered: Number(offered.n),
  };
  await handle.close();
  return figures;
}

// ── run ─────────────────────────────────────────────────────────────────────

const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
log("roster benchmark — qi roster import (CLI, SQLite), dry run and import, vs exceljs alone");
log(`machine: ${cpu}, node ${process.version}`);

const dir = mkdtempSync(join(tmpdir(), "qi-roster-"));
let exitCode = 0;
try {
  const generated = process.hrtime.bigint();
  const { lines, expected } = generateRoster();
  const rosterFile = join(dir, "品字标证书名单.xlsx");
  await writeRoster(rosterFile, lines);
  const fileBytes = statSync(rosterFile).size;
  const prepared = join(dir, "prepared.sqlite");
  await writeDatabase(prepared);
  const preparedBytes = statSync(prepared).size;
  log(
    `roster: ${fmt(expected.rows)} rows, ${(fileBytes / 1e6).toFixed(1)} MB; database: ${fmt(ORGS)} organizations, ${(preparedBytes / 1e6).toFixed(1)} MB; written in ${seconds(generated).toFixed(1)} s (${dir})`,
  );
  const expectedOffers = expected.matched - expected.refused;
  log(
    `generated: matched ${fmt(expected.matched)} (engine to refuse ${fmt(expected.refused)}), needsReview ${fmt(expected.needsReview)}, unmatched ${fmt(expected.unmatched)}, invalid ${fmt(expected.invalid)}, duplicate ${fmt(expected.duplicates)}`,
  );

  const want = (offers: number, refused: number): Counts => ({
    rows: expected.rows,
    matched: expected.matched,
    needsReview: expected.needsReview,
    unmatched: expected.unmatched,
    invalid: expected.invalid,
    duplicates: expected.duplicates,
    offers,
    refused,
  });
  const problems: string[] = [];
  const check = (what: string, got: unknown, expect: unknown) => {
    if (JSON.stringify(got) !== JSON.stringify(expect))
      problems.push(`${what}: got ${JSON.stringify(got)}, expected ${JSON.stringify(expect)}`);
  };

  const dryDir = join(dir, "dry-run");
  mkdirSync(dryDir);
  copyFileSync(prepared, join(dryDir, "qi.sqlite"));

  const readTimes: number[] = [];
  const dryTimes: number[] = [];
  const importTimes: number[] = [];
  let importCounts: Counts | undefined;
  let dryCounts: Counts | undefined;
  let importedBytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const read = run("exceljs alone", ["--input-type=module", "-e", READ_ALONE, rosterFile]);
    readTimes.push(read.seconds);
    check("exceljs alone", (read.out as { rows: number }).rows, expected.rows);

    const dry = run(
      "qi roster import --dry-run",
      [QI, "roster", "import", rosterFile, "--kind", KIND, "--dry-run", "--json"],
      qiEnv(dryDir),
    );
    dryTimes.push(dry.seconds);
    dryCounts = dry.out as Counts;
    check(`dry run ${i + 1}`, dryCounts, want(0, 0));

    // A fresh copy of the prepared database: the rows are new to it.
    const runDir = join(dir, `import-${i + 1}`);
    mkdirSync(runDir);
    copyFileSync(prepared, join(runDir, "qi.sqlite"));
    const imported = run(
      "qi roster import",
      [QI, "roster", "import", rosterFile, "--kind", KIND, "--json"],
      qiEnv(runDir),
    );
    importTimes.push(imported.seconds);
    importCounts = imported.out as Counts;
    check(`import ${i + 1}`, importCounts, want(expectedOffers, expected.refused));
    const stored = await afterImport(join(runDir, "qi.sqlite"));
    check(`database after import ${i + 1}`, stored, {
      imports: 1,
      rosterRows: expected.rows,
      offered: expectedOffers,
    });
    importedBytes = statSync(join(runDir, "qi.sqlite")).size;
    log(
      `run ${i + 1}: exceljs alone ${read.seconds.toFixed(2)} s, dry run ${dry.seconds.toFixed(2)} s, import ${imported.seconds.toFixed(2)} s`,
    );
    if (process.env.BENCH_KEEP !== "1" && i < RUNS - 1) rmSync(runDir, { recursive: true });
  }

  if (problems.length > 0) {
    for (const p of problems) log(p);
    exitCode = 1;
  }

  const readAlone = median(readTimes);
  const dryRun = median(dryTimes);
  const importS = median(importTimes);
  const met = importS < TARGET_SECONDS;
  const ratios = {
    dryRunOverReadAlone: Number((dryRun / readAlone).toFixed(2)),
    importOverReadAlone: Number((importS / readAlone).toFixed(2)),
  };
  const list = (xs: readonly number[]) => xs.map((t) => t.toFixed(2)).join(", ");
  log();
  log(
    `exceljs alone (load, read every cell): median ${readAlone.toFixed(2)} s of ${RUNS} (${list(readTimes)})`,
  );
  log(
    `qi roster import --dry-run: median ${dryRun.toFixed(2)} s of ${RUNS} (${list(dryTimes)}), ${ratios.dryRunOverReadAlone}× exceljs alone`,
  );
  log(
    `qi roster import: median ${importS.toFixed(2)} s of ${RUNS} (${list(importTimes)}), ${ratios.importOverReadAlone}× exceljs alone, ${fmt(expectedOffers / importS)} offers/s`,
  );
  log(
    `database after an import: ${(importedBytes / 1e6).toFixed(1)} MB (${(preparedBytes / 1e6).toFixed(1)} MB before)`,
  );
  log(`target: import under ${TARGET_SECONDS} s — ${met ? "met" : "NOT met"}`);
  const summary = {
    bench: "roster",
    rows: expected.rows,
    organizations: ORGS,
    runs: RUNS,
    readAloneSeconds: Number(readAlone.toFixed(3)),
    dryRunSeconds: Number(dryRun.toFixed(3)),
    importSeconds: Number(importS.toFixed(3)),
    ratios,
    counts: importCounts ?? null,
    targetSeconds: TARGET_SECONDS,
    met,
    agree: problems.length === 0,
    machine: cpu,
  };
  mkdirSync(fileURLToPath(new URL("results/", import.meta.url)), { recursive: true });
  writeFileSync(
    fileURLToPath(new URL("results/roster-latest.json", import.meta.url)),
    `${JSON.stringify(
      {
        ...summary,
        seed: SEED,
        fileBytes,
        databaseBytes: { prepared: preparedBytes, afterImport: importedBytes },
        expected: { ...expected, offers: expectedOffers },
        dryRunCounts: dryCounts ?? null,
        problems,
        readAloneTimes: readTimes,
        dryRunTimes: dryTimes,
        importTimes,
      },
      null,
      2,
    )}\n`,
  );
  log(JSON.stringify(summary));
} finally {
  if (process.env.BENCH_KEEP === "1") log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
process.exit(exitCode);
