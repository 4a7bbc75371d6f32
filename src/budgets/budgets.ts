import { appendAudit } from "../audit/audit-log.ts";
import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { instant } from "../clock.ts";
import type { Context } from "../context.ts";
import { inTransaction, type Tx } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { idempotent } from "../ledger/idempotency.ts";
import {
  type Budget,
  type BudgetKey,
  ensureBudgetRow,
  moveMoney,
  readBudget,
  toBudget,
} from "../ledger/ledger.ts";
import { isCounty } from "../organizations/counties.ts";
import { loadSettings } from "../settings/settings.ts";
import { listBudgetRows } from "./budgets-repository.ts";
import { SOURCE_NAMES } from "./source-names.ts";

/** "city" (四（二）'s special fund) or a county's own budget. */
export function checkSource(source: string): string {
  if (source !== "city" && !isCounty(source)) {
    throw new AppError(
      "invalid_field",
      `资金来源应为 city 或县（市、区）名称，收到 ${JSON.stringify(source)}`,
      "source",
    );
  }
  return source;
}

/**
 * The budget of a year and source, created on first use: the city fund starts at the default
 * of 四（二） (a setting, 2000万元), a county budget at zero until finance sets it.
 */
export async function budgetFor(
  ctx: Context,
  trx: Tx,
  key: BudgetKey,
  actorId: string,
): Promise<Budget> {
  if (await ensureBudgetRow(trx, key)) {
    const settings = await loadSettings(trx);
    const initial = key.source === "city" ? settings["general.cityFundDefault"] : 0;
    if (initial > 0) {
      await moveMoney(
        trx,
        key,
        {
          from: "appropriation",
          to: "available",
          amount: initial,
          kind: "budget.default",
          actorId,
        },
        instant(ctx),
      );
    }
  }
  return (await readBudget(trx, key)) as Budget;
}

/** Sets a budget's total; lowering it below what is reserved and paid is refused. */
export async function setBudget(
  ctx: Context,
  actor: Actor | null,
  input: { year: number; source: string; total: number },
  idempotencyKey: string,
): Promise<Budget> {
  const source = checkSource(input.source);
  if (actor) requireAccess(actor, "budget.set", { county: source === "city" ? null : source });
  if (!Number.isSafeInteger(input.total) || input.total < 0)
    throw new AppError("invalid_field", "预算总额应为非负整数元", "total");
  const actorId = actor?.userId ?? "operator";
  const at = instant(ctx);
  return inTransaction(ctx.database, async (trx) => {
    const { result } = await idempotent(
      trx,
      idempotencyKey,
      { op: "budget.set", ...input },
      at,
      async () => {
        const key = { year: input.year, source };
        const before = await budgetFor(ctx, trx, key, actorId);
        const delta = input.total - before.total;
        if (delta !== 0) {
          const moved = await moveMoney(
            trx,
            key,
            delta > 0
              ? {
                  from: "appropriation",
                  to: "available",
                  amount: delta,
                  kind: "budget.raise",
                  actorId,
                }
              : {
                  from: "available",
                  to: "appropriation",
                  amount: -delta,
                  kind: "budget.lower",
                  actorId,
                },
            at,
          );
          if (!moved) {
            throw new AppError(
              "conflict",
              `${input.year} 年${SOURCE_NAMES(source)}已预留 ${before.reserved} 元、已支付 ${before.paid} 元，预算不能调低到 ${input.total} 元`,
              "total",
            );
          }
        }
        await appendAudit(trx, ctx.database.dialect, at, {
          actorId,
          actorRole: actor?.role ?? "operator",
          action: "budget.set",
          targetType: "budget",
          targetId: `${input.year}/${source}`,
          before: { total: before.total },
          after: { total: input.total },
          ip: actor?.ip ?? null,
          outcome: "success",
        });
        return (await readBudget(trx, key)) as Budget;
      },
    );
    return result;
  });
}

export async function listBudgets(ctx: Context, actor: Actor, year?: number) {
  requireAccess(actor, "budget.read");
  // A county's finance official sees only that county's budget.
  const source = actor.role === "finance" && actor.county ? actor.county : undefined;
  const rows = await listBudgetRows(ctx.database.db, { year, source });
  return rows.map((r) => ({ ...toBudget(r), sourceName: SOURCE_NAMES(r.source) }));
}

export { SOURCE_NAMES };
