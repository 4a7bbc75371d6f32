import { COUNTIES } from "../organizations/counties.ts";
import { formatDecimal, parseDecimal } from "../targets/decimal.ts";

/**
 * The county assessment of 四（一）（把质量强市建设纳入对县（市、区）政府、台州湾新区管委会的目标责任制考核）,
 * as a pure function: a scheme of weighted indicators and each county's raw values in, every
 * county's points, total and rank out, with a formula per indicator that a reader can redo by hand.
 *
 * Points are integer centi-points (hundredths of a point) computed with BigInt from values scaled
 * by 10⁴, each rounded half up once, so a run scores the same on every machine and can be checked
 * again later from its stored inputs.
 */

export type Direction = "higher" | "lower";

export type Rule =
  | { readonly kind: "relative" }
  | { readonly kind: "threshold"; readonly threshold: string }
  | { readonly kind: "linear"; readonly min: string; readonly max: string };

/** Where an indicator's raw value per county comes from (read by assessment.ts, not here). */
export type Source =
  | {
      readonly kind: "awards";
      readonly measure: "count" | "amount";
      readonly items?: string[] | undefined;
    }
  | { readonly kind: "targets"; readonly targetIds?: string[] | undefined }
  | { readonly kind: "objections_upheld" }
  | { readonly kind: "review_timeliness"; readonly days: number }
  | { readonly kind: "manual" };

export interface Indicator {
  readonly id: string;
  readonly name: string;
  /** Whole points; the weights of a scheme sum to 100. */
  readonly weight: number;
  readonly direction: Direction;
  readonly rule: Rule;
  readonly source: Source;
}

export interface ScoringScheme {
  readonly indicators: readonly Indicator[];
}

/** Indicator id → county → the raw value as decimal text, or null when there is none. */
export type Inputs = Readonly<Record<string, Readonly<Record<string, string | null>>>>;

export interface IndicatorScore {
  readonly indicatorId: string;
  readonly name: string;
  readonly weight: number;
  readonly direction: Direction;
  readonly rule: Rule;
  readonly value: string | null;
  /** The best value among the counties (highest or lowest by direction); null when none has one. */
  readonly best: string | null;
  readonly pointsCenti: number;
  readonly points: string;
  readonly formula: string;
}

export interface CountyScore {
  readonly county: string;
  /** Competition ranking: equal totals share a rank (1, 2, 2, 4). */
  readonly rank: number;
  readonly totalCenti: number;
  readonly total: string;
  readonly indicators: readonly IndicatorScore[];
}

export interface AssessmentResult {
  readonly indicators: readonly {
    readonly id: string;
    readonly name: string;
    readonly weight: number;
    readonly direction: Direction;
    readonly rule: Rule;
    readonly best: string | null;
  }[];
  /** Every county, by rank; equal totals in the order of COUNTIES. */
  readonly counties: readonly CountyScore[];
}

export const RULE_NAMES: Record<Rule["kind"], string> = {
  relative: "相对最优值",
  threshold: "达标得分",
  linear: "区间线性",
};

export const DIRECTION_NAMES: Record<Direction, string> = {
  higher: "越高越好",
  lower: "越低越好",
};

/** ⌊a ÷ b⌉ for a ≥ 0, b > 0, halves rounded up. */
function divHalfUp(a: bigint, b: bigint): bigint {
  return (2n * a + b) / (2n * b);
}

