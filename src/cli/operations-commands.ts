import type { Command } from "commander";
import { loadConfig } from "../config.ts";
import { AppError } from "../errors.ts";
import { backupSqlite } from "../operations/backup.ts";
import { restoreSqlite } from "../operations/restore.ts";

const MB = 1024 * 1024;

/** What an operator of PostgreSQL does instead (docs/deploy.md has the whole drill). */
function postgresSteps(what: "backup" | "restore"): AppError {
  const steps =
    what === "backup"
      ? [
          "PostgreSQL 的数据库不由 qi backup 备份，请用 pg_dump：",
          '  pg_dump --format=custom --file=qi-$(date +%F).dump "$DATABASE_URL"',
          "数据目录（QI_DATA_DIR）中的证明材料另行复制：",
          '  tar -C "$QI_DATA_DIR" -czf qi-files-$(date +%F).tar.gz evidence',
          "完整步骤见 docs/deploy.md「备份与恢复演练」。",
        ]
      : [
          "PostgreSQL 的数据库不由 qi restore 恢复，请用 pg_restore 恢复到一个新的空数据库：",
          '  createdb qi_restored && pg_restore --no-owner --dbname="postgres://…/qi_restored" qi-2026-12-05.dump',
          "完整步骤见 docs/deploy.md「备份与恢复演练」。",
        ];
  return new AppError("invalid_state", steps.join("\n"), "DATABASE_URL");
}

export function registerOperationsCommands(program: Command): void {
  program
    .command("backup")
    .description("在线备份内嵌数据库（SQLite）与数据目录中的文件，写成一个备份文件")
    .requiredOption("--out <file>", "备份文件（不得已存在）")
    .option("--json", "以 JSON 输出备份结果")
    .action(async (opts: { out: string; json?: boolean }) => {
      const config = loadConfig();
      if (config.databaseUrl) throw postgresSteps("backup");
      const r = await backupSqlite(config.dataDir, opts.out);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
        return;
      }
      const rows = Object.values(r.counts).reduce((a, b) => a + b, 0);
      process.stdout.write(
        `已备份到 ${r.file}（${(r.bytes / MB).toFixed(1)} MB，用时 ${r.seconds.toFixed(1)} 秒）\n` +
          `  数据库：${Object.keys(r.counts).length} 张表，${rows} 行，迁移 ${r.migrations.length} 个；申报 ${r.counts.applications ?? 0}，奖励 ${r.counts.awards ?? 0}，审计 ${r.counts.audit_log ?? 0}\n` +
          `  文件：${r.files} 个，${(r.fileBytes / MB).toFixed(1)} MB\n`,
      );
      if (r.missingFiles.length > 0)
        process.stdout.write(
          `  注意：数据库记录的 ${r.missingFiles.length} 个文件在数据目录中缺失（未能备份）：${r.missingFiles.slice(0, 5).join(", ")}${r.missingFiles.length > 5 ? " …" : ""}\n`,
        );
    });

  program
    .command("restore")
    .description("从备份文件恢复数据目录（QI_DATA_DIR）；目录非空时需 --force，服务运行时拒绝")
    .argument("<file>", "qi backup 写出的备份文件")
    .option("--force", "替换非空的数据目录（原目录改名保留）")
    .option("--json", "以 JSON 输出恢复结果")
    .action(async (file: string, opts: { force?: boolean; json?: boolean }) => {
      const config = loadConfig();
      if (config.databaseUrl) throw postgresSteps("restore");
      const r = await restoreSqlite(file, config.dataDir, { force: opts.force === true });
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
        return;
      }
      const rows = Object.values(r.counts).reduce((a, b) => a + b, 0);
      process.stdout.write(
        `已从 ${file}（备份于 ${r.createdAt}）恢复到 ${r.dataDir}，用时 ${r.seconds.toFixed(1)} 秒\n` +
          `  数据库：${Object.keys(r.counts).length} 张表，${rows} 行，每张表的行数与备份时相同\n` +
          `  文件：${r.files} 个，${(r.fileBytes / MB).toFixed(1)} MB\n` +
          (r.keptAside ? `  原数据目录已改名保留：${r.keptAside}\n` : "") +
          "下一步：qi verify 校验审计日志与账簿，然后启动服务。\n",
      );
    });
}
