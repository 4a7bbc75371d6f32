import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { countTables, SQLite, snapshotSqlite, syncFile } from "../db/snapshot.ts";
import { AppError } from "../errors.ts";

/**
 * `qi backup`: one file holding a consistent snapshot of the embedded database and the files of
 * the data folder (evidence, documents, imported rosters, the SMS log), taken while the server
 * runs. The file is itself a SQLite database: the snapshot's tables as they were, plus
 * qi_backup_manifest (what it holds: counts of every table, the migrations, the files) and
 * qi_backup_files (each file with its SHA-256).
 *
 * The database is copied first, the files after: a file is written to the store before the
 * transaction that records it commits, so every file the snapshot records is there to copy.
 */
export const BACKUP_FORMAT = "qi-backup-1";
export const BACKUP_TABLES = new Set(["qi_backup_manifest", "qi_backup_files"]);

export interface BackupResult {
  readonly file: string;
  readonly bytes: number;
  readonly createdAt: string;
  readonly migrations: readonly string[];
  /** Rows of every table in the snapshot. */
  readonly counts: Readonly<Record<string, number>>;
  readonly files: number;
  readonly fileBytes: number;
  /** Files the snapshot records that the folder lacks (SHA-256): kept out, told to the operator. */
  readonly missingFiles: readonly string[];
  readonly seconds: number;
}

/** The data folder's files a backup keeps, as paths relative to the folder. */
export function dataFiles(dataDir: string): string[] {
  const out: string[] = [];
  const evidence = join(dataDir, "evidence");
  if (existsSync(evidence))
    for (const prefix of readdirSync(evidence).sort()) {
      const dir = join(evidence, prefix);
      if (!statSync(dir).isDirectory()) continue;
      for (const name of readdirSync(dir).sort())
        if (/^[0-9a-f]{64}$/.test(name)) out.push(`evidence/${prefix}/${name}`);
    }
  if (existsSync(join(dataDir, "sms-outbox.jsonl"))) out.push("sms-outbox.jsonl");
  return out;
}

/** The content hashes of the files the database records (evidence, documents, rosters). */
export function referencedFiles(db: SQLite.Database): Set<string> {
  const rows = db
    .prepare(
      "select sha256 from evidence union select sha256 from documents union select sha256 from roster_imports",
    )
    .pluck()
    .all() as string[];
  return new Set(rows);
}

export async function backupSqlite(
  dataDir: string,
  out: string,
  now: () => Date = () => new Date(),
): Promise<BackupResult> {
  const started = performance.now();
  const source = join(dataDir, "qi.sqlite");
  if (!existsSync(source))
    throw new AppError("not_found", `数据目录 ${dataDir} 中没有数据库 qi.sqlite`, "QI_DATA_DIR");
  const target = resolve(out);
  if (existsSync(target))
    throw new AppError("conflict", `备份文件 ${target} 已存在：请换一个文件名`, "--out");
  if (!existsSync(dirname(target)))
    throw new AppError("not_found", `备份文件所在目录 ${dirname(target)} 不存在`, "--out");
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { force: true });
  try {
    const createdAt = now().toISOString();
    await snapshotSqlite(source, partial);
    const db = new SQLite(partial);
    try {
      // One self-contained file: no write-ahead log beside it.
      db.pragma("journal_mode = DELETE");
      // The file is made whole and then synced once (below) before it takes its name.
      db.pragma("synchronous = OFF");
      const migrations = db
        .prepare("select name from kysely_migration order by name")
        .pluck()
        .all() as string[];
      const counts = countTables(db, (t) => BACKUP_TABLES.has(t));
      const referenced = referencedFiles(db);
      db.exec(`
        create table qi_backup_manifest (key text primary key, value text not null);
        create table qi_backup_files (path text primary key, sha256 text not null, size integer not null, data blob not null);
      `);
      const insert = db.prepare(
        "insert into qi_backup_files (path, sha256, size, data) values (?, ?, ?, ?)",
      );
      let files = 0;
      let fileBytes = 0;
      const present = new Set<string>();
      db.exec("begin");
      for (const path of dataFiles(dataDir)) {
        const data = readFileSync(join(dataDir, path));
        const sha256 = createHash("sha256").update(data).digest("hex");
        const name = path.startsWith("evidence/") ? (path.split("/").pop() ?? "") : null;
        // A stored file that no longer matches its name was damaged on disk: not kept as good.
        if (name !== null && name !== sha256)
          throw new AppError(
            "conflict",
            `文件 ${path} 的内容与其 SHA-256 不符（磁盘上已损坏）：请先从上一份备份恢复该文件`,
            path,
          );
        if (name) present.add(name);
        insert.run(path, sha256, data.length, data);
        files++;
        fileBytes += data.length;
      }
      const missingFiles = [...referenced].filter((h) => !present.has(h)).sort();
      const manifest = {
        format: BACKUP_FORMAT,
        createdAt,
        migrations: JSON.stringify(migrations),
        counts: JSON.stringify(counts),
        files: String(files),
        fileBytes: String(fileBytes),
        missingFiles: JSON.stringify(missingFiles),
      };
      const put = db.prepare("insert into qi_backup_manifest (key, value) values (?, ?)");
      for (const [k, v] of Object.entries(manifest)) put.run(k, v);
      db.exec("commit");
      db.close();
      // On disk before it takes its name.
      syncFile(partial);
      renameSync(partial, target);
      return {
        file: target,
        bytes: statSync(target).size,
        createdAt,
        migrations,
        counts,
        files,
        fileBytes,
        missingFiles,
        seconds: (performance.now() - started) / 1000,
      };
    } finally {
      if (db.open) db.close();
    }
  } finally {
    rmSync(partial, { force: true });
  }
}
