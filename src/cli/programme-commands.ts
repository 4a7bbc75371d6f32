import type { Command } from "commander";
import { renderTable } from "../catalog/text-table.ts";
import { AppError } from "../errors.ts";
import { isCounty } from "../organizations/counties.ts";
import { isCivilDate } from "../policy/dates.ts";
import { getTarget } from "../targets/get-target.ts";
import { targetContributions } from "../targets/list-target-contributions.ts";
import { listTargets } from "../targets/list-targets.ts";
import { CITY_WIDE } from "../targets/progress.ts";
import { withContext } from "./with-context.ts";

function checkOptions(opts: { asOf?: string; county?: string }) {
  if (opts.asOf !== undefined && !isCivilDate(opts.asOf))
    throw new AppError(
      "invalid_date",
      `字段 --as-of：应为有效日期（YYYY-MM-DD），收到 ${JSON.stringify(opts.asOf)}`,
      "as-of",
    );
  if (opts.county !== undefined && opts.county !== CITY_WIDE && !isCounty(opts.county))
    throw new AppError(
      "unknown_county",
      `字段 --county：未知的县（市、区）${JSON.stringify(opts.county)}`,
      "county",
    );
}

/** `qi targets`: the 2025 targets (二、总体目标) as officials read them. */
export function registerProgrammeCommands(program: Command): void {
  const targets = program
    .command("targets")
    .description("2025 年目标进度（二、总体目标）")
    .option("--as-of <date>", "统计日期（默认今天）")
    .option("--county <county>", "只看一个县（市、区）的数值")
    .option("--json", "输出 JSON")
    .action(async (opts: { asOf?: string; county?: string; json?: boolean }) => {
      checkOptions(opts);
      const result = await withContext((ctx) =>
        listTargets(ctx, null, { asOf: opts.asOf, county: opts.county }),
      );
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      const rows = result.items.map((t) => {
        const p = t.progress;
        const county = opts.county ? p.counties.find((c) => c.county === opts.county) : undefined;
        return [
          t.id,
          t.indicator,
          `${t.comparator === "gt" ? ">" : "≥"}${t.value}${t.unit}`,
          p.value === null ? "—" : `${p.value}${t.unit}`,
          ...(opts.county ? [county ? `${county.value}${t.unit}` : "0"] : []),
          p.percent === null ? "—" : `${p.percent}%`,
          p.statusName,
        ];
      });
      process.stdout.write(
        `${renderTable(
          [
            { header: "编号" },
            { header: "指标" },
            { header: "目标", align: "right" },
            { header: "全市", align: "right" },
            ...(opts.county ? [{ header: opts.county, align: "right" as const }] : []),
            { header: "完成", align: "right" },
            { header: "状态" },
          ],
          rows,
        )}\n统计日期 ${result.items[0]?.progress.on ?? result.asOf}（截止日之后按截止日计）\n`,
      );
    });

  targets
    .command("show <target>")
    .description("一个目标：按县分布与构成计数的记录")
    .option("--as-of <date>", "统计日期（默认今天）")
    .option("--json", "输出 JSON")
    .action(async (id: string, _opts: unknown, command: Command) => {
      // `targets` itself has --as-of and --json, and commander gives an option written after
      // `show <target>` to the parent; read both.
      const opts = command.optsWithGlobals<{ asOf?: string; county?: string; json?: boolean }>();
      checkOptions(opts);
      const { detail, counted } = await withContext(async (ctx) => ({
        detail: await getTarget(ctx, null, id, opts.asOf),
        counted: await targetContributions(ctx, null, id, {
          asOf: opts.asOf,
          county: opts.county,
        }),
      }));
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ ...detail, counted }, null, 2)}\n`);
        return;
      }
      const p = detail.progress;
      process.stdout.write(
        `${detail.indicator}：${p.value ?? "—"}${detail.unit}，目标${detail.comparatorText} ${detail.value}${detail.unit}，${p.statusName}\n${detail.counting.definition}\n\n`,
      );
      process.stdout.write(
        `${renderTable(
          [
            { header: "县（市、区）" },
            { header: "基数", align: "right" },
            { header: "系统计数", align: "right" },
            { header: "合计", align: "right" },
          ],
          p.counties.map((c) => [c.county, c.baseline, String(c.counted), c.value]),
        )}\n`,
      );
      if (counted.items.length > 0) {
        process.stdout.write(
          `\n${renderTable(
            [
              { header: "县（市、区）" },
              { header: "组织" },
              { header: "成果" },
              { header: "日期" },
              { header: "来源" },
            ],
            counted.items.map((c) => [
              c.county,
              c.organizationName,
              c.subject,
              c.eventDate,
              c.source === "award" ? `奖励 ${c.ref}` : "登记",
            ]),
          )}\n`,
        );
      }
    });
}
