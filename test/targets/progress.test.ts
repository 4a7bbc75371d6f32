import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bundledRegistry } from "../../src/packs/load.ts";
import type { Target } from "../../src/policy/pack.ts";
import { parseDecimal, SCALE } from "../../src/targets/decimal.ts";
import {
  type Baseline,
  CITY_WIDE,
  type Contribution,
  countedOn,
  history,
  type ManualValue,
  progressOn,
  type TargetInputs,
} from "../../src/targets/progress.ts";

/**
 * Progress towards the 2025 targets (二、总体目标) as a pure function: hand-built baselines,
 * contributions and manual values, and the real targets of the bundled pack for the comparators.
 */

const pack = bundledRegistry().packs.find((p) => p.id === "taizhou-quality-2023");
if (!pack) throw new Error("the bundled pack is missing");
const EFFECTIVE = pack.effective;
const DEADLINE = "2025-12-31";

function packTarget(id: string): Target {
  const t = pack?.targets.find((x) => x.id === id);
  if (!t) throw new Error(`no target ${id}`);
  return t;
}

const PINZIBIAO = packTarget("pinzibiao-enterprises");
const STANDARDS = packTarget("national-standards-led");
const FARM = packTarget("farm-produce-pass-rate");
const DRUG = packTarget("essential-drug-pass-rate");

/** A counted target of `value` (≥), by organization, deadline 2025-12-31. */
function countTarget(value: number, over: Partial<Target> = {}): Target {
  return {
    id: "test-count",
    indicator: "测试计数",
    comparator: "gte",
    value,
    unit: "家",
    counting: { kind: "distinct", unit: "organization", items: [], definition: "测试" },
    deadline: DEADLINE,
    ref: "二、总体目标",
    ...over,
  };
}

const LINHAI = "临海市";
const JIAOJIANG = "椒江区";
const HUANGYAN = "黄岩区";

const n = (v: number) => v * SCALE;

function baseline(county: string, value: number, asOf: string): Baseline {
  return { county, value: n(value), asOf, source: "统计年报" };
}

let refs = 0;
function contribution(
  key: string,
  county: string,
  eventDate: string,
  over: Partial<Contribution> = {},
): Contribution {
  refs++;
  return {
    key,
    county,
    eventDate,
    endedOn: null,
    source: "record",
    ref: `r-${String(refs).padStart(4, "0")}`,
    label: `成果 ${key}`,
    organizationName: `组织 ${key}`,
    ...over,
  };
}

function manual(value: string, periodEnd: string, seq: number, county = CITY_WIDE): ManualValue {
  return {
    county,
    value: parseDecimal(value, "value"),
    periodStart: `${periodEnd.slice(0, 4)}-01-01`,
    periodEnd,
    source: "抽检年报",
    seq,
  };
}

function inputs(over: Partial<TargetInputs> = {}): TargetInputs {
  return { baselines: [], contributions: [], values: [], ...over };
}

/** Days between two civil dates, computed independently of the code under test. */
function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/** The straight line from `from` (scaled) on `start` to the goal on the deadline, on `on`. */
function line(from: number, goal: number, start: string, on: string): number {
  return Math.ceil(from + ((goal - from) * daysBetween(start, on)) / daysBetween(start, DEADLINE));
}

const countyOf = (p: ReturnType<typeof progressOn>, county: string) =>
  p.counties.find((c) => c.county === county);

