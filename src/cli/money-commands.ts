import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import type { Actor } from "../auth/roles.ts";
import { systemActor } from "../auth/roles.ts";
import { awardPaymentRows } from "../awards/awards-repository.ts";
import { listAwards } from "../awards/list-awards.ts";
import { AWARD_STATE_NAMES } from "../awards/states.ts";
import { setBudget } from "../budgets/budgets.ts";
import { renderTable, yuan } from "../catalog/text-table.ts";
import { AppError } from "../errors.ts";
import { closePublicity } from "../jobs/close-due-publicity.ts";
import { paymentWorkbook } from "../payments/payment-workbook.ts";
import { findPaymentBatchByRef, lineStatesOfBatch } from "../payments/payments-repository.ts";
import { recordPaymentResult } from "../payments/record-payment-result.ts";
import { itemOf } from "../reports/report-helpers.ts";
import { withContext } from "./with-context.ts";

/** The operator on the server reads awards as the city's finance: every budget, every county. */
const OPERATOR: Actor = {
  userId: "operator",
  username: "operator",
  role: "finance",
  organizationId: null,
  county: null,
  ip: null,
};

export function registerMoneyCommands(program: Command): void {
  const publicity = program.command("publicity").description("公示");
  publicity
    .command("close")
    .description("结束到期公示：无未决异议的申报转为奖励（可重复执行）")
    .action(async () => {
      const s = await withContext((ctx) => closePublicity(ctx, systemActor("operator")));
      process.stdout.write(
        `转为奖励 ${s.awarded} 项；公共项目立项 ${s.projectsFunded} 项；因异议暂缓 ${s.held} 项；等待预算 ${s.waiting.length} 项；结束公示批次：${s.closedBatches.join("、") || "无"}\n`,
      );
      for (const w of s.waiting) process.stdout.write(`  ${w.message}\n`);
    });

  program
    .command("awards")
    .description("列出奖励")
    .option("--year <year>", "年度")
    .option("--source <source>", "资金来源：city 或县（市、区）名称")
    .action(async (opts: { year?: string; source?: string }) => {
      if (opts.year !== undefined && !/^\d{4}$/.test(opts.year))
        throw new AppError("invalid_field", "年度应为四位数字", "year");
      const rows = await withContext((ctx) =>
        listAwards(ctx, OPERATOR, {
          year: opts.year === undefined ? undefined : Number(opts.year),
          source: opts.source,
        }),
      );
      const table = renderTable(
        [
          { header: "奖励编号" },
          { header: "组织" },
          { header: "项目" },
          { header: "金额（元）", align: "right" },
          { header: "预算" },
          { header: "状态" },
          { header: "奖励日期" },
        ],
        rows.map((r) => [
          r.number,
          r.organization.name,
          r.item,
          yuan(r.amount),
          `${r.year}/${r.source}`,
          r.state,
          r.awardedOn,
        ]),
      );
      process.stdout.write(
        `${table}\n合计 ${rows.length} 项，${yuan(rows.reduce((s, r) => s + r.amount, 0))} 元\n`,
      );
    });

  const budget = program.command("budget").description("年度预算");
  budget
    .command("set")
    .description("设定年度预算：qi budget set 2025 city 20000000")
    .argument("<year>", "年度")
    .argument("<source>", "city 或县（市、区）名称")
    .argument("<amount>", "总额（整数元）")
    .option("--key <key>", "幂等键（重复执行同一设定时使用同一个键）")
    .action(async (year: string, source: string, amount: string, opts: { key?: string }) => {
      if (!/^\d{4}$/.test(year)) throw new AppError("invalid_field", "年度应为四位数字", "year");
      if (!/^\d+$/.test(amount))
        throw new AppError("invalid_field", "预算总额应为非负整数元", "amount");
      const b = await withContext((ctx) =>
        setBudget(
          ctx,
          null,
          { year: Number(year), source, total: Number(amount) },
          opts.key ?? `cli-${randomUUID()}`,
        ),
      );
      process.stdout.write(
        `${b.year} 年 ${b.source} 预算：总额 ${yuan(b.total)} 元，预留 ${yuan(b.reserved)} 元，已付 ${yuan(b.paid)} 元，剩余 ${yuan(b.remaining)} 元\n`,
      );
    });

  const payments = program.command("payments").description("拨付");
  payments
    .command("pay")
    .description("按国库回单把某拨付批次的待拨付明细逐条登记为已拨付（每条一个事务，可中断后重跑）")
    .argument("<batch>", "拨付批次编号（BF-…）或 id")
    .requiredOption("--date <date>", "支付日期 YYYY-MM-DD")
    .option("--ref-prefix <prefix>", "国库凭证号前缀", "GK")
    .action(async (batchRef: string, opts: { date: string; refPrefix: string }) => {
      await withContext(async (ctx) => {
        const batch = await findPaymentBatchByRef(ctx.database.db, batchRef);
        if (!batch) throw new AppError("not_found", `没有拨付批次 ${batchRef}`, "batch");
        const operator: Actor = {
          userId: "operator",
          username: "operator",
          role: "finance",
          organizationId: null,
          county: batch.source === "city" ? null : (batch.source as Actor["county"]),
          ip: null,
        };
        const lines = await lineStatesOfBatch(ctx.database.db, batch.id);
        for (const line of lines) {
          if (line.state !== "pending") continue;
          await recordPaymentResult(
            ctx,
            operator,
            line.id,
            {
              outcome: "paid",
              treasuryRef: `${opts.refPrefix}-${line.id.slice(0, 8)}`,
              paidDate: opts.date,
            },
            `pay-${line.id}`,
          );
          // Printed only after the line's transaction committed: an acknowledged payment is durable.
          process.stdout.write(`ack ${line.id}\n`);
        }
      });
    });

  const exporter = program.command("export").description("导出");
  exporter
    .command("payments")
    .description("导出某资金来源某年度的奖励拨付清单（.xlsx，含银行账号，供财政使用）")
    .requiredOption("--source <source>", "city 或县（市、区）名称")
    .requiredOption("--year <year>", "年度")
    .option("--out <file>", "输出文件")
    .action(async (opts: { source: string; year: string; out?: string }) => {
      const rows = await withContext(async (ctx) =>
        (
          await awardPaymentRows(ctx.database.db, { year: Number(opts.year), source: opts.source })
        ).map((r) => ({
          award: r.number,
          organization: r.name,
          uscc: r.uscc,
          bankName: r.bank_name,
          bankAccount: r.bank_account,
          amount: Number(r.amount),
          item: r.item,
          // The item's name, as in the batch export (the id stays in its own column).
          itemTitle: itemOf(ctx, r.policy_id, r.item)?.title ?? r.item,
          clause: r.clause,
          awardedOn: r.awarded_on,
          state: AWARD_STATE_NAMES[r.state] ?? r.state,
        })),
      );
      const data = await paymentWorkbook(rows);
      const out = opts.out ?? `payments-${opts.source}-${opts.year}.xlsx`;
      writeFileSync(out, data);
      process.stdout.write(`已导出 ${rows.length} 条到 ${out}\n`);
    });
}
