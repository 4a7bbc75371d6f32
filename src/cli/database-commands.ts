import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { STATE_NAMES, type State } from "../applications/states.ts";
import { verifyAuditChain } from "../audit/audit-log.ts";
import { ADMIN_ROLES, ROLE_NAMES, type Role } from "../auth/roles.ts";
import { renderTable } from "../catalog/text-table.ts";
import { loadConfig, openDatabase } from "../config.ts";
import { holdsUsers } from "../db/maintenance.ts";
import { migrate } from "../db/migrate.ts";
import { DEMO_PASSWORD, fillDemo } from "../demo/demo.ts";
import { CITY_SCALE, fillCity } from "../demo/demo-city.ts";
import { AppError } from "../errors.ts";
import { verifyLedger } from "../ledger/verify-ledger.ts";
import { createUser, createUserSchema } from "../users/create-user.ts";
import { parseWith } from "../validation.ts";
import { positiveInteger } from "./input.ts";
import { withContext } from "./with-context.ts";

export function registerDatabaseCommands(program: Command): void {
  program
    .command("migrate")
    .description(
      "创建或升级数据库（SQLite 默认 ./data/qi.sqlite；设置 DATABASE_URL 则为 PostgreSQL）",
    )
    .action(async () => {
      const config = loadConfig();
      const database = openDatabase(config);
      try {
        const applied = await migrate(database);
        process.stdout.write(
          applied.length ? `已执行迁移：${applied.join(", ")}\n` : "数据库已是最新\n",
        );
      } finally {
        await database.close();
      }
    });

  const admin = program.command("admin").description("管理员账号");
  admin
    .command("create")
    .description("创建管理员账号（服务器操作员使用；第一个系统管理员由此创建）")
    .requiredOption("--username <name>", "用户名")
    .option("--name <name>", "显示名称", "系统管理员")
    .option("--role <role>", `角色：${ADMIN_ROLES.join(" | ")}`, "system_admin")
    .option("--password-stdin", "从标准输入读取密码（否则生成随机密码并显示一次）")
    .action(
      async (opts: { username: string; name: string; role: string; passwordStdin?: boolean }) => {
        if (!(ADMIN_ROLES as readonly string[]).includes(opts.role)) {
          throw new AppError("invalid_field", `--role 应为 ${ADMIN_ROLES.join("、")} 之一`, "role");
        }
        const generated = randomBytes(12).toString("base64url");
        const password = opts.passwordStdin ? readFileSync(0, "utf8").trim() : generated;
        const input = parseWith(createUserSchema, {
          username: opts.username,
          displayName: opts.name,
          role: opts.role,
          password,
        });
        if (!input.ok) throw input.error;
        const user = await withContext((ctx) => createUser(ctx, null, input.value));
        process.stdout.write(`已创建${ROLE_NAMES[user.role]} ${user.username}\n`);
        if (!opts.passwordStdin)
          process.stdout.write(`初始密码（只显示这一次，请登录后修改）：${generated}\n`);
      },
    );

  program
    .command("demo")
    .description("向空数据库填充演示数据：各县（市、区）的组织、各角色用户、各状态的申报")
    .option(
      "--scale <scale>",
      "demo：演示数据；city：演示数据之外再填充一座城市数年的数据（10 万家组织、6 万余件申报、3 万余笔奖励），用于测量",
      "demo",
    )
    .option("--organizations <n>", "city 规模的组织数", positiveInteger("--organizations"))
    .option("--applications <n>", "city 规模的申报数", positiveInteger("--applications"))
    .action(async (opts: { scale: string; organizations?: number; applications?: number }) => {
      if (opts.scale !== "demo" && opts.scale !== "city")
        throw new AppError("invalid_field", "--scale 应为 demo 或 city", "scale");
      if (opts.scale === "demo" && (opts.organizations || opts.applications))
        throw new AppError(
          "invalid_field",
          "--organizations 与 --applications 只用于 --scale city",
          opts.organizations ? "organizations" : "applications",
        );
      const started = Date.now();
      const { accounts, city } = await withContext(
        async (ctx) => {
          if (await holdsUsers(ctx.database.db)) {
            throw new AppError(
              "conflict",
              "数据库中已有用户；演示数据只填充到空数据库（可设置 QI_DATA_DIR 指向新目录）",
            );
          }
          const accounts = await fillDemo(ctx);
          if (opts.scale !== "city") return { accounts, city: null };
          const organizations = opts.organizations ?? CITY_SCALE.organizations;
          const scale = {
            ...CITY_SCALE,
            organizations,
            accounts: Math.min(CITY_SCALE.accounts, organizations),
            applications: opts.applications ?? CITY_SCALE.applications,
          };
          const city = await fillCity(ctx, scale, (line) => process.stderr.write(`${line}\n`));
          return { accounts, city };
        },
        { durable: opts.scale !== "city" },
      );
      const rows = accounts.map((a) => [a.username, ROLE_NAMES[a.role as Role], a.scope]);
      process.stdout.write(
        `演示数据已就绪。所有演示账号的密码：${DEMO_PASSWORD}\n\n${renderTable([{ header: "用户名" }, { header: "角色" }, { header: "范围" }], rows)}\n`,
      );
      if (city) {
        const states = Object.entries(city.states)
          .map(([state, n]) => `${STATE_NAMES[state as State] ?? state} ${n}`)
          .join("，");
        process.stdout.write(
          `\n城市规模数据：组织 ${city.organizations} 家，申报 ${city.applications} 件（${states}），奖励 ${city.awards} 笔（已拨付 ${city.paid} 笔），公示批次 ${city.batches} 个；企业账号 ent-00001 起，密码同上。用时 ${Math.round((Date.now() - started) / 1000)} 秒\n`,
        );
      }
    });

  program
    .command("verify")
    .description("校验审计日志哈希链与账簿（记账平衡、余额与记账一致、无超支、无重复支付）")
    .action(async () => {
      const [chain, ledger] = await withContext(
        async (ctx) =>
          [await verifyAuditChain(ctx.database.db), await verifyLedger(ctx.database.db)] as const,
      );
      if (chain.ok) process.stdout.write(`审计日志完整：${chain.entries} 条记录，哈希链校验通过\n`);
      else
        process.stdout.write(`审计日志被破坏：第 ${chain.brokenAt} 条起不一致——${chain.reason}\n`);
      if (ledger.ok)
        process.stdout.write(
          `账簿一致：${ledger.postings} 笔记账，余额与记账相符，无超支，无重复支付\n`,
        );
      else for (const p of ledger.problems) process.stdout.write(`账簿问题：${p.detail}\n`);
      if (!chain.ok || !ledger.ok) process.exitCode = 1;
    });
}