describe("counted targets: baseline plus what came after the baseline date", () => {
  const t = countTarget(100);
  const data = inputs({
    baselines: [baseline(LINHAI, 10, "2024-06-30"), baseline(JIAOJIANG, 5, "2024-03-31")],
    contributions: [
      contribution("A", LINHAI, "2024-06-30"), // on the baseline date: already in the baseline
      contribution("B", LINHAI, "2024-07-01"), // the day after: counted
      contribution("C", JIAOJIANG, "2024-03-31"), // on 椒江's baseline date
      contribution("D", JIAOJIANG, "2024-04-01"), // the day after
      contribution("E", JIAOJIANG, "2025-02-01"), // later than the day counted below
    ],
  });

  it("counts = baselines + the contributions dated after their county's baseline date", () => {
    const p = progressOn(t, EFFECTIVE, data, "2024-12-31");
    expect(p.value).toBe(n(10 + 5 + 2));
    expect(p.counted.map((c) => c.key).sort()).toEqual(["B", "D"]);
    expect(countyOf(p, LINHAI)).toEqual({
      county: LINHAI,
      baseline: n(10),
      counted: 1,
      value: n(11),
    });
    expect(countyOf(p, JIAOJIANG)).toEqual({
      county: JIAOJIANG,
      baseline: n(5),
      counted: 1,
      value: n(6),
    });
  });

  it("a contribution on the baseline date is not counted; the day after it is", () => {
    const only = (eventDate: string) =>
      progressOn(
        t,
        EFFECTIVE,
        inputs({
          baselines: [baseline(LINHAI, 10, "2024-06-30")],
          contributions: [contribution("X", LINHAI, eventDate)],
        }),
        "2024-12-31",
      ).value;
    expect(only("2024-06-29")).toBe(n(10));
    expect(only("2024-06-30")).toBe(n(10));
    expect(only("2024-07-01")).toBe(n(11));
  });

  it("a contribution counts from its own date on, not before", () => {
    expect(progressOn(t, EFFECTIVE, data, "2025-01-31").value).toBe(n(17));
    expect(progressOn(t, EFFECTIVE, data, "2025-02-01").value).toBe(n(18));
    expect(progressOn(t, EFFECTIVE, data, "2024-06-30").value).toBe(n(16));
    expect(progressOn(t, EFFECTIVE, data, "2024-07-01").value).toBe(n(17));
  });

  it("a county without its own baseline takes the 全市 baseline's date", () => {
    const d = inputs({
      baselines: [baseline(CITY_WIDE, 7, "2024-01-31"), baseline(LINHAI, 3, "2024-06-30")],
      contributions: [
        contribution("H1", HUANGYAN, "2024-01-31"),
        contribution("H2", HUANGYAN, "2024-02-01"),
        contribution("L1", LINHAI, "2024-03-01"), // before 临海's own date
        contribution("L2", LINHAI, "2024-07-01"),
      ],
    });
    const p = progressOn(t, EFFECTIVE, d, "2024-12-31");
    expect(p.counted.map((c) => c.key).sort()).toEqual(["H2", "L2"]);
    expect(p.value).toBe(n(7 + 3 + 2));
    expect(countyOf(p, CITY_WIDE)).toEqual({
      county: CITY_WIDE,
      baseline: n(7),
      counted: 0,
      value: n(7),
    });
    expect(countyOf(p, HUANGYAN)).toEqual({
      county: HUANGYAN,
      baseline: 0,
      counted: 1,
      value: n(1),
    });
  });

  it("without any baseline everything since the policy took effect counts", () => {
    const d = inputs({
      contributions: [
        contribution("A", LINHAI, "2023-03-01"),
        contribution("B", LINHAI, "2024-03-01"),
      ],
    });
    expect(progressOn(t, EFFECTIVE, d, "2024-12-31").value).toBe(n(2));
  });
});

