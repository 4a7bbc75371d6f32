import { readFileSync } from "node:fs";
import { type Command, Option } from "commander";
import type { Actor } from "../auth/roles.ts";
import { renderTable, yuan } from "../catalog/text-table.ts";
import { AppError } from "../errors.ts";
import { isCounty } from "../organizations/counties.ts";
import { comparePack } from "../policies/compare-pack.ts";
import { listPacks } from "../policies/list-packs.ts";
import { checkPackSource, parsePackSource } from "../policies/pack-source.ts";
import { publishFile } from "../policies/publish-pack.ts";
import { simulatePack } from "../policies/simulate-pack.ts";
import { isCivilDate } from "../policy/dates.ts";
import { diffJson, type PackDiff } from "../policy/diff-pack.ts";
import type { Figures } from "../policy/simulate.ts";
import { withContext } from "./with-context.ts";

/**
 * The operator on the server acts for the pack's jurisdiction: the city's officials for a city
 * pack, that county's officials for a county's supporting pack (四（三）).
 */
function operatorFor(jurisdiction: string | undefined): Actor {
  const county = jurisdiction && isCounty(jurisdiction) ? jurisdiction : null;
  return {
    userId: "operator",
    username: "operator",
    role: county ? "county_official" : "city_official",
    organizationId: null,
    county,
    ip: null,
  };
}

