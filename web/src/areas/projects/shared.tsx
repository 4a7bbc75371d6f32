import dayjs, { type Dayjs } from "dayjs";
import type { HTMLAttributes } from "react";
import type { Schema } from "../../api/types.ts";

/**
 * Helpers shared by the pages of the public-projects, assessment, reports and administration
 * areas: a role gate for a page, date fields kept as `YYYY-MM-DD` text in forms, and test ids on
 * table rows.
 */

/** Form.Item props that keep a DatePicker's value as civil-date text (`2025-05-01`). */
export const dateField = {
  getValueProps: (value?: string | null) => ({ value: value ? dayjs(value) : undefined }),
  normalize: (value: Dayjs | null | undefined) => (value ? value.format("YYYY-MM-DD") : undefined),
};

/** `onRow` props carrying a data-testid (and anything else) on a table row. */
export function rowTestId(id: string, extra: HTMLAttributes<HTMLElement> = {}) {
  return { ...extra, "data-testid": id } as HTMLAttributes<HTMLElement>;
}

/** The current year in Beijing. */
export function thisYear(): number {
  return Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
}

/** The topic categories of 三（三）4 (the API's default list of a call). */
export { PROJECT_CATEGORIES } from "../../../../src/projects/project-input.ts";

export const CALL_STATE_COLORS: Record<string, string> = {
  open: "processing",
  ranked: "blue",
  publicity: "cyan",
  closed: "default",
};

export const PROPOSAL_STATE_COLORS: Record<string, string> = {
  submitted: "processing",
  withdrawn: "default",
  ranked: "blue",
  not_selected: "default",
  publicity: "cyan",
  rejected: "error",
  waiting_budget: "warning",
  funded: "green",
  accepted: "success",
  acceptance_failed: "error",
};

type Criterion = Schema<"ProjectCall">["criteria"][number];

/** The weighted total of criterion scores as the API computes it (hundredths, rounded). */
export function weightedTotal(
  criteria: readonly Criterion[],
  scores: Readonly<Record<string, number | null | undefined>>,
): number {
  const weights = criteria.reduce((s, c) => s + c.weight, 0);
  if (weights === 0) return 0;
  const sum = criteria.reduce((s, c) => s + c.weight * (scores[c.id] ?? 0), 0);
  return Math.round((sum * 100) / weights) / 100;
}

/** The mean of the experts' totals, or null without scores. */
export function meanTotal(scores: readonly Schema<"ProjectScore">[] | undefined): number | null {
  if (!scores || scores.length === 0) return null;
  const sumCenti = scores.reduce((s, x) => s + Math.round(x.total * 100), 0);
  return Math.round(sumCenti / scores.length) / 100;
}
