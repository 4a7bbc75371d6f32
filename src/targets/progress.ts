import { maxDate } from "../policy/dates.ts";
import type { Target } from "../policy/pack.ts";
import { fromNumber } from "./decimal.ts";
import { CITY_WIDE, type Status } from "./states.ts";

/**
 * Progress towards the 2025 targets (二、总体目标), as a pure function of what has been recorded.
 *
 * Counted targets: the count on a day D is the baselines (what each county had achieved by its
 * baseline date, plus a 全市 baseline for what is not attributed to a county) and the distinct
 * keys (organizations by USCC, or subjects by folded key) among the contributions dated after
 * their county's baseline date, on or before D, and not ended by D. A key is counted once in the
 * city, for the county of its earliest contribution. A key already held on its county's baseline
 * date (a contribution dated on or before it and not ended by it) is in the baseline, so a later
 * contribution of the same key does not count it a second time (the definitions count distinct
 * organizations or subjects).
 *
 * Manual targets: the value on D is the latest value whose period ended by D.
 *
 * Status on D (the deadline when D is later): met when the comparator holds; after the deadline
 * (the deadline day itself still counts) missed; otherwise on_track when the value is at least
 * the straight line from the baseline (total, at the latest baseline date, or the policy's
 * effective day without one) to the target at the deadline, at_risk when below it; no_data when
 * a manual target has no value yet.
 */
export { CITY_WIDE, STATUS_NAMES, type Status } from "./states.ts";

export interface Baseline {
  readonly county: string;
  /** Scaled by 10⁴. */
  readonly value: number;
  readonly asOf: string;
  readonly source: string;
}

export interface Contribution {
  readonly key: string;
  readonly county: string;
  readonly eventDate: string;
  readonly endedOn: string | null;
  readonly source: "award" | "record";
  readonly ref: string;
  readonly label: string;
  readonly organizationName: string;
}

export interface ManualValue {
  readonly county: string;
  /** Scaled by 10⁴. */
  readonly value: number;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly source: string;
  readonly seq: number;
}

export interface TargetInputs {
  readonly baselines: readonly Baseline[];
  readonly contributions: readonly Contribution[];
  readonly values: readonly ManualValue[];
}

export interface CountyProgress {
  readonly county: string;
  /** Scaled by 10⁴. */
  readonly baseline: number;
  readonly counted: number;
  readonly value: number;
}

export interface Progress {
  readonly on: string;
  /** Scaled by 10⁴; null when a manual target has no value yet. */
  readonly value: number | null;
  readonly target: number;
  readonly expected: number | null;
  readonly status: Status;
  readonly final: boolean;
  readonly counties: readonly CountyProgress[];
  readonly counted: readonly Contribution[];
}

function days(date: string): number {
  return Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / 86_400_000;
}

function holds(target: Target, value: number): boolean {
  const goal = fromNumber(target.value);
  return target.comparator === "gt" ? value > goal : value >= goal;
}

/** The contributions counted on `on`, one per key, each with the county it counts for. */
export function countedOn(inputs: TargetInputs, on: string): Contribution[] {
  const since = baselineDates(inputs.baselines);
  const fromOf = (c: Contribution) => since.get(c.county) ?? since.get(CITY_WIDE);
  const inBaseline = new Set(
    inputs.contributions
      .filter((c) => {
        const from = fromOf(c);
        return (
          from !== undefined && c.eventDate <= from && (c.endedOn === null || c.endedOn > from)
        );
      })
      .map((c) => c.key),
  );
  const live = inputs.contributions
    .filter((c) => {
      const from = fromOf(c);
      return (
        c.eventDate <= on &&
        (from === undefined || c.eventDate > from) &&
        (c.endedOn === null || c.endedOn > on) &&
        !inBaseline.has(c.key)
      );
    })
    .sort((a, b) =>
      a.eventDate !== b.eventDate
        ? a.eventDate < b.eventDate
          ? -1
          : 1
        : a.ref < b.ref
          ? -1
          : a.ref > b.ref
            ? 1
            : 0,
    );
  const seen = new Set<string>();
  return live.filter((c) => !seen.has(c.key) && seen.add(c.key));
}

function baselineDates(baselines: readonly Baseline[]): Map<string, string> {
  return new Map(baselines.map((b) => [b.county, b.asOf]));
}

function manualOn(values: readonly ManualValue[], on: string, county: string) {
  let best: ManualValue | undefined;
  for (const v of values) {
    if (v.county !== county || v.periodEnd > on) continue;
    if (
      !best ||
      v.periodEnd > best.periodEnd ||
      (v.periodEnd === best.periodEnd && v.seq > best.seq)
    )
      best = v;
  }
  return best;
}

export function progressOn(
  target: Target,
  effective: string,
  inputs: TargetInputs,
  asOf: string,
): Progress {
  // The deadline day itself still counts; the result is final only once it has passed.
  const final = asOf > target.deadline;
  const on = final ? target.deadline : asOf;
  const goal = fromNumber(target.value);
  const baselineTotal = inputs.baselines.reduce((sum, b) => sum + b.value, 0);
  const start = inputs.baselines.reduce((d, b) => maxDate(d, b.asOf), effective);
  const countyNames = [
    ...new Set([
      ...inputs.baselines.map((b) => b.county),
      ...inputs.contributions.map((c) => c.county),
      ...inputs.values.map((v) => v.county),
    ]),
  ].sort();

  let value: number | null;
  let counted: Contribution[] = [];
  let counties: CountyProgress[];
  if (target.counting.kind === "manual") {
    value = manualOn(inputs.values, on, CITY_WIDE)?.value ?? null;
    counties = countyNames.map((county) => {
      const v = manualOn(inputs.values, on, county)?.value ?? 0;
      const b = inputs.baselines.find((x) => x.county === county)?.value ?? 0;
      return { county, baseline: b, counted: 0, value: v };
    });
  } else {
    counted = countedOn(inputs, on);
    value = baselineTotal + counted.length * 10_000;
    counties = countyNames.map((county) => {
      const b = inputs.baselines.find((x) => x.county === county)?.value ?? 0;
      const n = counted.filter((c) => c.county === county).length;
      return { county, baseline: b, counted: n, value: b + n * 10_000 };
    });
  }

  let expected: number | null = null;
  if (target.deadline > start) {
    // On the line's start (and before it, where only the baseline is counted) the line is the
    // baseline itself; after the deadline it is the target.
    const share = (days(on) - days(start)) / (days(target.deadline) - days(start));
    const from = target.counting.kind === "manual" && baselineTotal === 0 ? null : baselineTotal;
    if (from !== null) expected = Math.ceil(from + (goal - from) * Math.min(1, Math.max(0, share)));
  }

  let status: Status;
  if (value === null) status = "no_data";
  else if (holds(target, value)) status = "met";
  else if (final) status = "missed";
  else if (expected !== null && value >= expected) status = "on_track";
  else status = "at_risk";

  return { on, value, target: goal, expected, status, final, counties, counted };
}

/** The value at each month's end from the path's start to `asOf` (and on `asOf` itself). */
export function history(
  target: Target,
  effective: string,
  inputs: TargetInputs,
  asOf: string,
): { on: string; value: number | null }[] {
  const end = asOf > target.deadline ? target.deadline : asOf;
  const points: { on: string; value: number | null }[] = [];
  let y = +effective.slice(0, 4);
  let m = +effective.slice(5, 7);
  for (;;) {
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    if (last >= end) break;
    points.push({ on: last, value: progressOn(target, effective, inputs, last).value });
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  points.push({ on: end, value: progressOn(target, effective, inputs, end).value });
  return points;
}
