import { describe, expect, it } from "vitest";
import {
  type CountyScore,
  differences,
  formatCenti,
  type Indicator,
  type Inputs,
  score,
} from "../../src/assessment/scoring.ts";
import { COUNTIES } from "../../src/organizations/counties.ts";

/** The county assessment's scoring (四（一）), rule by rule, as a pure function. */

const [JIAOJIANG, HUANGYAN, LUQIAO, LINHAI, WENLING, YUHUAN] = COUNTIES;

function indicator(over: Partial<Indicator> = {}): Indicator {
  return {
    id: "x",
    name: "指标",
    weight: 20,
    direction: "higher",
    rule: { kind: "relative" },
    source: { kind: "manual" },
    ...over,
  };
}

/** Values for the first counties of COUNTIES in order; the rest get `rest`. */
function values(list: (string | null)[], rest: string | null = "0"): Record<string, string | null> {
  return Object.fromEntries(
    COUNTIES.map((c, i) => [c, i < list.length ? (list[i] ?? null) : rest]),
  );
}

function only(ind: Indicator, list: (string | null)[], rest: string | null = "0") {
  const result = score({ indicators: [ind] }, { [ind.id]: values(list, rest) });
  const of = (county: string) => {
    const c = result.counties.find((x) => x.county === county) as CountyScore;
    return c.indicators[0] as CountyScore["indicators"][number];
  };
  return { result, of };
}

describe("relative to the best county", () => {
  it("higher: weight × value ÷ best, with the formula", () => {
    const { of, result } = only(indicator(), ["12", "15", "0"]);
    expect(of(JIAOJIANG as string)).toMatchObject({
      value: "12",
      best: "15",
      pointsCenti: 1600,
      points: "16.00",
      formula: "12 ÷ 15 × 20 = 16.00",
    });
    expect(of(HUANGYAN as string)).toMatchObject({
      pointsCenti: 2000,
      formula: "15 ÷ 15 × 20 = 20.00",
    });
    expect(of(LUQIAO as string)).toMatchObject({ pointsCenti: 0, formula: "0 ÷ 15 × 20 = 0.00" });
    expect(result.indicators[0]).toMatchObject({ id: "x", best: "15" });
  });

  it("lower: weight × best ÷ value, where the best is the lowest", () => {
    const { of } = only(indicator({ direction: "lower" }), ["2", "4", "3"], "8");
    expect(of(JIAOJIANG as string)).toMatchObject({
      best: "2",
      pointsCenti: 2000,
      formula: "2 ÷ 2 × 20 = 20.00",
    });
    expect(of(HUANGYAN as string)).toMatchObject({
      pointsCenti: 1000,
      formula: "2 ÷ 4 × 20 = 10.00",
    });
    // 2 ÷ 3 × 20 = 13.333… → 13.33
    expect(of(LUQIAO as string)).toMatchObject({ pointsCenti: 1333 });
    expect(of(LINHAI as string)).toMatchObject({ pointsCenti: 500 });
  });

  it("lower: a value of 0 is full weight, and leaves the others nothing", () => {
    const { of } = only(indicator({ direction: "lower", weight: 10 }), ["0", "1"], "3");
    expect(of(JIAOJIANG as string)).toMatchObject({ pointsCenti: 1000, points: "10.00" });
    expect(of(JIAOJIANG as string).formula).toContain("满分");
    expect(of(HUANGYAN as string)).toMatchObject({ pointsCenti: 0, formula: "0 ÷ 1 × 10 = 0.00" });
  });

  it("higher: when every county is 0 (the best is 0), everybody scores 0", () => {
    const { result } = only(indicator(), [], "0");
    for (const c of result.counties) {
      expect(c.totalCenti).toBe(0);
      expect(c.indicators[0]?.formula).toContain("均为 0");
    }
  });

  it("decimals and large amounts are exact (BigInt), rounded half up to centi-points", () => {
    // 1 ÷ 8 × 1 = 0.125 → 0.13 (half up), 3 ÷ 8 × 1 = 0.375 → 0.38
    const { of } = only(indicator({ weight: 1 }), ["1", "3", "8"]);
    expect(of(JIAOJIANG as string).pointsCenti).toBe(13);
    expect(of(HUANGYAN as string).pointsCenti).toBe(38);
    // 0.0001 ÷ 0.0008 × 1 → 0.125 → 0.13 on decimal places too
    const small = only(indicator({ weight: 1 }), ["0.0001", "0.0008"]);
    expect(small.of(JIAOJIANG as string).pointsCenti).toBe(13);
    // At the largest values accepted (11 whole digits), weight × 100 × value × 10⁴ is far beyond
    // 2⁵³ and must stay exact: 6 667 000 000 ÷ 20 000 000 000 × 100 = 33.335 → 33.34 (half up);
    // 19 999 999 999.9999 ÷ 20 000 000 000 × 100 = 99.99999999… → 100.00.
    const big = only(indicator({ weight: 100 }), ["6667000000", "20000000000", "19999999999.9999"]);
    expect(big.of(JIAOJIANG as string).pointsCenti).toBe(3334);
    expect(big.of(HUANGYAN as string).pointsCenti).toBe(10000);
    expect(big.of(LUQIAO as string).pointsCenti).toBe(10000);
    // 2 ÷ 3 × 20 = 13.333 → 13.33 (down) and 1 ÷ 3 × 20 = 6.666 → 6.67 (up)
    const thirds = only(indicator(), ["2", "1", "3"]);
    expect(thirds.of(JIAOJIANG as string).pointsCenti).toBe(1333);
    expect(thirds.of(HUANGYAN as string).pointsCenti).toBe(667);
  });

  it("a county without a value scores 0 and takes no part in the best", () => {
    const { of } = only(
      indicator({ source: { kind: "review_timeliness", days: 10 } }),
      ["80", null, "40"],
      null,
    );
    expect(of(JIAOJIANG as string)).toMatchObject({ best: "80", pointsCenti: 2000 });
    expect(of(HUANGYAN as string)).toMatchObject({ value: null, best: "80", pointsCenti: 0 });
    expect(of(HUANGYAN as string).formula).toContain("本年度无县级审核决定");
    expect(of(LUQIAO as string).pointsCenti).toBe(1000);
    const manual = only(indicator(), [null], null);
    expect(manual.of(JIAOJIANG as string)).toMatchObject({ best: null, pointsCenti: 0 });
    expect(manual.of(JIAOJIANG as string).formula).toContain("未录入数值");
  });

  it("a lower-is-better indicator ignores missing values for its best", () => {
    const { of } = only(indicator({ direction: "lower" }), [null, "5", "10"], null);
    expect(of(HUANGYAN as string)).toMatchObject({ best: "5", pointsCenti: 2000 });
    expect(of(LUQIAO as string).pointsCenti).toBe(1000);
    expect(of(JIAOJIANG as string).pointsCenti).toBe(0);
  });
});

