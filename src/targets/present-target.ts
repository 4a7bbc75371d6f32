import type { PolicyPack, Target } from "../policy/pack.ts";
import { formatDecimal, SCALE } from "./decimal.ts";
import { type Progress, STATUS_NAMES } from "./progress.ts";

/** A target and its progress as the API shows them: decimals as text, names in Chinese. */

export function presentProgress(target: Target, p: Progress) {
  const fmt = (v: number | null) => (v === null ? null : formatDecimal(v));
  return {
    on: p.on,
    value: fmt(p.value),
    target: fmt(p.target),
    expected: fmt(p.expected),
    status: p.status,
    statusName: STATUS_NAMES[p.status],
    final: p.final,
    percent: p.value === null ? null : Math.min(100, Math.floor((p.value * 1000) / p.target) / 10),
    counties: p.counties.map((c) => ({
      county: c.county,
      baseline: formatDecimal(c.baseline),
      counted: c.counted,
      value: formatDecimal(c.value),
    })),
    unit: target.unit,
  };
}

/**
 * The target as the policy sets it. The policy and the counted award items come with their
 * Chinese titles, so that no reader has to look an id up.
 */
export function describeTarget(pack: PolicyPack, target: Target) {
  const counting = target.counting;
  return {
    id: target.id,
    policy: pack.id,
    policyTitle: pack.title,
    indicator: target.indicator,
    comparator: target.comparator,
    comparatorText: target.comparator === "gt" ? "高于（>）" : "达到（≥）",
    value: formatDecimal(Math.round(target.value * SCALE)),
    unit: target.unit,
    deadline: target.deadline,
    ref: target.ref,
    counting:
      counting.kind === "distinct"
        ? {
            ...counting,
            itemTitles: counting.items.map((id) => ({
              id,
              title: pack.items.get(id)?.title ?? id,
            })),
          }
        : counting,
  };
}
