import { execFile, execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import SQLite from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Context } from "../../src/context.ts";
import { keepImportFile } from "../../src/files/file-store.ts";
import { contextFor, DIALECTS, freshDatabase, type TestDatabase } from "../helpers/db.ts";
import { demoPdf, PASSWORD } from "../helpers/world.ts";
import {
  type QiRun,
  qiEnv,
  runQiAsync,
  type ServerProcess,
  seedAwardableCases,
  seedAwarding,
  startServerProcess,
  stopServerProcess,
} from "./support-crash.ts";

/**
 * The restore drill (docs/deploy.md): a backup taken while a running server makes 50 awards at
 * once, restored into a new place; then `qi verify` is clean and every table holds exactly the
 * rows the snapshot held. On SQLite with `qi backup` / `qi restore`; on PostgreSQL with pg_dump /
 * pg_restore as the guide says (`qi backup` tells the operator so).
 */

const AWARDS = 50;

/** The newest PostgreSQL's own tools, as .ci/start-postgres uses; else whatever is on the PATH. */
function pgTool(name: "pg_dump" | "pg_restore"): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, "bin", name)))
        .sort((a, b) => Number(a) - Number(b))
    : [];
  const newest = versions.at(-1);
  return newest ? join(root, newest, "bin", name) : name;
}
const execFileAsync = promisify(execFile);

interface Drill {
  testDb: TestDatabase;
  ctx: Context;
  server: ServerProcess;
  env: Record<string, string>;
  headers: Record<string, string>;
  ids: string[];
}

async function prepare(dialect: "sqlite" | "postgres"): Promise<Drill> {
  const testDb = await freshDatabase(dialect);
  const ctx = contextFor(testDb);
  const orgs = await seedAwarding(ctx, {
    username: "drill-city",
    displayName: "市级审核（演练）",
    organizations: 10,
    firstUscc: 900,
    budget: 100_000_000,
  });
  // Files in the store, for the backup to carry.
  for (let i = 0; i < 3; i++) keepImportFile(ctx, demoPdf(`drill ${i}`));
  const env = qiEnv(testDb.dataDir, testDb.url);
  const server = await startServerProcess(env);
  // The scheduler's first pass closes ended publicity: the cases are seeded after it.
  for (let i = 0; i < 200; i++) {
    const row = await testDb.handle.db
      .selectFrom("job_leases")
      .select("last_finished_at")
      .where("name", "=", "close-publicity")
      .executeTakeFirst();
    if (row?.last_finished_at) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const { ids } = await seedAwardableCases(
    testDb.handle.db,
    Array.from({ length: AWARDS }, (_, i) => ({
      organization: orgs[i % orgs.length] as (typeof orgs)[number],
      amount: (i + 1) * 1000,
    })),
    "city",
  );
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "drill-city", password: PASSWORD }),
  });
  expect(login.status).toBe(200);
  const session = (await login.json()) as { csrfToken: string };
  const cookie = login.headers.get("set-cookie")?.split(";")[0] ?? "";
  return {
    testDb,
    ctx,
    server,
    env,
    headers: { cookie, "x-csrf-token": session.csrfToken, "content-type": "application/json" },
    ids,
  };
}

/**
 * The 50 awards, sent over three seconds (one every 60 ms, each without waiting for the one
 * before), with `during` started at once beside them: a `qi` command takes a second or two to
 * start, so its snapshot falls among the awards. With `afterAwards`, `during` waits for that many.
 */
async function awardAllWhile<T>(
  d: Drill,
  during: () => Promise<T>,
  afterAwards = 0,
): Promise<{ statuses: number[]; result: T }> {
  let made = 0;
  let go: () => void = () => {};
  const ready = new Promise<void>((r) => {
    go = r;
  });
  if (afterAwards === 0) go();
  const awards = Promise.all(
    d.ids.map(async (id, i) => {
      await new Promise((r) => setTimeout(r, i * 60));
      const res = await fetch(`${d.server.url}/api/v1/applications/${id}/award`, {
        method: "POST",
        headers: { ...d.headers, "idempotency-key": `drill-${id}` },
        body: "{}",
      });
      await res.arrayBuffer();
      if (++made === afterAwards) go();
      return res.status;
    }),
  );
  const result = await ready.then(during);
  return { statuses: await awards, result };
}

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