describe("each key once in the city, for the county of its earliest contribution", () => {
  const t = countTarget(100);

  it("the same organization through two items, and through an award and a record, counts once", () => {
    const d = inputs({
      contributions: [
        contribution("91331000MA2000001X", LINHAI, "2024-05-01", {
          source: "award",
          ref: "JL-2024-000002",
        }),
        contribution("91331000MA2000001X", LINHAI, "2024-03-01", {
          source: "award",
          ref: "JL-2024-000001",
        }),
        contribution("91331000MA2000001X", JIAOJIANG, "2024-04-01", { source: "record" }),
        contribution("91331000MA2000002Y", JIAOJIANG, "2024-06-01"),
      ],
    });
    const p = progressOn(t, EFFECTIVE, d, "2024-12-31");
    expect(p.value).toBe(n(2));
    expect(p.counted).toHaveLength(2);
    const first = p.counted.find((c) => c.key === "91331000MA2000001X");
    expect(first).toMatchObject({ county: LINHAI, eventDate: "2024-03-01", ref: "JL-2024-000001" });
    expect(countyOf(p, LINHAI)?.counted).toBe(1);
    expect(countyOf(p, JIAOJIANG)?.counted).toBe(1);
  });

  it("the earliest contribution decides the county even when it is in another county", () => {
    const d = inputs({
      contributions: [
        contribution("K", LINHAI, "2024-05-01", { source: "award", ref: "JL-2024-000009" }),
        contribution("K", JIAOJIANG, "2024-04-30", { source: "record" }),
      ],
    });
    const p = progressOn(t, EFFECTIVE, d, "2024-12-31");
    expect(p.counted).toEqual([expect.objectContaining({ key: "K", county: JIAOJIANG })]);
    expect(countyOf(p, LINHAI)?.counted).toBe(0);
    // Before the earlier one is dated, the later one is not there either.
    expect(progressOn(t, EFFECTIVE, d, "2024-04-29").value).toBe(0);
  });

  it("on the same date, the contributions are taken in the order of their reference", () => {
    const d = inputs({
      contributions: [
        contribution("K", LINHAI, "2024-05-01", { ref: "b" }),
        contribution("K", JIAOJIANG, "2024-05-01", { ref: "a" }),
      ],
    });
    expect(countedOn(d, "2024-12-31")).toEqual([
      expect.objectContaining({ county: JIAOJIANG, ref: "a" }),
    ]);
  });

  it("a key already held on its baseline date is in the baseline and not counted again", () => {
    // The organization's first certificate (recorded, on the baseline date) is in the baseline of 10;
    // a later award to the same organization (a self-declaration) does not make it 11.
    const d = inputs({
      baselines: [baseline(LINHAI, 10, "2024-06-30")],
      contributions: [
        contribution("K", LINHAI, "2024-01-15"),
        contribution("K", LINHAI, "2024-09-01", { source: "award", ref: "JL-2024-000001" }),
        contribution("M", LINHAI, "2024-09-01"),
      ],
    });
    const p = progressOn(t, EFFECTIVE, d, "2024-12-31");
    expect(p.counted.map((c) => c.key)).toEqual(["M"]);
    expect(p.value).toBe(n(11));
  });

  it("a key whose earlier certificate had ended by the baseline date counts again when renewed", () => {
    const d = inputs({
      baselines: [baseline(LINHAI, 10, "2024-06-30")],
      contributions: [
        contribution("K", LINHAI, "2023-05-01", { endedOn: "2024-05-01" }),
        contribution("K", LINHAI, "2024-09-01", { source: "award", ref: "JL-2024-000001" }),
      ],
    });
    expect(progressOn(t, EFFECTIVE, d, "2024-12-31").value).toBe(n(11));
  });
});

describe("ended records", () => {
  const t = countTarget(100);
  const d = inputs({
    contributions: [
      contribution("K", LINHAI, "2024-01-10", { endedOn: "2024-05-01" }),
      contribution("L", LINHAI, "2024-01-10"),
    ],
  });

  it("an ended certificate stops counting from its end date", () => {
    expect(progressOn(t, EFFECTIVE, d, "2024-04-30").value).toBe(n(2));
    expect(progressOn(t, EFFECTIVE, d, "2024-05-01").value).toBe(n(1));
    expect(countedOn(d, "2024-05-01").map((c) => c.key)).toEqual(["L"]);
  });

  it("when the earliest contribution of a key has ended, a later live one still counts it", () => {
    const e = inputs({
      contributions: [
        contribution("K", JIAOJIANG, "2024-01-10", { endedOn: "2024-05-01" }),
        contribution("K", LINHAI, "2024-03-01", { source: "award", ref: "JL-2024-000003" }),
      ],
    });
    expect(countedOn(e, "2024-04-30")).toEqual([expect.objectContaining({ county: JIAOJIANG })]);
    expect(countedOn(e, "2024-06-01")).toEqual([expect.objectContaining({ county: LINHAI })]);
  });
});