describe("threshold", () => {
  it("higher: full weight at or above the threshold, else 0", () => {
    const ind = indicator({ rule: { kind: "threshold", threshold: "90" }, weight: 15 });
    const { of } = only(ind, ["90", "89.9999", "100"]);
    expect(of(JIAOJIANG as string)).toMatchObject({ pointsCenti: 1500 });
    expect(of(JIAOJIANG as string).formula).toBe("90 ≥ 90，达标，得满分 15 = 15.00");
    expect(of(HUANGYAN as string)).toMatchObject({
      pointsCenti: 0,
      formula: "89.9999 < 90，未达标 = 0.00",
    });
    expect(of(LUQIAO as string).pointsCenti).toBe(1500);
  });

  it("lower: full weight at or below the threshold", () => {
    const ind = indicator({ direction: "lower", rule: { kind: "threshold", threshold: "0" } });
    const { of } = only(ind, ["0", "1"]);
    expect(of(JIAOJIANG as string)).toMatchObject({
      pointsCenti: 2000,
      formula: "0 ≤ 0，达标，得满分 20 = 20.00",
    });
    expect(of(HUANGYAN as string)).toMatchObject({
      pointsCenti: 0,
      formula: "1 > 0，未达标 = 0.00",
    });
  });
});

describe("linear between min and max", () => {
  it("higher: 0 at min, full at max, linear between, clamped", () => {
    const ind = indicator({ rule: { kind: "linear", min: "60", max: "100" } });
    const { of } = only(ind, ["60", "80", "100", "50", "120", "75"]);
    expect(of(JIAOJIANG as string)).toMatchObject({
      pointsCenti: 0,
      formula: "60 ≤ 下限 60 = 0.00",
    });
    expect(of(HUANGYAN as string)).toMatchObject({
      pointsCenti: 1000,
      formula: "(80 − 60) ÷ (100 − 60) × 20 = 10.00",
    });
    expect(of(LUQIAO as string).pointsCenti).toBe(2000);
    expect(of(LINHAI as string).pointsCenti).toBe(0);
    expect(of(WENLING as string)).toMatchObject({ pointsCenti: 2000 });
    expect(of(WENLING as string).formula).toContain("上限 100");
    // (75 − 60) ÷ 40 × 20 = 7.5
    expect(of(YUHUAN as string).points).toBe("7.50");
  });

  it("lower: full at min, 0 at max (reversed)", () => {
    const ind = indicator({
      direction: "lower",
      rule: { kind: "linear", min: "0", max: "3" },
      weight: 10,
    });
    const { of } = only(ind, ["0", "1", "3", "5"]);
    expect(of(JIAOJIANG as string).pointsCenti).toBe(1000);
    // (3 − 1) ÷ 3 × 10 = 6.666… → 6.67
    expect(of(HUANGYAN as string)).toMatchObject({
      pointsCenti: 667,
      formula: "(3 − 1) ÷ (3 − 0) × 10 = 6.67",
    });
    expect(of(LUQIAO as string).pointsCenti).toBe(0);
    expect(of(LINHAI as string).pointsCenti).toBe(0);
  });
});