describe.skipIf(!DIALECTS.includes("sqlite"))(
  "restore drill (sqlite): qi backup during 50 awards, qi restore",
  () => {
    let d: Drill;
    const scratch = mkdtempSync(join(tmpdir(), "qi-drill-"));
    const file = join(scratch, "qi.backup");
    const restored = join(scratch, "restored");
    let backup: QiRun;
    let statuses: number[];

    beforeAll(async () => {
      d = await prepare("sqlite");
      ({ statuses, result: backup } = await awardAllWhile(d, () =>
        runQiAsync(["backup", "--out", file, "--json"], d.env),
      ));
    }, 120_000);
    afterAll(async () => {
      await stopServerProcess(d?.server);
      await d?.testDb.cleanup();
      rmSync(scratch, { recursive: true, force: true });
    });

    it("backs up while the awards go on, and every award is made", () => {
      expect(backup.stderr).toBe("");
      expect(backup.code).toBe(0);
      expect(statuses.filter((s) => s === 200 || s === 201)).toHaveLength(AWARDS);
      const r = JSON.parse(backup.stdout);
      expect(r.counts.awards).toBeGreaterThanOrEqual(0);
      expect(r.counts.awards).toBeLessThanOrEqual(AWARDS);
      expect(r.files).toBe(3);
      expect(r.missingFiles).toEqual([]);
      process.stdout.write(
        `[restore drill sqlite] backup: ${(r.bytes / 1024 / 1024).toFixed(2)} MB in ${r.seconds.toFixed(3)} s; awards in the snapshot ${r.counts.awards} of ${AWARDS}; audit entries ${r.counts.audit_log}; postings ${r.counts.ledger_postings}; files ${r.files}\n`,
      );
    });

    it("refuses the live folder, even with --force, and changes nothing there", async () => {
      const before = await d.testDb.handle.db
        .selectFrom("awards")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      for (const args of [
        ["restore", file],
        ["restore", file, "--force"],
      ]) {
        const run = await runQiAsync(args, d.env);
        expect(run.code).not.toBe(0);
        expect(run.stderr).toContain("正由运行中的服务使用");
      }
      const after = await d.testDb.handle.db
        .selectFrom("awards")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
      expect(Number(after.n)).toBe(AWARDS);
    });

    it("restores into a new folder: every count equals the snapshot's, qi verify is clean", async () => {
      const snapshot = JSON.parse(backup.stdout);
      const env = { QI_DATA_DIR: restored, DATABASE_URL: "" };
      const run = await runQiAsync(["restore", file, "--json"], env);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const r = JSON.parse(run.stdout);
      expect(r.counts).toEqual(snapshot.counts);
      // Counted again here, by another reader than the one that restored.
      const db = new SQLite(join(restored, "qi.sqlite"), { readonly: true });
      try {
        for (const [table, n] of Object.entries(snapshot.counts as Record<string, number>))
          expect([
            table,
            Number(db.prepare(`select count(*) from "${table}"`).pluck().get()),
          ]).toEqual([table, n]);
        expect(
          db
            .prepare("select count(*) from sqlite_master where name like 'qi_backup%'")
            .pluck()
            .get(),
        ).toBe(0);
      } finally {
        db.close();
      }
      const files = readdirSync(join(restored, "evidence"), {
        recursive: true,
        withFileTypes: true,
      })
        .filter((e) => e.isFile())
        .map((e) => ({ name: e.name, data: readFileSync(join(e.parentPath, e.name)) }));
      expect(files).toHaveLength(3);
      for (const f of files) expect(sha(f.data)).toBe(f.name);
      const verify = await runQiAsync(["verify"], env);
      expect(verify.code).toBe(0);
      expect(verify.stdout).toContain("审计日志完整");
      expect(verify.stdout).toContain("账簿一致");
      process.stdout.write(
        `[restore drill sqlite] restore: ${r.seconds.toFixed(3)} s, ${Object.keys(r.counts).length} tables equal\n`,
      );
    });

    it("refuses a folder that holds anything without --force; with it keeps the old folder aside", async () => {
      const env = { QI_DATA_DIR: restored, DATABASE_URL: "" };
      const refused = await runQiAsync(["restore", file], env);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain("--force");
      const forced = await runQiAsync(["restore", file, "--force", "--json"], env);
      expect(forced.code).toBe(0);
      const r = JSON.parse(forced.stdout);
      expect(r.keptAside).toMatch(/restored\.before-restore-/);
      expect(existsSync(join(r.keptAside, "qi.sqlite"))).toBe(true);
    });

    it("refuses a file that is no backup, naming it, and writes nothing", async () => {
      const bogus = join(scratch, "not-a-backup.xlsx");
      writeFileSync(bogus, "PK\u0003\u0004 not a database");
      const target = join(scratch, "never");
      const run = await runQiAsync(["restore", bogus], { QI_DATA_DIR: target, DATABASE_URL: "" });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(bogus);
      expect(run.stderr).toContain("不是 qi 备份文件");
      expect(existsSync(target)).toBe(false);
      // A backup over a file that exists is refused, and the file is left as it was.
      const again = await runQiAsync(["backup", "--out", bogus], d.env);
      expect(again.code).not.toBe(0);
      expect(again.stderr).toContain("已存在");
      expect(readFileSync(bogus, "utf8")).toBe("PK\u0003\u0004 not a database");
    });
  },
);