describe("the comparator: 达到 / 以上 is ≥, 高于 is >", () => {
  const rate = (t: Target, value: string) =>
    progressOn(t, EFFECTIVE, inputs({ values: [manual(value, "2025-06-30", 1)] }), "2025-07-01");

  it("主要农产品 98 exactly is not “高于 98%”; 98.0001 is", () => {
    expect(FARM.comparator).toBe("gt");
    expect(rate(FARM, "98").status).not.toBe("met");
    expect(rate(FARM, "98.0000").status).not.toBe("met");
    expect(rate(FARM, "98.0001").status).toBe("met");
  });

  it("基本药物 99.5 is not met, 99.51 is", () => {
    expect(DRUG.comparator).toBe("gt");
    expect(rate(DRUG, "99.5").status).not.toBe("met");
    expect(rate(DRUG, "99.51").status).toBe("met");
    expect(rate(DRUG, "99.5").value).toBe(995_000);
  });

  it("a count exactly at its target is met (≥); one short is not", () => {
    expect(PINZIBIAO.comparator).toBe("gte");
    const at = (base: number, records: number) =>
      progressOn(
        PINZIBIAO,
        EFFECTIVE,
        inputs({
          baselines: [baseline(CITY_WIDE, base, "2024-12-31")],
          contributions: Array.from({ length: records }, (_, i) =>
            contribution(`K${i}`, LINHAI, "2025-03-01"),
          ),
        }),
        "2025-06-30",
      );
    expect(at(389, 1)).toMatchObject({ value: n(390), status: "met" });
    expect(at(390, 0)).toMatchObject({ value: n(390), status: "met" });
    expect(at(388, 1).status).not.toBe("met");
  });
});

describe("on track or at risk against the straight line", () => {
  const START = "2024-01-01";
  const ON = "2025-01-01";
  const base = baseline(CITY_WIDE, 100, START);
  const goal = n(390);
  const expected = line(n(100), goal, START, ON);
  const needed = Math.ceil((expected - n(100)) / SCALE);
  const withRecords = (k: number) =>
    inputs({
      baselines: [base],
      contributions: Array.from({ length: k }, (_, i) =>
        contribution(`K${i}`, LINHAI, "2024-06-01"),
      ),
    });

  it("expected is the line from the baseline on its date to the target on the deadline", () => {
    const p = progressOn(PINZIBIAO, EFFECTIVE, withRecords(0), ON);
    expect(p.expected).toBe(expected);
    expect(p.target).toBe(goal);
    expect(needed).toBeGreaterThan(1);
  });

  it("on the line or above it is on_track; one below is at_risk", () => {
    expect(progressOn(PINZIBIAO, EFFECTIVE, withRecords(needed), ON).status).toBe("on_track");
    expect(progressOn(PINZIBIAO, EFFECTIVE, withRecords(needed + 1), ON).status).toBe("on_track");
    expect(progressOn(PINZIBIAO, EFFECTIVE, withRecords(needed - 1), ON).status).toBe("at_risk");
  });

  it("on the baseline date itself the value is the line's start: on_track", () => {
    const p = progressOn(PINZIBIAO, EFFECTIVE, withRecords(0), START);
    expect(p.expected).toBe(n(100));
    expect(p.status).toBe("on_track");
    // Before the line's start only the baseline is there, and the line is the baseline.
    const early = progressOn(PINZIBIAO, EFFECTIVE, withRecords(0), "2023-12-01");
    expect(early).toMatchObject({ value: n(100), expected: n(100), status: "on_track" });
  });

  it("without a baseline the line starts at 0 on the day the policy took effect", () => {
    const on = "2024-08-15";
    const e = line(0, n(40), EFFECTIVE, on);
    const k = Math.ceil(e / SCALE);
    const d = (count: number) =>
      inputs({
        contributions: Array.from({ length: count }, (_, i) =>
          contribution(`S${i}`, LINHAI, "2024-01-02"),
        ),
      });
    expect(progressOn(STANDARDS, EFFECTIVE, d(k), on)).toMatchObject({
      expected: e,
      status: "on_track",
    });
    expect(progressOn(STANDARDS, EFFECTIVE, d(k - 1), on).status).toBe("at_risk");
  });

  it("the line starts at the latest of the counties' baseline dates", () => {
    const d = inputs({
      baselines: [baseline(LINHAI, 30, "2024-03-31"), baseline(JIAOJIANG, 20, "2024-06-30")],
    });
    const p = progressOn(PINZIBIAO, EFFECTIVE, d, ON);
    expect(p.expected).toBe(line(n(50), goal, "2024-06-30", ON));
  });
});