describe("totals and ranking", () => {
  const a = indicator({ id: "a", weight: 60 });
  const b = indicator({
    id: "b",
    weight: 40,
    direction: "lower",
    rule: { kind: "threshold", threshold: "1" },
  });

  it("the total is the sum of the indicators' points, weighted", () => {
    const inputs: Inputs = { a: values(["10", "5"]), b: values(["2", "0"], "9") };
    const result = score({ indicators: [a, b] }, inputs);
    const j = result.counties.find((c) => c.county === JIAOJIANG) as CountyScore;
    const h = result.counties.find((c) => c.county === HUANGYAN) as CountyScore;
    expect(j).toMatchObject({ totalCenti: 6000, total: "60.00" });
    expect(h).toMatchObject({ totalCenti: 3000 + 4000, total: "70.00" });
    expect(h.indicators.map((i) => i.indicatorId)).toEqual(["a", "b"]);
    expect(result.counties[0]?.county).toBe(HUANGYAN);
  });

  it("every county is assessed, even when the inputs name none or others", () => {
    const result = score({ indicators: [a] }, { a: { 不存在县: "5" } });
    expect(result.counties.map((c) => c.county)).toEqual([...COUNTIES]);
    expect(result.counties.every((c) => c.rank === 1 && c.totalCenti === 0)).toBe(true);
  });

  it("equal totals share a rank (1, 2, 2, 4) and are listed in COUNTIES order", () => {
    // 路桥 best (60), 椒江 and 临海 tie (30), 黄岩 next (15); the rest 0.
    const result = score({ indicators: [a] }, { a: values(["2", "1", "4", "2"], "0") });
    expect(result.counties.slice(0, 4).map((c) => [c.rank, c.county, c.total])).toEqual([
      [1, LUQIAO, "60.00"],
      [2, JIAOJIANG, "30.00"],
      [2, LINHAI, "30.00"],
      [4, HUANGYAN, "15.00"],
    ]);
    const rest = result.counties.slice(4);
    expect(rest.map((c) => c.county)).toEqual(
      COUNTIES.filter((c) => !([LUQIAO, JIAOJIANG, LINHAI, HUANGYAN] as string[]).includes(c)),
    );
    expect(rest.every((c) => c.rank === 5)).toBe(true);
  });

  it("the same scheme and inputs always give the same result, whatever the inputs' key order", () => {
    const inputs: Inputs = { a: values(["3", "7", "1"]), b: values(["0", "2"]) };
    const reversed: Inputs = {
      b: Object.fromEntries(Object.entries(inputs.b ?? {}).reverse()),
      a: Object.fromEntries(Object.entries(inputs.a ?? {}).reverse()),
    };
    expect(score({ indicators: [a, b] }, reversed)).toEqual(score({ indicators: [a, b] }, inputs));
  });

  it("all-zero values: higher-is-better gives 0, lower-is-better threshold gives everyone full", () => {
    const result = score({ indicators: [a, b] }, { a: values([], "0"), b: values([], "0") });
    for (const c of result.counties) {
      expect(c.indicators.map((i) => i.pointsCenti)).toEqual([0, 4000]);
      expect(c.rank).toBe(1);
    }
  });

  it("refuses a value that is not a decimal", () => {
    expect(() => score({ indicators: [a] }, { a: { [JIAOJIANG as string]: "-1" } })).toThrow(
      /非负数/,
    );
  });
});

describe("checking a stored result", () => {
  it("formatCenti writes hundredths", () => {
    expect([0, 5, 100, 1625, 10000].map(formatCenti)).toEqual([
      "0.00",
      "0.05",
      "1.00",
      "16.25",
      "100.00",
    ]);
  });

  it("differences names each changed leaf and is empty for an equal result", () => {
    const result = JSON.parse(
      JSON.stringify(score({ indicators: [indicator()] }, { x: values(["1", "2"]) })),
    );
    expect(differences(result, JSON.parse(JSON.stringify(result)))).toEqual([]);
    const tampered = JSON.parse(JSON.stringify(result));
    tampered.counties[1].totalCenti = 2100;
    tampered.counties[1].indicators[0].points = "21.00";
    expect(differences(tampered, result)).toEqual([
      { path: "counties[1].indicators[0].points", stored: "21.00", recomputed: "10.00" },
      { path: "counties[1].totalCenti", stored: 2100, recomputed: 1000 },
    ]);
    const shorter = { ...result, counties: result.counties.slice(1) };
    expect(differences(shorter, result).length).toBeGreaterThan(0);
  });
});