describe.skipIf(!DIALECTS.includes("postgres"))(
  "restore drill (postgres): pg_dump during 50 awards, pg_restore",
  () => {
    let d: Drill;
    const scratch = mkdtempSync(join(tmpdir(), "qi-drill-pg-"));
    const dump = join(scratch, "qi.dump");
    let restoredUrl = "";
    let restoredName = "";
    const snapshotCounts: Record<string, number> = {};
    let statuses: number[];
    let dumpSeconds = 0;

    beforeAll(async () => {
      d = await prepare("postgres");
      ({ statuses } = await awardAllWhile(
        d,
        async () => {
          // The tables counted in the very snapshot pg_dump then copies (--snapshot).
          const client = new pg.Client({ connectionString: d.testDb.url });
          await client.connect();
          try {
            await client.query("begin isolation level repeatable read");
            const id = (await client.query("select pg_export_snapshot() as id")).rows[0]
              .id as string;
            const tables = (
              await client.query(
                "select tablename from pg_tables where schemaname = 'public' order by tablename",
              )
            ).rows.map((r) => r.tablename as string);
            for (const t of tables)
              snapshotCounts[t] = Number(
                (await client.query(`select count(*) as n from "${t}"`)).rows[0].n,
              );
            const started = performance.now();
            await execFileAsync(pgTool("pg_dump"), [
              "--format=custom",
              `--snapshot=${id}`,
              `--file=${dump}`,
              d.testDb.url as string,
            ]);
            dumpSeconds = (performance.now() - started) / 1000;
            await client.query("commit");
          } finally {
            await client.end();
          }
        },
        20,
      ));
      restoredName = `qi_restored_${Date.now().toString(36)}`;
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`create database ${restoredName}`);
      await admin.end();
      const u = new URL(process.env.TEST_DATABASE_URL as string);
      u.pathname = `/${restoredName}`;
      restoredUrl = u.toString();
    }, 180_000);
    afterAll(async () => {
      await stopServerProcess(d?.server);
      await d?.testDb.cleanup();
      if (restoredName) {
        const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
        await admin.connect();
        await admin.query(`drop database if exists ${restoredName} with (force)`);
        await admin.end();
      }
      rmSync(scratch, { recursive: true, force: true });
    });

    it("qi backup tells the operator to use pg_dump, and writes nothing", async () => {
      const out = join(scratch, "never.backup");
      const run = await runQiAsync(["backup", "--out", out], d.env);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain("pg_dump");
      expect(run.stderr).toContain("docs/deploy.md");
      expect(existsSync(out)).toBe(false);
    });

    it("pg_restore into a new database: every count equals the snapshot's, qi verify is clean", async () => {
      expect(statuses.filter((s) => s === 200 || s === 201)).toHaveLength(AWARDS);
      expect(snapshotCounts.awards).toBeLessThanOrEqual(AWARDS);
      const started = performance.now();
      execFileSync(pgTool("pg_restore"), ["--no-owner", `--dbname=${restoredUrl}`, dump]);
      const restoreSeconds = (performance.now() - started) / 1000;
      const client = new pg.Client({ connectionString: restoredUrl });
      await client.connect();
      try {
        for (const [table, n] of Object.entries(snapshotCounts)) {
          const got = Number(
            (await client.query(`select count(*) as n from "${table}"`)).rows[0].n,
          );
          expect([table, got]).toEqual([table, n]);
        }
      } finally {
        await client.end();
      }
      const verify = await runQiAsync(["verify"], {
        QI_DATA_DIR: d.testDb.dataDir,
        DATABASE_URL: restoredUrl,
      });
      expect(verify.code).toBe(0);
      expect(verify.stdout).toContain("审计日志完整");
      expect(verify.stdout).toContain("账簿一致");
      process.stdout.write(
        `[restore drill postgres] pg_dump ${dumpSeconds.toFixed(3)} s, pg_restore ${restoreSeconds.toFixed(3)} s; awards in the snapshot ${snapshotCounts.awards} of ${AWARDS}; ${Object.keys(snapshotCounts).length} tables equal\n`,
      );
    });
  },
);
