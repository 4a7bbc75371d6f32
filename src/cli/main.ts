import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { Command, CommanderError, Option } from "commander";
import { calculate } from "../calculate/calculate.ts";
import { catalogItems, policySummary } from "../catalog/catalog.ts";
import { catalogMarkdown } from "../catalog/markdown.ts";
import { renderTable, yuan } from "../catalog/text-table.ts";
import { loadConfig } from "../config.ts";
import { AppError } from "../errors.ts";
import { lifecycleMarkdown } from "../lifecycle/markdown.ts";
import { bundledRegistry } from "../packs/load.ts";
import type { PolicyRegistry } from "../policy/registry.ts";
import { explainText } from "./explain.ts";
import { readJsonInput } from "./input.ts";
import { withContext } from "./with-context.ts";

/** Writes one line to stderr and sets the exit code of the error's code. */
function fail(error: AppError): void {
  process.stderr.write(`qi: ${error.message}\n`);
  process.exitCode = error.exitCode;
}

/**
 * The packs a calculation decides with: those on record when the product has a database here
 * (its SQLite file exists, or DATABASE_URL is set), so that a published successor counts without
 * a release; otherwise the bundled ones (no database is created for a calculation).
 */
async function registryForCalculation(): Promise<PolicyRegistry> {
  const config = loadConfig();
  if (!config.databaseUrl && !existsSync(resolve(config.dataDir, "qi.sqlite")))
    return bundledRegistry();
  return withContext(async (ctx) => ctx.registry);
}

async function decide(file: string, trace: boolean, supplements = false) {
  const input = readJsonInput(file);
  if (!input.ok) return input;
  return calculate(await registryForCalculation(), input.value, { trace, supplements });
}

const program = new Command("qi")
  .description("台州市质量强市激励政策兑现系统 quality-incentives")
  .exitOverride()
  .showHelpAfterError();

program
  .command("calculate")
  .description("按计算契约核定申报（JSON 输入，JSON 输出）")
  .argument("<file>", "请求 JSON 文件，- 表示标准输入")
  .option("--trace", "附上每条申报的核查过程")
  .addOption(
    new Option("--include <what>", "supplements：另附所在县（市、区）配套政策的核定").choices([
      "supplements",
    ]),
  )
  .action(async (file: string, opts: { trace?: boolean; include?: string }) => {
    const result = await decide(file, opts.trace === true, opts.include === "supplements");
    if (!result.ok) return fail(result.error);
    process.stdout.write(`${JSON.stringify(result.value, null, 2)}\n`);
  });

program
  .command("explain")
  .description("以中文表格说明核定结果、原因与条款")
  .argument("<file>", "请求 JSON 文件，- 表示标准输入")
  .option("--trace", "逐条列出核查过程")
  .action(async (file: string, opts: { trace?: boolean }) => {
    const result = await decide(file, opts.trace === true);
    if (!result.ok) return fail(result.error);
    process.stdout.write(explainText(result.value));
  });

program
  .command("items")
  .description("列出奖励项目目录：金额、条款、条件、资金承担")
  .addOption(new Option("--json", "JSON 输出").conflicts("markdown"))
  .addOption(new Option("--markdown", "Markdown 输出（docs/policy.md）"))
  .option("--policy <id>", "政策编号（默认为最新政策）")
  .action((opts: { json?: boolean; markdown?: boolean; policy?: string }) => {
    const registry = bundledRegistry();
    const pack = opts.policy ? registry.pack(opts.policy) : registry.current;
    if (!pack) return fail(new AppError("not_found", `没有政策 ${opts.policy}`, "policy"));
    const items = catalogItems(pack);
    if (opts.json) {
      process.stdout.write(`${JSON.stringify({ policy: policySummary(pack), items }, null, 2)}\n`);
    } else if (opts.markdown) {
      process.stdout.write(catalogMarkdown(policySummary(pack), items, pack.rosters));
    } else {
      const rows = items.map((i) => [
        i.id,
        i.title,
        i.clause,
        i.amountYuan === null ? "竞争性" : yuan(i.amountYuan),
        i.funding.rule === "city" ? "市财政" : "按属地",
        i.conditions.map((c) => c.text).join("；") || "—",
      ]);
      process.stdout.write(
        `${pack.title}（${pack.effective} 至 ${pack.expires}）\n\n${renderTable(
          [
            { header: "编号" },
            { header: "项目" },
            { header: "条款" },
            { header: "金额（元）", align: "right" },
            { header: "资金" },
            { header: "条件" },
          ],
          rows,
        )}\n`,
      );
    }
  });

program
  .command("serve")
  .description("启动服务（API、OpenAPI 文档）；首次启动时创建并迁移数据库")
  .option("--port <port>", "端口（默认取 PORT 或 3000）")
  .option("--host <host>", "地址（默认取 HOST 或 127.0.0.1）")
  .action(async (opts: { port?: string; host?: string }) => {
    const { startServer } = await import("../http/server.ts");
    await startServer({
      port: opts.port === undefined ? undefined : Number(opts.port),
      host: opts.host,
    });
  });

program
  .command("states")
  .description("各类记录的状态与流转表")
  .option("--markdown", "以 Markdown 输出（docs/lifecycle.md）")
  .action((options: { markdown?: boolean }) => {
    const text = lifecycleMarkdown();
    process.stdout.write(
      // Plain text: the table rules and code marks of the Markdown left out.
      options.markdown
        ? text
        : text
            .replaceAll("\u0060", "")
            .replace(/^\| ?|\|$/gm, "")
            .replace(/ \| /g, "  "),
    );
  });

/**
 * The command groups, each loaded only when its command is asked for (or for the help of all):
 * a command starts without loading the use cases of every other one.
 */
const GROUPS: readonly {
  readonly commands: readonly string[];
  readonly load: () => Promise<(program: Command) => void>;
}[] = [
  {
    commands: ["migrate", "admin", "demo", "verify"],
    load: async () => (await import("./database-commands.ts")).registerDatabaseCommands,
  },
  {
    commands: ["publicity", "awards", "budget", "payments", "export"],
    load: async () => (await import("./money-commands.ts")).registerMoneyCommands,
  },
  {
    commands: ["targets"],
    load: async () => (await import("./programme-commands.ts")).registerProgrammeCommands,
  },
  {
    commands: ["assessment"],
    load: async () => (await import("./assessment-commands.ts")).registerAssessmentCommands,
  },
  {
    commands: ["report"],
    load: async () => (await import("./report-commands.ts")).registerReportCommands,
  },
  {
    commands: ["policy"],
    load: async () => (await import("./policy-commands.ts")).registerPolicyCommands,
  },
  {
    commands: ["backup", "restore"],
    load: async () => (await import("./operations-commands.ts")).registerOperationsCommands,
  },
  {
    commands: ["roster"],
    load: async () => (await import("./roster-commands.ts")).registerRosterCommands,
  },
];
const asked = process.argv[2];
const builtIn = program.commands.some((c) => c.name() === asked);
const group = GROUPS.find((g) => g.commands.includes(asked ?? ""));
if (!builtIn) for (const g of group ? [group] : GROUPS) (await g.load())(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    process.exitCode = e.exitCode === 0 ? 0 : 2;
  } else if (e instanceof AppError) {
    fail(e);
  } else {
    process.stderr.write(`qi: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
}
