import type { Command } from "commander";
import type { SchemeInput } from "../assessment/assessment-input.ts";
import type { RunView } from "../assessment/assessment-views.ts";
import { latestRun } from "../assessment/read-runs.ts";
import { currentSchemeVersion } from "../assessment/read-schemes.ts";
import { runAssessment } from "../assessment/run-assessment.ts";
import { saveScheme } from "../assessment/save-scheme.ts";
import { renderTable } from "../catalog/text-table.ts";
import { AppError } from "../errors.ts";
import { readJsonInput } from "./input.ts";
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
    .command("save-scheme")
    .summary("从 JSON 文件保存年度考核方案为新版本（导入即替换现行方案，旧版本保留）")
    .description(
      [
        "从 JSON 文件保存年度考核方案为新版本（以运维人员身份）。文件内容：{ year, note, indicators }。",
        "不给 --base-version（文件中也没有 baseVersion）时，以该年度当前最新版本为依据：",
        "导入文件就是有意替换现行方案（旧版本保留，已有计算仍可按原版本核对）。",
        "给出 --base-version 时，若该年度最新版本已不是它（他人已保存新版本）则拒绝保存。",
      ].join("\n"),
    )
    .requiredOption("--file <path>", "方案 JSON 文件（- 为标准输入）")
    .option("--base-version <n>", "所依据的版本（默认该年度当前最新版本）")
    .option("--json", "输出 JSON")
    .action(async (opts: { file: string; baseVersion?: string; json?: boolean }) => {
      if (opts.baseVersion !== undefined && !/^[1-9]\d*$/.test(opts.baseVersion))
        throw new AppError("invalid_field", "所依据的版本应为正整数", "baseVersion");
      const parsed = readJsonInput(opts.file);
      if (!parsed.ok) throw parsed.error;
      if (parsed.value === null || typeof parsed.value !== "object" || Array.isArray(parsed.value))
        throw new AppError(
          "invalid_field",
          "方案文件应为 JSON 对象 { year, note, indicators }",
          "file",
        );
      const body = parsed.value as Record<string, unknown>;
      const saved = await withContext(async (ctx) => {
        let baseVersion =
          opts.baseVersion === undefined ? body.baseVersion : Number(opts.baseVersion);
        // A file names no version it was edited from: importing it replaces whatever is current,
        // which the operator asked for. The save still refuses if another save lands in between.
        if (baseVersion === undefined && typeof body.year === "number")
          baseVersion = (await currentSchemeVersion(ctx, null, body.year)) ?? undefined;
        return saveScheme(ctx, null, { ...body, baseVersion } as SchemeInput);
      });
      process.stdout.write(
        opts.json === true
          ? `${JSON.stringify(saved, null, 2)}\n`
          : `已保存 ${saved.year} 年度考核方案第 ${saved.version} 版（${saved.indicators.length} 个指标）\n`,
      );
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
