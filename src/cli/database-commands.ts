import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { verifyAuditChain } from "../audit/audit-log.ts";
import { ADMIN_ROLES, ROLE_NAMES, type Role } from "../auth/roles.ts";
import { renderTable } from "../catalog/text-table.ts";
import { loadConfig, openDatabase } from "../config.ts";
import { holdsUsers } from "../db/maintenance.ts";
import { migrate } from "../db/migrate.ts";
import { DEMO_PASSWORD, fillDemo } from "../demo/demo.ts";
import { AppError } from "../errors.ts";
import { verifyLedger } from "../ledger/verify-ledger.ts";
import { createUser, createUserSchema } from "../users/create-user.ts";
import { parseWith } from "../validation.ts";
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
    .action(async () => {
      const accounts = await withContext(async (ctx) => {
        if (await holdsUsers(ctx.database.db)) {
          throw new AppError(
            "conflict",
            "数据库中已有用户；演示数据只填充到空数据库（可设置 QI_DATA_DIR 指向新目录）",
          );
        }
        return fillDemo(ctx);
      });
      const rows = accounts.map((a) => [a.username, ROLE_NAMES[a.role as Role], a.scope]);
      process.stdout.write(
        `演示数据已就绪。所有演示账号的密码：${DEMO_PASSWORD}\n\n${renderTable([{ header: "用户名" }, { header: "角色" }, { header: "范围" }], rows)}\n`,
      );
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