describe("after the deadline", () => {
  const d = inputs({
    baselines: [baseline(CITY_WIDE, 380, "2024-12-31")],
    contributions: [
      contribution("A", LINHAI, "2025-12-31"),
      contribution("B", LINHAI, "2026-01-05"), // after the deadline: never counted
    ],
  });

  it("the count is taken on the deadline, final, and missed when short", () => {
    const p = progressOn(PINZIBIAO, EFFECTIVE, d, "2026-03-01");
    expect(p).toMatchObject({ on: DEADLINE, final: true, value: n(381), status: "missed" });
    expect(p.counted.map((c) => c.key)).toEqual(["A"]);
  });

  it("met stays met after the deadline", () => {
    const e = inputs({ baselines: [baseline(CITY_WIDE, 390, "2024-12-31")] });
    expect(progressOn(PINZIBIAO, EFFECTIVE, e, "2026-03-01")).toMatchObject({
      final: true,
      status: "met",
    });
  });

  it("on the deadline itself the day still counts: not yet final, at_risk when short", () => {
    const p = progressOn(PINZIBIAO, EFFECTIVE, d, DEADLINE);
    expect(p).toMatchObject({ on: DEADLINE, final: false, status: "at_risk", expected: n(390) });
    expect(progressOn(PINZIBIAO, EFFECTIVE, d, "2026-01-01")).toMatchObject({
      on: DEADLINE,
      final: true,
      status: "missed",
    });
  });

  it("a manual target is measured by the latest period ending by the deadline", () => {
    const v = inputs({ values: [manual("98.5", "2025-12-31", 1), manual("97", "2026-03-31", 2)] });
    expect(progressOn(FARM, EFFECTIVE, v, "2026-06-30")).toMatchObject({
      on: DEADLINE,
      value: 985_000,
      status: "met",
      final: true,
    });
    const short = inputs({ values: [manual("97", "2025-06-30", 1)] });
    expect(progressOn(FARM, EFFECTIVE, short, "2026-06-30").status).toBe("missed");
  });
});

describe("manual targets", () => {
  it("no value yet: no_data (before and after the deadline)", () => {
    expect(progressOn(FARM, EFFECTIVE, inputs(), "2025-06-30")).toMatchObject({
      value: null,
      status: "no_data",
      expected: null,
    });
    expect(progressOn(FARM, EFFECTIVE, inputs(), "2026-06-30")).toMatchObject({
      value: null,
      status: "no_data",
      final: true,
    });
  });

  it("a value whose period has not ended by the day is not yet there", () => {
    const v = inputs({ values: [manual("99", "2025-06-30", 1)] });
    expect(progressOn(FARM, EFFECTIVE, v, "2025-06-29").status).toBe("no_data");
    expect(progressOn(FARM, EFFECTIVE, v, "2025-06-30").value).toBe(990_000);
  });

  it("the latest period ending by the day wins; for the same period the later entry", () => {
    const v = inputs({
      values: [
        manual("98.5", "2025-03-31", 1),
        manual("97", "2025-06-30", 2),
        manual("99.2", "2025-06-30", 3), // a correction of the same period
        manual("96", "2024-12-31", 4), // entered last, for an older period
      ],
    });
    expect(progressOn(FARM, EFFECTIVE, v, "2025-05-01").value).toBe(985_000);
    expect(progressOn(FARM, EFFECTIVE, v, "2025-07-01").value).toBe(992_000);
    expect(progressOn(FARM, EFFECTIVE, v, "2025-01-15").value).toBe(960_000);
  });

  it("a county's value is shown for the county, not as the city's", () => {
    const v = inputs({ values: [manual("99", "2025-06-30", 1, LINHAI)] });
    const p = progressOn(FARM, EFFECTIVE, v, "2025-07-01");
    expect(p.status).toBe("no_data");
    expect(countyOf(p, LINHAI)?.value).toBe(990_000);
  });
});

