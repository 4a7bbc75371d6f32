import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import type { Context } from "../context.ts";
import type { DB } from "../db/database.ts";

export interface LedgerProblem {
  readonly what: string;
  readonly detail: string;
}

/**
 * Checks the ledger against itself: every budget's balances equal its postings, no budget is
 * overspent, every award's money adds up, and no award is paid more than once.
 */
export async function verifyLedger(
  db: DB,
): Promise<{ ok: boolean; problems: LedgerProblem[]; postings: number }> {
  const problems: LedgerProblem[] = [];
  const postings = await db.selectFrom("ledger_postings").selectAll().orderBy("seq").execute();
  const balances = new Map<string, Record<string, number>>();
  const byAward = new Map<string, Record<string, number>>();
  const byTranche = new Map<string, { reserved: number; paid: number }>();
  for (const p of postings) {
    const amount = Number(p.amount);
    if (!(amount > 0) || p.debit === p.credit) {
      problems.push({ what: "unbalanced posting", detail: `记账 ${p.seq}：金额或科目无效` });
    }
    const key = `${p.year}/${p.source}`;
    const b = balances.get(key) ?? { appropriation: 0, available: 0, reserved: 0, paid: 0 };
    b[p.debit] = (b[p.debit] ?? 0) - amount;
    b[p.credit] = (b[p.credit] ?? 0) + amount;
    balances.set(key, b);
    if (p.award_id) {
      const a = byAward.get(p.award_id) ?? { reserved: 0, paid: 0 };
      if (p.credit === "reserved") a.reserved = (a.reserved ?? 0) + amount;
      if (p.debit === "reserved") a.reserved = (a.reserved ?? 0) - amount;
      if (p.credit === "paid") a.paid = (a.paid ?? 0) + amount;
      if (p.debit === "paid") a.paid = (a.paid ?? 0) - amount;
      byAward.set(p.award_id, a);
    }
    if (p.tranche_id) {
      const t = byTranche.get(p.tranche_id) ?? { reserved: 0, paid: 0 };
      if (p.credit === "reserved") t.reserved += amount;
      if (p.debit === "reserved") t.reserved -= amount;
      if (p.credit === "paid") t.paid += amount;
      if (p.debit === "paid") t.paid -= amount;
      byTranche.set(p.tranche_id, t);
    }
  }
  const budgets = await db.selectFrom("budgets").selectAll().execute();
  for (const row of budgets) {
    const key = `${row.year}/${row.source}`;
    const b = balances.get(key) ?? { appropriation: 0, available: 0, reserved: 0, paid: 0 };
    const total = -(b.appropriation ?? 0);
    const [t, r, p] = [Number(row.total), Number(row.reserved), Number(row.paid)];
    if (t !== total || r !== b.reserved || p !== b.paid) {
      problems.push({
        what: "balance differs from postings",
        detail: `预算 ${key}：记录为 总额 ${t}/预留 ${r}/已付 ${p}，按记账应为 ${total}/${b.reserved}/${b.paid}`,
      });
    }
    if (r < 0 || p < 0 || r + p > t)
      problems.push({
        what: "overspent",
        detail: `预算 ${key} 超支：总额 ${t}，预留 ${r}，已付 ${p}`,
      });
    balances.delete(key);
  }
  for (const key of balances.keys())
    problems.push({ what: "postings without budget", detail: `记账指向不存在的预算 ${key}` });

  const awards = await db.selectFrom("awards").selectAll().execute();
  const lines = await db.selectFrom("payment_lines").select(["award_id", "state"]).execute();
  const paidLines = new Map<string, number>();
  for (const l of lines)
    if (l.state === "paid") paidLines.set(l.award_id, (paidLines.get(l.award_id) ?? 0) + 1);
  for (const a of awards) {
    const money = byAward.get(a.id) ?? { reserved: 0, paid: 0 };
    const amount = Number(a.amount);
    const expected: Record<string, [number, number]> = {
      reserved: [amount, 0],
      paid: [0, amount],
      cancelled: [0, 0],
      reversed: [0, 0],
    };
    const [er, ep] = expected[a.state] ?? [Number.NaN, Number.NaN];
    if (money.reserved !== er || money.paid !== ep) {
      problems.push({
        what: "award money",
        detail: `奖励 ${a.number}（${a.state}）：预留 ${money.reserved}、已付 ${money.paid}，应为 ${er}、${ep}`,
      });
    }
    const n = paidLines.get(a.id) ?? 0;
    if (n > 1 || (a.state === "paid" && n !== 1)) {
      problems.push({ what: "paid twice", detail: `奖励 ${a.number} 有 ${n} 条已付款记录` });
    }
  }
  // A public project's tranche: reserved, paid once, or released — never more than its amount.
  const tranches = await db.selectFrom("project_tranches").selectAll().execute();
  for (const t of tranches) {
    const money = byTranche.get(t.id) ?? { reserved: 0, paid: 0 };
    const amount = Number(t.amount);
    const expected: Record<string, [number, number]> = {
      reserved: [amount, 0],
      paid: [0, amount],
      released: [0, 0],
    };
    const [er, ep] = expected[t.state] ?? [Number.NaN, Number.NaN];
    if (money.reserved !== er || money.paid !== ep)
      problems.push({
        what: "tranche money",
        detail: `公共项目款项 ${t.id}（${t.kind}，${t.state}）：预留 ${money.reserved}、已付 ${money.paid}，应为 ${er}、${ep}`,
      });
  }
  return { ok: problems.length === 0, problems, postings: postings.length };
}

/** The ledger check for the auditor, through the API. */
export function verifyLedgerFor(ctx: Context, actor: Actor) {
  requireAccess(actor, "audit.read");
  return verifyLedger(ctx.database.db);
}
