import type ExcelJS from "exceljs";
import type { Context } from "../context.ts";
import { COUNTIES, type County } from "../organizations/counties.ts";
import type { PolicyItem } from "../policy/pack.ts";
import { addSheet, type Column, sumOf } from "./workbook.ts";

/** Orders, labels and totals that several reports share. */

/**
 * The item a row names, in the pack the row was decided under. A successor pack reuses item ids
 * (with other titles and clauses), so the id alone may name another pack's item: without a known
 * pack there is no item, and the report shows the bare id.
 */
export function itemOf(
  ctx: Pick<Context, "registry">,
  policyId: string | null,
  id: string,
): PolicyItem | undefined {
  if (!policyId) return undefined;
  // A county's supporting award (四（三）) names its county's pack.
  const pack = ctx.registry.pack(policyId) ?? ctx.registry.supportingPack(policyId);
  return pack?.items.get(id);
}

/** Item ids in catalog order: 1.2.a before 1.10.a. */
export const byItemId = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });

/** Budgets in their usual order: the city's fund, then the counties as listed. */
export const sourceRank = (s: string) => (s === "city" ? -1 : COUNTIES.indexOf(s as County));

export interface Tally {
  count: number;
  amount: number;
}

const tallyColumns = <K extends string>(key: K, header: string) =>
  [
    { key, header },
    { key: "count", header: "奖励数", kind: "count" },
    { key: "amount", header: "金额（元）", kind: "yuan" },
  ] as const satisfies readonly Column[];

/** A sheet of count and amount per label, with their total. */
export async function tallySheet(
  book: ExcelJS.Workbook,
  name: string,
  header: string,
  tallies: Map<string, Tally>,
): Promise<void> {
  const rows = [...tallies].map(([label, t]) => ({ label, count: t.count, amount: t.amount }));
  await addSheet(book, name, tallyColumns("label", header), rows, [
    { label: "合计", count: sumOf(rows, (r) => r.count), amount: sumOf(rows, (r) => r.amount) },
  ]);
}