describe("history", () => {
  const t = countTarget(50);

  /** Every month end from the policy's first month up to (not including) `end`, then `end`. */
  function monthEnds(from: string, end: string): string[] {
    const out: string[] = [];
    let y = Number(from.slice(0, 4));
    let m = Number(from.slice(5, 7));
    for (;;) {
      const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
      if (last >= end) break;
      out.push(last);
      m += 1;
      if (m > 12) {
        m = 1;
        y += 1;
      }
    }
    return [...out, end];
  }

  it("one point per month end, and the day itself", () => {
    const d = inputs({ contributions: [contribution("A", LINHAI, "2023-03-15")] });
    const h = history(t, EFFECTIVE, d, "2023-05-10");
    expect(h).toEqual([
      { on: "2023-02-28", value: 0 },
      { on: "2023-03-31", value: n(1) },
      { on: "2023-04-30", value: n(1) },
      { on: "2023-05-10", value: n(1) },
    ]);
    expect(history(t, EFFECTIVE, d, "2023-04-30").map((p) => p.on)).toEqual([
      "2023-02-28",
      "2023-03-31",
      "2023-04-30",
    ]);
  });

  it("after the deadline it stops at the deadline", () => {
    const h = history(t, EFFECTIVE, inputs(), "2026-05-01");
    expect(h.at(-1)?.on).toBe(DEADLINE);
    expect(h).toHaveLength(monthEnds(EFFECTIVE, DEADLINE).length);
  });

  const day = fc
    .integer({ min: 0, max: 1200 })
    .map((k) => new Date(Date.UTC(2023, 1, 11 + k)).toISOString().slice(0, 10));

  it("is non-decreasing, month by month, for counts without ended records (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            key: fc.constantFrom("A", "B", "C", "D", "E", "F"),
            county: fc.constantFrom(LINHAI, JIAOJIANG, HUANGYAN),
            eventDate: day,
          }),
          { maxLength: 25 },
        ),
        fc.array(
          fc.record({
            county: fc.constantFrom(CITY_WIDE, LINHAI, JIAOJIANG),
            value: fc.integer({ min: 0, max: 30 }),
            asOf: day,
          }),
          { maxLength: 3 },
        ),
        day,
        (cs, bs, asOf) => {
          const byCounty = new Map(bs.map((b) => [b.county, b]));
          const d = inputs({
            baselines: [...byCounty.values()].map((b) => baseline(b.county, b.value, b.asOf)),
            contributions: cs.map((c, i) =>
              contribution(c.key, c.county, c.eventDate, { ref: `r${String(i).padStart(3, "0")}` }),
            ),
          });
          const h = history(t, EFFECTIVE, d, asOf);
          const end = asOf > DEADLINE ? DEADLINE : asOf;
          expect(h.map((p) => p.on)).toEqual(monthEnds(EFFECTIVE, end));
          for (let i = 1; i < h.length; i++)
            expect(h[i]?.value as number).toBeGreaterThanOrEqual(h[i - 1]?.value as number);
          // Never more than the baselines plus the distinct keys.
          const total = d.baselines.reduce((s, b) => s + b.value, 0);
          expect(h.at(-1)?.value as number).toBeLessThanOrEqual(
            total + new Set(cs.map((c) => c.key)).size * SCALE,
          );
          // The counted contributions name each key once.
          const counted = countedOn(d, end).map((c) => c.key);
          expect(new Set(counted).size).toBe(counted.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