/** 1625 → "16.25". */
export function formatCenti(centi: number): string {
  const sign = centi < 0 ? "-" : "";
  const abs = Math.abs(centi);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

function missingReason(source: Source): string {
  switch (source.kind) {
    case "review_timeliness":
      return "本年度无县级审核决定";
    case "manual":
      return "未录入数值";
    case "awards":
    case "targets":
    case "objections_upheld":
      return "无数据";
  }
}

interface Scored {
  readonly centi: bigint;
  readonly formula: string;
}

function scoreRelative(weight: bigint, direction: Direction, value: bigint, best: bigint): Scored {
  const full = weight * 100n;
  const v = formatDecimal(Number(value));
  const b = formatDecimal(Number(best));
  if (direction === "higher") {
    if (best === 0n) return { centi: 0n, formula: `各县（市、区）均为 0，得 0 分 = 0.00` };
    const centi = divHalfUp(full * value, best);
    return { centi, formula: `${v} ÷ ${b} × ${weight} = ${formatCenti(Number(centi))}` };
  }
  if (value === 0n)
    return {
      centi: full,
      formula: `${v} 为最低值，得满分 ${weight} = ${formatCenti(Number(full))}`,
    };
  const centi = divHalfUp(full * best, value);
  return { centi, formula: `${b} ÷ ${v} × ${weight} = ${formatCenti(Number(centi))}` };
}

function scoreThreshold(
  weight: bigint,
  direction: Direction,
  value: bigint,
  threshold: bigint,
): Scored {
  const full = weight * 100n;
  const v = formatDecimal(Number(value));
  const t = formatDecimal(Number(threshold));
  const met = direction === "higher" ? value >= threshold : value <= threshold;
  const sign = direction === "higher" ? (met ? "≥" : "<") : met ? "≤" : ">";
  return met
    ? {
        centi: full,
        formula: `${v} ${sign} ${t}，达标，得满分 ${weight} = ${formatCenti(Number(full))}`,
      }
    : { centi: 0n, formula: `${v} ${sign} ${t}，未达标 = 0.00` };
}

function scoreLinear(
  weight: bigint,
  direction: Direction,
  value: bigint,
  min: bigint,
  max: bigint,
): Scored {
  const full = weight * 100n;
  const v = formatDecimal(Number(value));
  const lo = formatDecimal(Number(min));
  const hi = formatDecimal(Number(max));
  const fullText = `得满分 ${weight} = ${formatCenti(Number(full))}`;
  // Higher: 0 at the lower bound, full at the upper; lower: the other way round.
  if (value <= min)
    return direction === "higher"
      ? { centi: 0n, formula: `${v} ≤ 下限 ${lo} = 0.00` }
      : { centi: full, formula: `${v} ≤ 下限 ${lo}，${fullText}` };
  if (value >= max)
    return direction === "higher"
      ? { centi: full, formula: `${v} ≥ 上限 ${hi}，${fullText}` }
      : { centi: 0n, formula: `${v} ≥ 上限 ${hi} = 0.00` };
  const centi =
    direction === "higher"
      ? divHalfUp(full * (value - min), max - min)
      : divHalfUp(full * (max - value), max - min);
  const formula =
    direction === "higher"
      ? `(${v} − ${lo}) ÷ (${hi} − ${lo}) × ${weight} = ${formatCenti(Number(centi))}`
      : `(${hi} − ${v}) ÷ (${hi} − ${lo}) × ${weight} = ${formatCenti(Number(centi))}`;
  return { centi, formula };
}

function scoreOne(indicator: Indicator, value: bigint | null, best: bigint | null): Scored {
  if (value === null)
    return { centi: 0n, formula: `${missingReason(indicator.source)}，得 0 分 = 0.00` };
  const weight = BigInt(indicator.weight);
  const rule = indicator.rule;
  switch (rule.kind) {
    case "relative":
      return scoreRelative(weight, indicator.direction, value, best ?? value);
    case "threshold":
      return scoreThreshold(
        weight,
        indicator.direction,
        value,
        BigInt(parseDecimal(rule.threshold, "threshold")),
      );
    case "linear":
      return scoreLinear(
        weight,
        indicator.direction,
        value,
        BigInt(parseDecimal(rule.min, "min")),
        BigInt(parseDecimal(rule.max, "max")),
      );
  }
}

/**
 * Scores every county of COUNTIES with `scheme` on `inputs`. A county without a value for an
 * indicator scores 0 on it, and takes no part in that indicator's best value.
 */
export function score(scheme: ScoringScheme, inputs: Inputs): AssessmentResult {
  const perIndicator = scheme.indicators.map((indicator) => {
    const raw = inputs[indicator.id] ?? {};
    const values = new Map<string, bigint | null>(
      COUNTIES.map((county) => {
        const text = raw[county];
        return [
          county,
          text === null || text === undefined
            ? null
            : BigInt(parseDecimal(text, `${indicator.id}.${county}`)),
        ];
      }),
    );
    let best: bigint | null = null;
    for (const v of values.values()) {
      if (v === null) continue;
      if (best === null || (indicator.direction === "higher" ? v > best : v < best)) best = v;
    }
    return { indicator, values, best };
  });

  const unranked = COUNTIES.map((county) => {
    const scores: IndicatorScore[] = perIndicator.map(({ indicator, values, best }) => {
      const value = values.get(county) ?? null;
      const { centi, formula } = scoreOne(indicator, value, best);
      return {
        indicatorId: indicator.id,
        name: indicator.name,
        weight: indicator.weight,
        direction: indicator.direction,
        rule: indicator.rule,
        value: value === null ? null : formatDecimal(Number(value)),
        best: best === null ? null : formatDecimal(Number(best)),
        pointsCenti: Number(centi),
        points: formatCenti(Number(centi)),
        formula,
      };
    });
    const totalCenti = scores.reduce((sum, s) => sum + s.pointsCenti, 0);
    return { county, totalCenti, indicators: scores };
  });

  // Stable sort: equal totals keep the order of COUNTIES.
  const ordered = [...unranked].sort((a, b) => b.totalCenti - a.totalCenti);
  const counties = ordered.map((c) => ({
    county: c.county,
    rank: 1 + ordered.filter((o) => o.totalCenti > c.totalCenti).length,
    totalCenti: c.totalCenti,
    total: formatCenti(c.totalCenti),
    indicators: c.indicators,
  }));

  return {
    indicators: perIndicator.map(({ indicator, best }) => ({
      id: indicator.id,
      name: indicator.name,
      weight: indicator.weight,
      direction: indicator.direction,
      rule: indicator.rule,
      best: best === null ? null : formatDecimal(Number(best)),
    })),
    counties,
  };
}

export interface Difference {
  readonly path: string;
  readonly stored: unknown;
  readonly recomputed: unknown;
}

/**
 * Where two JSON documents differ, leaf by leaf (`counties[3].totalCenti`). Used to check a stored
 * run against its inputs scored again.
 */
export function differences(stored: unknown, recomputed: unknown, path = ""): Difference[] {
  if (Array.isArray(stored) && Array.isArray(recomputed)) {
    const out: Difference[] = [];
    const n = Math.max(stored.length, recomputed.length);
    for (let i = 0; i < n; i++) out.push(...differences(stored[i], recomputed[i], `${path}[${i}]`));
    return out;
  }
  if (isObject(stored) && isObject(recomputed)) {
    const keys = [...new Set([...Object.keys(stored), ...Object.keys(recomputed)])].sort();
    return keys.flatMap((k) =>
      differences(stored[k], recomputed[k], path === "" ? k : `${path}.${k}`),
    );
  }
  return Object.is(stored, recomputed) ? [] : [{ path, stored, recomputed }];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
