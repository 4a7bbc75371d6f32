import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { MIGRATION_NAMES } from "../db/migrate.ts";
import { countTables, looksLikeSqlite, SQLite, snapshotSqlite, syncFile } from "../db/snapshot.ts";
import { AppError } from "../errors.ts";
import { BACKUP_FORMAT, BACKUP_TABLES } from "./backup.ts";
import { liveServers } from "./live-marker.ts";

/**
 * `qi restore FILE`: a data folder made again from a backup (backup.ts). The backup is checked
 * whole first (its format, that this program knows its migrations, SQLite's integrity check, every
 * file against its SHA-256); the folder is built beside the target and takes its place only when
 * complete, so a failed restore leaves the target as it was. A folder a running server uses is
 * never replaced; a folder that holds anything is replaced only with --force, and is then kept
 * under a new name beside it (the result says where).
 */
export interface RestoreResult {
  readonly dataDir: string;
  readonly createdAt: string;
  readonly counts: Readonly<Record<string, number>>;
  readonly files: number;
  readonly fileBytes: number;
  /** Where the folder that was replaced (--force) was kept. */
  readonly keptAside: string | null;
  readonly seconds: number;
}

function readManifest(file: string) {
  if (!existsSync(file)) throw new AppError("not_found", `备份文件 ${file} 不存在`, "FILE");
  const fd = openSync(file, "r");
  const head = Buffer.alloc(16);
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (!looksLikeSqlite(head))
    throw new AppError("invalid_field", `${file} 不是 qi 备份文件（不是 SQLite 数据库）`, "FILE");
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const has = db
      .prepare(
        "select count(*) from sqlite_master where type = 'table' and name = 'qi_backup_manifest'",
      )
      .pluck()
      .get();
    if (Number(has) !== 1)
      throw new AppError("invalid_field", `${file} 不是 qi 备份文件（没有备份清单）`, "FILE");
    const entries = db.prepare("select key, value from qi_backup_manifest").all() as {
      key: string;
      value: string;
    }[];
    const m = Object.fromEntries(entries.map((e) => [e.key, e.value]));
    if (m.format !== BACKUP_FORMAT)
      throw new AppError(
        "invalid_field",
        `${file} 的备份格式 ${JSON.stringify(m.format ?? null)} 不是本程序的 ${BACKUP_FORMAT}`,
        "FILE",
      );
    const migrations = JSON.parse(m.migrations ?? "[]") as string[];
    const unknown = migrations.filter((n) => !MIGRATION_NAMES.includes(n));
    if (unknown.length > 0)
      throw new AppError(
        "conflict",
        `备份由更新版本的 qi 制作（本程序不认识迁移 ${unknown.join(", ")}）：请用同一或更新版本恢复`,
        "FILE",
      );
    const check = db.pragma("quick_check", { simple: true });
    if (check !== "ok")
      throw new AppError(
        "conflict",
        `备份文件 ${file} 已损坏（SQLite 校验：${String(check)}）`,
        "FILE",
      );
    let files = 0;
    for (const row of db
      .prepare("select path, sha256, data from qi_backup_files")
      .iterate() as Iterable<{
      path: string;
      sha256: string;
      data: Buffer;
    }>) {
      if (createHash("sha256").update(row.data).digest("hex") !== row.sha256)
        throw new AppError(
          "conflict",
          `备份中的文件 ${row.path} 与其 SHA-256 不符：备份已损坏`,
          "FILE",
        );
      if (!/^(evidence\/[0-9a-f]{2}\/[0-9a-f]{64}|sms-outbox\.jsonl)$/.test(row.path))
        throw new AppError(
          "invalid_field",
          `备份中的文件路径 ${row.path} 不是数据目录中的文件`,
          "FILE",
        );
      files++;
    }
    return {
      createdAt: m.createdAt ?? "",
      counts: JSON.parse(m.counts ?? "{}") as Record<string, number>,
      files,
    };
  } finally {
    db.close();
  }
}

function isEmptyFolder(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

export async function restoreSqlite(
  backupFile: string,
  dataDir: string,
  options: { force?: boolean } = {},
): Promise<RestoreResult> {
  const started = performance.now();
  const file = resolve(backupFile);
  const target = resolve(dataDir);
  const manifest = readManifest(file);

  const live = liveServers(target);
  if (live.length > 0)
    throw new AppError(
      "conflict",
      `数据目录 ${target} 正由运行中的服务使用（进程 ${live.join(", ")}）：先停止服务再恢复`,
      "QI_DATA_DIR",
    );
  if (!isEmptyFolder(target) && !options.force)
    throw new AppError(
      "conflict",
      `数据目录 ${target} 不是空的：确认要替换时加 --force（原目录将改名保留）`,
      "QI_DATA_DIR",
    );

  const stage = join(dirname(target), `.${basename(target)}.restoring-${process.pid}`);
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  try {
    const dbFile = join(stage, "qi.sqlite");
    await snapshotSqlite(file, dbFile);
    const db = new SQLite(dbFile);
    let counts: Record<string, number>;
    let fileBytes = 0;
    try {
      for (const t of BACKUP_TABLES) db.exec(`drop table if exists "${t}"`);
      // The files' pages given back when they are a large part of the file (a vacuum rewrites
      // the whole database: 25 s for a city's 1.7 GB); a few free pages are reused by new rows.
      const free = Number(db.pragma("freelist_count", { simple: true }));
      const pages = Number(db.pragma("page_count", { simple: true }));
      if (free > pages / 4) db.exec("vacuum");
      db.pragma("journal_mode = WAL");
      counts = countTables(db, () => false);
    } finally {
      db.close();
    }
    for (const [table, n] of Object.entries(manifest.counts))
      if (counts[table] !== n)
        throw new AppError(
          "conflict",
          `恢复后表 ${table} 有 ${counts[table] ?? 0} 行，备份时为 ${n} 行：未替换数据目录`,
          table,
        );
    const source = new SQLite(file, { readonly: true });
    try {
      for (const row of source
        .prepare("select path, data from qi_backup_files")
        .iterate() as Iterable<{
        path: string;
        data: Buffer;
      }>) {
        const path = join(stage, row.path);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, row.data);
        fileBytes += row.data.length;
      }
    } finally {
      source.close();
    }
    syncFile(dbFile);

    let keptAside: string | null = null;
    if (existsSync(target)) {
      if (isEmptyFolder(target)) rmSync(target, { recursive: true });
      else {
        keptAside = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
        renameSync(target, keptAside);
      }
    }
    renameSync(stage, target);
    return {
      dataDir: target,
      createdAt: manifest.createdAt,
      counts,
      files: manifest.files,
      fileBytes,
      keptAside,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}