/** The file as text, or a clear error naming it. */
function readPackFile(file: string): string {
  try {
    return readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (e) {
    throw new AppError("invalid_field", `无法读取文件 ${file}：${(e as Error).message}`, "file");
  }
}

/** The jurisdiction a file names, when it can be read at all (to act for it). */
function jurisdictionOf(source: string): string | undefined {
  const parsed = parsePackSource(source);
  if ("problem" in parsed) return undefined;
  const j = (parsed.data as { jurisdiction?: unknown }).jurisdiction;
  return typeof j === "string" ? j : undefined;
}

function civilDateOption(value: string | undefined, name: string): string | undefined {
  if (value !== undefined && !isCivilDate(value))
    throw new AppError("invalid_date", `--${name} 应为日期 YYYY-MM-DD，收到 ${value}`, name);
  return value;
}

export function registerPolicyCommands(program: Command): void {
  const policy = program.command("policy").description("政策：校验、对比、沙盘推演、发布、列表");

  policy
    .command("validate")
    .description("校验政策文件：通过时退出码 0；否则逐行列出每处问题（含路径），退出码 2")
    .argument("<file>", "政策文件（YAML 或 JSON），- 表示标准输入")
    .action(async (file: string) => {
      const source = readPackFile(file);
      const check = await withContext((ctx) => checkPackSource(ctx.database.db, source));
      if (check.ok && check.pack) {
        process.stdout.write(
          `政策文件有效：${check.pack.id}《${check.pack.shortTitle}》，${check.pack.itemList.length} 个奖励项目，施行期 ${check.pack.effective} 至 ${check.pack.expires}\n`,
        );
        return;
      }
      for (const p of check.problems) process.stderr.write(`${p.path}: ${p.message}\n`);
      process.exitCode = 2;
    });

  policy
    .command("diff")
    .description("对比政策文件与现行政策（或 --against 指定的政策）")
    .argument("<file>", "政策文件（YAML 或 JSON）")
    .option("--against <id>", "对比的政策编号（默认为现行政策）")
    .option("--json", 'JSON 输出：{"added","removed","changed":[{"item","field","from","to"}]}')
    .action(async (file: string, opts: { against?: string; json?: boolean }) => {
      const source = readPackFile(file);
      const diff = await withContext((ctx) =>
        comparePack(ctx, operatorFor(jurisdictionOf(source)), source, opts.against),
      );
      process.stdout.write(opts.json ? `${JSON.stringify(diffJson(diff))}\n` : diffText(diff));
    });

  policy
    .command("simulate")
    .description("沙盘推演：历史申报按草稿政策重新核定，与原政策对比")
    .argument("<file>", "草稿政策文件（YAML 或 JSON）")
    .option("--from <date>", "事件日期起（含）")
    .option("--to <date>", "事件日期止（含）")
    .option("--json", '单行 JSON 输出：{"claims","baseline","draft","deltaYuan"}')
    .action(async (file: string, opts: { from?: string; to?: string; json?: boolean }) => {
      const from = civilDateOption(opts.from, "from");
      const to = civilDateOption(opts.to, "to");
      const source = readPackFile(file);
      const run = await withContext((ctx) =>
        simulatePack(ctx, operatorFor(jurisdictionOf(source)), { source, from, to }),
      );
      if (opts.json) {
        const { claims, baseline, draft, deltaYuan } = run;
        process.stdout.write(`${JSON.stringify({ claims, baseline, draft, deltaYuan })}\n`);
        return;
      }
      process.stdout.write(simulationText(run));
    });

  policy
    .command("publish")
    .description("发布政策文件（存为新版本并发布）；--effective 确认施行日期")
    .argument("<file>", "政策文件（YAML 或 JSON）")
    .addOption(new Option("--effective <date>", "施行日期，须与文件一致").makeOptionMandatory())
    .action(async (file: string, opts: { effective: string }) => {
      const effective = civilDateOption(opts.effective, "effective") as string;
      const source = readPackFile(file);
      const published = await withContext((ctx) =>
        publishFile(ctx, operatorFor(jurisdictionOf(source)), source, effective),
      );
      process.stdout.write(
        `已发布 ${published.packId}（第 ${published.revision} 版），${published.effective} 起施行，有效至 ${published.expires}${published.repealed.length > 0 ? `；同时废止 ${published.repealed.join("、")}` : ""}\n`,
      );
    });

  policy
    .command("list")
    .description("列出已收录的政策：版本、状态、施行期")
    .option("--json", "JSON 输出")
    .action(async (opts: { json?: boolean }) => {
      const packs = await withContext((ctx) => listPacks(ctx, operatorFor(undefined)));
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(packs, null, 2)}\n`);
        return;
      }
      process.stdout.write(
        `${renderTable(
          [
            { header: "政策" },
            { header: "版本", align: "right" },
            { header: "状态" },
            { header: "适用地区" },
            { header: "施行日期" },
            { header: "有效至" },
            { header: "实际施行期" },
          ],
          packs.map((p) => [
            `${p.packId}《${p.shortTitle}》`,
            String(p.revision),
            p.stateName,
            p.jurisdiction,
            p.effective,
            p.expires,
            p.governs ? `${p.governs.start} 至 ${p.governs.end}` : "—",
          ]),
        )}\n`,
      );
    });
}

function diffText(diff: PackDiff): string {
  const lines = [`对比：${diff.from.id} → ${diff.to.id}`];
  lines.push(`新增项目：${diff.added.join("、") || "无"}`);
  lines.push(`删除项目：${diff.removed.join("、") || "无"}`);
  if (diff.changed.length === 0) lines.push("无其他变化");
  for (const c of diff.changed) lines.push(`  ${c.item ?? "（整体）"} ${c.field}：${c.text}`);
  return `${lines.join("\n")}\n`;
}

function simulationText(run: Awaited<ReturnType<typeof simulatePack>>): string {
  const range = `${run.from ?? "最早"} 至 ${run.to ?? "最新"}`;
  const row = (name: string, f: Figures) => [
    name,
    String(f.granted),
    yuan(f.totalYuan),
    yuan(f.bySource.city),
    yuan(f.bySource.county),
  ];
  const table = renderTable(
    [
      { header: "" },
      { header: "核定笔数", align: "right" },
      { header: "合计（元）", align: "right" },
      { header: "市级承担", align: "right" },
      { header: "县级承担", align: "right" },
    ],
    [row("原政策", run.baseline), row(`草稿 ${run.draftPack.id}`, run.draft)],
  );
  const county = run.county;
  const years = [
    ...new Set([...Object.keys(run.baseline.byYear), ...Object.keys(run.draft.byYear)]),
  ]
    .sort()
    .map((y) =>
      county
        ? `  ${y} 年${county.name}财政：原 ${yuan(run.baseline.byYear[y]?.amountYuan ?? 0)} 元，草稿 ${yuan(run.draft.byYear[y]?.amountYuan ?? 0)} 元（${county.budgetByYear[y] === undefined ? "该年未登记预算" : `年度预算 ${yuan(county.budgetByYear[y])} 元`}）`
        : `  ${y} 年市级专项资金：原 ${yuan(run.baseline.byYear[y]?.cityYuan ?? 0)} 元，草稿 ${yuan(run.draft.byYear[y]?.cityYuan ?? 0)} 元（年度预算 ${yuan(run.cityFundBudget)} 元）`,
    );
  const whose = county ? `${county.name}组织的、` : "";
  return `沙盘推演：事件日期 ${range} 的 ${whose}${run.claims} 件申报（推演编号 ${run.id}）\n${table}差额：${run.deltaYuan >= 0 ? "+" : ""}${yuan(run.deltaYuan)} 元\n${years.join("\n")}\n`;
}
