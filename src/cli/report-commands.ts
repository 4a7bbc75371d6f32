import { copyFileSync, rmSync } from "node:fs";
import type { Command } from "commander";
import type { Actor } from "../auth/roles.ts";
import { exportReport } from "../reports/export-report.ts";
import { REPORTS, reportRequest } from "../reports/report-kinds.ts";
import { withContext } from "./with-context.ts";

/**
 * The operator on the server exports as the city's finance: every county, and the bank columns
 * of the payment list (as `qi export payments` does).
 */
const OPERATOR: Actor = {
  userId: "operator",
  username: "operator",
  role: "finance",
  organizationId: null,
  county: null,
  ip: null,
};

export function registerReportCommands(program: Command): void {
  program
    .command("report")
    .description("导出报表（.xlsx）：qi report awards --year 2025 --out 奖励汇总.xlsx")
    .argument(
      "<kind>",
      `报表类型：${Object.entries(REPORTS)
        .map(([kind, d]) => `${kind}（${d.title}）`)
        .join("、")}`,
    )
    .option("--year <year>", "年度")
    .option("--county <county>", "县（市、区）")
    .option("--source <source>", "资金来源：city 或县（市、区）名称")
    .requiredOption("--out <file>", "输出文件（.xlsx）")
    .action(
      async (
        kind: string,
        opts: { year?: string; county?: string; source?: string; out: string },
      ) => {
        const query = { year: opts.year, county: opts.county, source: opts.source };
        // Kind and parameters are checked before the database is opened or a file is written.
        reportRequest(kind, query);
        const file = await withContext((ctx) => exportReport(ctx, OPERATOR, kind, query));
        try {
          copyFileSync(file.file, opts.out);
        } finally {
          rmSync(file.file, { force: true });
        }
        process.stdout.write(`已导出${file.title}到 ${opts.out}\n`);
      },
    );
}
