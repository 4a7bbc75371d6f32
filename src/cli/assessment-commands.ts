import type { Command } from "commander";
import { latestRun, type RunView, runAssessment } from "../assessment/assessment.ts";
import { renderTable } from "../catalog/text-table.ts";
import { AppError } from "../errors.ts";
import { withContext } from "./with-context.ts";

function yearOf(text: string): number {
  if (!/^\d{4}$/.test(text)) throw new AppError("invalid_field", "年度应为四位数字", "year");
  return Number(text);
}

/** The ranking as a terminal table: rank, county, total, then each indicator's points. */
export function renderRanking(run: RunView): string {
  const indicators = run.results.indicators;
  const table = renderTable(
    [
      { header: "排名", align: "right" },
      { header: "县（市、区）" },
      { header: "总分", align: "right" },
      ...indicators.map((i) => ({ header: `${i.name}（${i.weight}）`, align: "right" as const })),
    ],
    run.results.counties.map((c) => [
      String(c.rank),
      c.county,
      c.total,
      ...c.indicators.map((s) => s.points),
    ]),
  );
  return [
    `${run.year} 年县级考核（四（一））：方案第 ${run.schemeVersion} 版，计算于 ${run.createdAt}，编号 ${run.id}`,
    table,
    "",
  ].join("\n");
}

function print(run: RunView, json: boolean) {
  process.stdout.write(json ? `${JSON.stringify(run, null, 2)}\n` : renderRanking(run));
}

export function registerAssessmentCommands(program: Command): void {
  const assessment = program.command("assessment").description("县级考核（四（一））");
  assessment
    .command("run")
    .description("按年度考核方案计算各县（市、区）得分与排名，并保存本次计算（以运维人员身份）")
    .requiredOption("--year <year>", "年度")
    .option("--version <n>", "方案版本（默认最新）")
    .option("--json", "输出 JSON")
    .action(async (opts: { year: string; version?: string; json?: boolean }) => {
      const year = yearOf(opts.year);
      if (opts.version !== undefined && !/^[1-9]\d*$/.test(opts.version))
        throw new AppError("invalid_field", "方案版本应为正整数", "version");
      const version = opts.version === undefined ? undefined : Number(opts.version);
      const run = await withContext((ctx) => runAssessment(ctx, null, { year, version }));
      print(run, opts.json === true);
    });
  assessment
    .command("show")
    .description("显示某年度最近一次考核计算的排名")
    .requiredOption("--year <year>", "年度")
    .option("--json", "输出 JSON")
    .action(async (opts: { year: string; json?: boolean }) => {
      const year = yearOf(opts.year);
      const run = await withContext((ctx) => latestRun(ctx, null, year));
      if (!run)
        throw new AppError(
          "not_found",
          `${year} 年尚未进行县级考核计算（qi assessment run --year ${year}）`,
          "year",
        );
      print(run, opts.json === true);
    });
}
