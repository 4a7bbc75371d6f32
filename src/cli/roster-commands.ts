import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import type { Command } from "commander";
import type { Actor } from "../auth/roles.ts";
import { AppError } from "../errors.ts";
import { OUTCOME_NAMES } from "../rosters/classify.ts";
import { importRoster, type RosterReport } from "../rosters/import-roster.ts";
import { rosterTemplate } from "../rosters/roster-template.ts";
import { withContext } from "./with-context.ts";

/** The operator on the server imports as the city's officials (免申即享 is the city's). */
const OPERATOR: Actor = {
  userId: "operator",
  username: "operator",
  role: "city_official",
  organizationId: null,
  county: null,
  ip: null,
};

function readRoster(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new AppError("invalid_field", `无法读取文件 ${file}：${(e as Error).message}`, "file");
  }
}

/** The report as an official reads it: the counts, then each row that needs attention. */
function reportText(r: RosterReport, dryRun: boolean): string {
  const c = r.counts;
  const lines = [
    `${dryRun ? "预览（未导入）" : `已导入 ${r.import?.number}`}：${r.kind.title}，${r.filename}，${c.rows} 行`,
    `  已匹配 ${c.matched}，待核对名称 ${c.needsReview}，未注册 ${c.unmatched}，无效 ${c.invalid}，重复 ${c.duplicates}`,
  ];
  if (!dryRun) lines.push(`  生成待确认奖励 ${c.offers} 项，政策引擎不予核定 ${c.refused} 项`);
  for (const row of r.rows) {
    if (row.outcome === "matched" && row.decision !== "refused") continue;
    const who = row.name ?? "";
    const why =
      row.outcome === "matched"
        ? `不予核定：${row.reason}`
        : (row.message ?? OUTCOME_NAMES[row.outcome]);
    lines.push(`  第 ${row.row} 行 ${OUTCOME_NAMES[row.outcome]} ${who}：${why}`);
  }
  const byCounty = new Map<string, number>();
  for (const row of r.rows)
    if (row.outcome === "unmatched")
      byCounty.set(row.county ?? "未知", (byCounty.get(row.county ?? "未知") ?? 0) + 1);
  if (byCounty.size > 0)
    lines.push(
      `  未注册组织按县（市、区）：${[...byCounty].map(([k, n]) => `${k} ${n}`).join("，")}`,
    );
  return `${lines.join("\n")}\n`;
}

export function registerRosterCommands(program: Command): void {
  const roster = program.command("roster").description("免申即享：官方名单的模板与导入");

  roster
    .command("template")
    .description("写出一类名单的导入模板（.xlsx，中文表头）")
    .requiredOption("--kind <kind>", "名单类型，如 pinzibiao")
    .requiredOption("--out <file>", "写出的文件")
    .action(async (opts: { kind: string; out: string }) => {
      const t = await withContext((ctx) => rosterTemplate(ctx, OPERATOR, opts.kind));
      writeFileSync(opts.out, t.data);
      process.stdout.write(`已写出 ${opts.out}（${t.filename}）\n`);
    });

  roster
    .command("import")
    .description("导入名单：先 --dry-run 预览每一行的结果；导入后已匹配的记录成为待企业确认的奖励")
    .argument("<file>", "名单文件：.xlsx，或 .csv（UTF-8 或 GB18030）")
    .requiredOption("--kind <kind>", "名单类型，如 pinzibiao")
    .option("--dry-run", "只预览，不写入")
    .option(
      "--json",
      "输出计数 JSON：rows, matched, needsReview, unmatched, invalid, duplicates, offers, refused",
    )
    .action(async (file: string, opts: { kind: string; dryRun?: boolean; json?: boolean }) => {
      const data = readRoster(file);
      const report = await withContext((ctx) =>
        importRoster(ctx, OPERATOR, {
          kind: opts.kind,
          filename: basename(file),
          data,
          dryRun: opts.dryRun === true,
        }),
      );
      if (opts.json) {
        const c = report.counts;
        process.stdout.write(
          `${JSON.stringify({
            rows: c.rows,
            matched: c.matched,
            needsReview: c.needsReview,
            unmatched: c.unmatched,
            invalid: c.invalid,
            duplicates: c.duplicates,
            offers: c.offers,
            refused: c.refused,
          })}\n`,
        );
        return;
      }
      process.stdout.write(reportText(report, opts.dryRun === true));
    });
}
