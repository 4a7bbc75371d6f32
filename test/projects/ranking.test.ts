import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ProposalForRanking,
  type Ranked,
  rankProposals,
  type Score,
  selectProposals,
  weightedTotalCenti,
} from "../../src/projects/ranking.ts";

/**
 * The pure ranking and selection of public-project proposals (三（三）4 "通过公平竞争方式，择优筛选"):
 * weighted totals, per-expert z-scores, the order of ties, the pass mark, and selection within a
 * budget that skips what does not fit and never part-funds.
 */

const RUNS = { numRuns: 300 };
const PASS = 6000; // 60 points, in hundredths

function proposal(id: string, submissionSeq: number, requested = 100_000): ProposalForRanking {
  return { id, number: `XM-2025-01-${id}`, submissionSeq, requested };
}
function score(proposalId: string, expertId: string, totalCenti: number): Score {
  return { proposalId, expertId, totalCenti };
}
const ids = (ranked: readonly Ranked[]) => ranked.map((r) => r.id);
const micro = (ranked: readonly Ranked[]) =>
  Object.fromEntries(ranked.map((r) => [r.id, r.scoreMicro + 0]));
/** The order a ranking by raw mean alone would give (higher first, then earlier submission). */
function rawOrder(proposals: readonly ProposalForRanking[], scores: readonly Score[]): string[] {
  const mean = (id: string) => {
    const own = scores.filter((s) => s.proposalId === id);
    return own.reduce((s, x) => s + x.totalCenti, 0) / own.length;
  };
  return [...proposals]
    .sort((a, b) => mean(b.id) - mean(a.id) || a.submissionSeq - b.submissionSeq)
    .map((p) => p.id);
}

describe("weightedTotalCenti", () => {
  const CRITERIA = [
    { id: "need", weight: 40 },
    { id: "plan", weight: 35 },
    { id: "effect", weight: 25 },
  ];

  it("is the weighted mean of the criterion scores on a 0–100 scale, in hundredths", () => {
    // 0.40 × 80 + 0.35 × 70 + 0.25 × 90 = 32 + 24.5 + 22.5 = 79
    expect(weightedTotalCenti(CRITERIA, { need: 80, plan: 70, effect: 90 })).toBe(7_900);
    // 0.40 × 61 + 0.35 × 77 + 0.25 × 58 = 24.4 + 26.95 + 14.5 = 65.85
    expect(weightedTotalCenti(CRITERIA, { need: 61, plan: 77, effect: 58 })).toBe(6_585);
    expect(weightedTotalCenti(CRITERIA, { need: 100, plan: 100, effect: 100 })).toBe(10_000);
    expect(weightedTotalCenti(CRITERIA, { need: 0, plan: 0, effect: 0 })).toBe(0);
  });

  it("rounds to the nearest hundredth when the weights do not divide evenly", () => {
    const thirds = [
      { id: "a", weight: 1 },
      { id: "b", weight: 1 },
      { id: "c", weight: 1 },
    ];
    expect(weightedTotalCenti(thirds, { a: 100, b: 0, c: 0 })).toBe(3_333); // 33.333…
    expect(weightedTotalCenti(thirds, { a: 100, b: 100, c: 0 })).toBe(6_667); // 66.666…
  });

  it("stays within 0..10000 and between the lowest and highest criterion score", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 10 }),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 10, maxLength: 10 }),
        (weights, values) => {
          const criteria = weights.map((weight, i) => ({ id: `c${i}`, weight }));
          const scores = Object.fromEntries(criteria.map((c, i) => [c.id, values[i] as number]));
          const total = weightedTotalCenti(criteria, scores);
          const used = criteria.map((c) => scores[c.id] as number);
          expect(Number.isInteger(total)).toBe(true);
          expect(total).toBeGreaterThanOrEqual(Math.min(...used) * 100);
          expect(total).toBeLessThanOrEqual(Math.max(...used) * 100);
        },
      ),
      RUNS,
    );
  });
});

describe("rankProposals: per-expert normalisation", () => {
  // A lenient expert L scores in a narrow band high up; a severe expert S uses the whole scale.
  // Raw means would put P3 (63.00) before P1 (55.00); normalised, both experts weigh the same and
  // P1 (L's best, S's worst) sits exactly in the middle, ahead of P3 (L's worst, S's middle).
  const proposals = [proposal("P1", 1), proposal("P2", 2), proposal("P3", 3)];
  const lenient = [score("P1", "L", 9_000), score("P2", "L", 8_800), score("P3", "L", 8_600)];
  const severe = [score("P1", "S", 2_000), score("P2", "S", 6_000), score("P3", "S", 4_000)];

  it("makes a lenient and a severe expert weigh the same: the order differs from the raw means", () => {
    const ranked = rankProposals(proposals, [...lenient, ...severe], PASS);
    expect(rawOrder(proposals, [...lenient, ...severe])).toEqual(["P2", "P3", "P1"]);
    expect(ids(ranked)).toEqual(["P2", "P1", "P3"]);
    // z(L) = (+√1.5, 0, −√1.5), z(S) = (−√1.5, +√1.5, 0): the means are 0, √1.5⁄2, −√1.5⁄2.
    const half = Math.round((Math.sqrt(1.5) / 2) * 1e6);
    expect(half).toBe(612_372);
    expect(micro(ranked)).toEqual({ P1: 0, P2: half, P3: -half });
    expect(ranked.map((r) => [r.id, r.rank, r.meanCenti, r.scoreCount])).toEqual([
      ["P2", 1, 7_400, 2],
      ["P1", 2, 5_500, 2],
      ["P3", 3, 6_300, 2],
    ]);
  });

  it("ignores an expert's level and spread: shifting or stretching one expert's totals changes nothing", () => {
    const base = rankProposals(proposals, [...lenient, ...severe], PASS);
    // S compressed to a tenth of its spread around 40.00, and L moved down by 60 points.
    const squeezed = severe.map((s) => ({ ...s, totalCenti: 4_000 + (s.totalCenti - 4_000) / 10 }));
    const lowered = lenient.map((s) => ({ ...s, totalCenti: s.totalCenti - 6_000 }));
    const moved = rankProposals(proposals, [...lowered, ...squeezed], PASS);
    expect(ids(moved)).toEqual(ids(base));
    expect(micro(moved)).toEqual(micro(base));
  });

  it("an expert who gives every proposal the same total contributes 0", () => {
    const flat = proposals.map((p) => score(p.id, "F", 7_500));
    const alone = rankProposals(proposals, flat, PASS);
    expect(micro(alone)).toEqual({ P1: 0, P2: 0, P3: 0 });
    // Equal scores and equal means: the earlier submission first.
    expect(ids(alone)).toEqual(["P1", "P2", "P3"]);
    expect(alone.every((r) => r.fundable)).toBe(true);

    // Next to the severe expert, F adds a zero to each mean: S's z-scores halved, same order.
    const withS = rankProposals(proposals, severe, PASS);
    const withSF = rankProposals(proposals, [...severe, ...flat], PASS);
    expect(ids(withSF)).toEqual(ids(withS));
    for (const r of withSF) {
      const s = withS.find((x) => x.id === r.id) as Ranked;
      expect(Math.abs(r.scoreMicro - s.scoreMicro / 2)).toBeLessThanOrEqual(1);
      expect(r.scoreCount).toBe(2);
    }
    expect(micro(withS)).toEqual({ P1: -1_224_745, P2: 1_224_745, P3: 0 });
  });

  it("an expert who scored a single proposal contributes 0 for it", () => {
    const ranked = rankProposals(
      [proposal("A", 1), proposal("B", 2)],
      [score("A", "X", 9_000), score("B", "Y", 6_500)],
      PASS,
    );
    expect(micro(ranked)).toEqual({ A: 0, B: 0 });
    expect(ids(ranked)).toEqual(["A", "B"]); // raw mean 90 before 65
  });
});

describe("rankProposals: ties", () => {
  it("equal normalised scores: the higher raw mean first, whatever the submission order", () => {
    // A: 70, 60, 50 (sd 8.16); B: 40, 60, 80 (sd 16.33): every proposal's z-scores cancel out.
    const proposals = [proposal("P1", 1), proposal("P2", 2), proposal("P3", 3)];
    const scores = [
      score("P1", "A", 7_000),
      score("P2", "A", 6_000),
      score("P3", "A", 5_000),
      score("P1", "B", 4_000),
      score("P2", "B", 6_000),
      score("P3", "B", 8_000),
    ];
    const ranked = rankProposals(proposals, scores, PASS);
    expect(micro(ranked)).toEqual({ P1: 0, P2: 0, P3: 0 });
    expect(ids(ranked)).toEqual(["P3", "P2", "P1"]); // means 65, 60, 55
    expect(ranked.map((r) => r.meanCenti)).toEqual([6_500, 6_000, 5_500]);
    expect(ranked.map((r) => r.fundable)).toEqual([true, true, false]);
  });

  it("raw means are compared exactly, not as the rounded means shown", () => {
    // A: 60.02, 60.01, 60.00; B: 59.98, 60.00, 60.02 (twice A's spread): every z-mean is 0.
    // Raw means 60.00, 60.005 and 60.01: P2 and P3 both show 60.01, yet P3 is ahead.
    const proposals = [proposal("P1", 1), proposal("P2", 2), proposal("P3", 3)];
    const scores = [
      score("P1", "A", 6_002),
      score("P2", "A", 6_001),
      score("P3", "A", 6_000),
      score("P1", "B", 5_998),
      score("P2", "B", 6_000),
      score("P3", "B", 6_002),
    ];
    const ranked = rankProposals(proposals, scores, PASS);
    expect(micro(ranked)).toEqual({ P1: 0, P2: 0, P3: 0 });
    expect(ids(ranked)).toEqual(["P3", "P2", "P1"]);
    expect(ranked.map((r) => r.meanCenti)).toEqual([6_001, 6_001, 6_000]);
  });

  it("equal normalised scores and equal raw means: the earlier submission first", () => {
    const scores = [
      score("late", "A", 8_000),
      score("early", "A", 8_000),
      score("other", "A", 6_000),
      score("late", "B", 7_000),
      score("early", "B", 7_000),
      score("other", "B", 9_000),
    ];
    const proposals = [proposal("late", 9), proposal("other", 1), proposal("early", 3)];
    const ranked = rankProposals(proposals, scores, PASS);
    const late = ranked.find((r) => r.id === "late") as Ranked;
    const early = ranked.find((r) => r.id === "early") as Ranked;
    expect(late.scoreMicro).toBe(early.scoreMicro);
    expect(late.meanCenti).toBe(early.meanCenti);
    expect(early.rank).toBe(late.rank - 1);
    // And the same with the submission numbers the other way round.
    const swapped = rankProposals(
      [proposal("late", 2), proposal("other", 1), proposal("early", 3)],
      scores,
      PASS,
    );
    const late2 = swapped.find((r) => r.id === "late") as Ranked;
    const early2 = swapped.find((r) => r.id === "early") as Ranked;
    expect(late2.rank).toBe(early2.rank - 1);
  });

  it("ranks are 1..n without gaps or shared places", () => {
    const proposals = ["a", "b", "c", "d"].map((id, i) => proposal(id, i + 1));
    const scores = proposals.map((p) => score(p.id, "E", 7_000));
    expect(rankProposals(proposals, scores, PASS).map((r) => r.rank)).toEqual([1, 2, 3, 4]);
  });
});

describe("rankProposals: pass mark", () => {
  it("a raw mean at the pass mark is fundable, a hundredth below it is not", () => {
    const proposals = [proposal("at", 1), proposal("below", 2), proposal("split", 3)];
    const scores = [
      score("at", "A", 5_999),
      score("at", "B", 6_001), // mean 6000
      score("below", "A", 5_999),
      score("below", "B", 6_000), // mean 5999.5
      score("split", "A", 9_000),
      score("split", "B", 3_000), // mean 6000
    ];
    const ranked = rankProposals(proposals, scores, PASS);
    const by = new Map(ranked.map((r) => [r.id, r]));
    expect(by.get("at")?.fundable).toBe(true);
    expect(by.get("split")?.fundable).toBe(true);
    expect(by.get("below")?.fundable).toBe(false);
  });

  it("a proposal nobody scored is not fundable, and selection says why", () => {
    const ranked = rankProposals(
      [proposal("scored", 1), proposal("unscored", 2)],
      [score("scored", "A", 8_000)],
      PASS,
    );
    const unscored = ranked.find((r) => r.id === "unscored") as Ranked;
    expect(unscored).toMatchObject({ scoreCount: 0, meanCenti: 0, fundable: false });
    const sel = selectProposals(ranked, 10_000_000);
    expect(sel.find((s) => s.id === "unscored")).toMatchObject({
      selected: false,
      amount: 0,
      reason: "无有效评分",
    });
  });

  it("the pass mark changes fundability, never the order", () => {
    const proposals = [proposal("a", 1), proposal("b", 2), proposal("c", 3)];
    const scores = [
      score("a", "X", 9_000),
      score("b", "X", 7_000),
      score("c", "X", 5_000),
      score("a", "Y", 6_000),
      score("b", "Y", 6_500),
      score("c", "Y", 4_000),
    ];
    const at0 = rankProposals(proposals, scores, 0);
    const at70 = rankProposals(proposals, scores, 7_000);
    expect(ids(at70)).toEqual(ids(at0));
    expect(at0.map((r) => r.fundable)).toEqual([true, true, true]);
    expect(at70.map((r) => [r.id, r.fundable])).toEqual([
      ["a", true], // 75
      ["b", false], // 67.5
      ["c", false], // 45
    ]);
  });
});

// ── selection ────────────────────────────────────────────────────────────────

function ranked(
  rows: readonly { id: string; requested: number; fundable?: boolean; scoreCount?: number }[],
): Ranked[] {
  return rows.map((r, i) => ({
    id: r.id,
    number: `N-${r.id}`,
    rank: i + 1,
    scoreMicro: 1_000_000 - i,
    meanCenti: 8_000,
    scoreCount: r.scoreCount ?? 3,
    requested: r.requested,
    fundable: r.fundable ?? true,
  }));
}

describe("selectProposals", () => {
  it("skips a proposal that fits only in part and funds the next smaller one in full", () => {
    const sel = selectProposals(
      ranked([
        { id: "A", requested: 400_000 },
        { id: "B", requested: 350_000 },
        { id: "C", requested: 300_000 },
        { id: "D", requested: 200_000 },
        { id: "E", requested: 100_000 },
      ]),
      1_000_000,
    );
    expect(sel.map((s) => [s.id, s.selected, s.amount, s.remainingAfter])).toEqual([
      ["A", true, 400_000, 600_000],
      ["B", true, 350_000, 250_000],
      ["C", false, 0, 250_000],
      ["D", true, 200_000, 50_000],
      ["E", false, 0, 50_000],
    ]);
    expect(sel[2]?.reason).toBe("申请 300000 元超过剩余预算 250000 元，顺延下一项");
    expect(sel[0]?.reason).toBe("第 1 名，全额安排");
    expect(sel[3]?.reason).toBe("第 4 名，全额安排");
  });

  it("a proposal below the pass mark is not funded even when it fits", () => {
    const sel = selectProposals(
      ranked([
        { id: "A", requested: 100_000, fundable: false },
        { id: "B", requested: 100_000 },
      ]),
      1_000_000,
    );
    expect(sel.map((s) => [s.id, s.selected, s.amount])).toEqual([
      ["A", false, 0],
      ["B", true, 100_000],
    ]);
    expect(sel[0]?.reason).toBe("平均分低于及格线");
  });

  it("a budget exactly equal to the request funds it; one yuan less does not", () => {
    const rows = ranked([{ id: "A", requested: 500_000 }]);
    expect(selectProposals(rows, 500_000)[0]).toMatchObject({ selected: true, remainingAfter: 0 });
    expect(selectProposals(rows, 499_999)[0]).toMatchObject({ selected: false, amount: 0 });
    expect(selectProposals(rows, 0)[0]).toMatchObject({ selected: false, amount: 0 });
  });

  const rowsArb = fc.array(
    fc.record({
      id: fc.uuid(),
      requested: fc.integer({ min: 1, max: 2_000_000 }),
      fundable: fc.boolean(),
    }),
    { maxLength: 30 },
  );

  it("never exceeds the budget, never part-funds, and funds greedily in rank order (property)", () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 0, max: 10_000_000 }), (rows, budget) => {
        const input = ranked(rows);
        const sel = selectProposals(input, budget);
        expect(sel.map((s) => s.id)).toEqual(input.map((r) => r.id));
        const total = sel.reduce((s, x) => s + x.amount, 0);
        expect(total).toBeLessThanOrEqual(budget);
        let remaining = budget;
        for (const [i, s] of sel.entries()) {
          const r = input[i] as Ranked;
          // All or nothing: a selected proposal gets exactly what it asked for.
          expect(s.amount).toBe(s.selected ? r.requested : 0);
          if (s.selected) expect(r.fundable).toBe(true);
          // Skip-and-continue: a fundable proposal is passed over only when it does not fit.
          if (r.fundable) expect(s.selected).toBe(r.requested <= remaining);
          remaining -= s.amount;
          expect(s.remainingAfter).toBe(remaining);
        }
        expect(remaining).toBe(budget - total);
        // Nothing left out would still fit in what is left.
        for (const [i, s] of sel.entries()) {
          const r = input[i] as Ranked;
          if (!s.selected && r.fundable) expect(r.requested).toBeGreaterThan(remaining);
        }
      }),
      RUNS,
    );
  });
});

// ── properties of the ranking ────────────────────────────────────────────────

interface Case {
  proposals: ProposalForRanking[];
  scores: Score[];
}

/** Up to 8 proposals and 5 experts; each expert scores a subset; many repeated totals (ties). */
const caseArb: fc.Arbitrary<Case> = fc
  .record({
    n: fc.integer({ min: 1, max: 8 }),
    experts: fc.integer({ min: 1, max: 5 }),
    seqs: fc.uniqueArray(fc.integer({ min: 1, max: 1_000 }), { minLength: 8, maxLength: 8 }),
    cells: fc.array(
      fc.option(
        fc.oneof(
          fc.integer({ min: 0, max: 10_000 }),
          fc.constantFrom(5_000, 6_000, 6_000, 7_500, 9_000),
        ),
        { freq: 4 },
      ),
      { minLength: 40, maxLength: 40 },
    ),
  })
  .map(({ n, experts, seqs, cells }) => {
    const proposals = Array.from({ length: n }, (_, i) =>
      proposal(`p${i}`, seqs[i] as number, 10_000 * (i + 1)),
    );
    const scores: Score[] = [];
    for (let e = 0; e < experts; e++)
      for (let i = 0; i < n; i++) {
        const v = cells[e * 8 + i];
        if (v !== null && v !== undefined) scores.push(score(`p${i}`, `e${e}`, v));
      }
    return { proposals, scores };
  });

function shuffled<T>(xs: readonly T[], keys: readonly number[]): T[] {
  return xs
    .map((x, i) => ({ x, k: keys[i % Math.max(1, keys.length)] ?? 0, i }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .map((e) => e.x);
}

/** An independent z-score mean per proposal: two-pass, in a different summing order. */
function referenceMicro(c: Case): Map<string, number> {
  const experts = [...new Set(c.scores.map((s) => s.expertId))];
  const z = new Map<string, number[]>();
  for (const e of experts) {
    const own = c.scores.filter((s) => s.expertId === e);
    const n = own.length;
    const sum = own.reduce((s, x) => s + x.totalCenti, 0);
    const sumSq = own.reduce((s, x) => s + x.totalCenti * x.totalCenti, 0);
    const varianceTimesN2 = n * sumSq - sum * sum; // an exact integer
    for (const s of own) {
      const v = varianceTimesN2 > 0 ? (n * s.totalCenti - sum) / Math.sqrt(varianceTimesN2) : 0;
      z.set(s.proposalId, [...(z.get(s.proposalId) ?? []), v]);
    }
  }
  return new Map(
    c.proposals.map((p) => {
      const zs = z.get(p.id) ?? [];
      const mean = zs.length === 0 ? 0 : zs.reduceRight((s, x) => s + x, 0) / zs.length;
      return [p.id, Math.round(mean * 1e6)];
    }),
  );
}

describe("rankProposals: properties", () => {
  it("does not depend on the order of the scores or of the proposals", () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.array(fc.integer(), { minLength: 1, maxLength: 50 }),
        fc.array(fc.integer(), { minLength: 1, maxLength: 10 }),
        (c, scoreKeys, proposalKeys) => {
          const a = rankProposals(c.proposals, c.scores, PASS);
          const b = rankProposals(
            shuffled(c.proposals, proposalKeys),
            shuffled(c.scores, scoreKeys),
            PASS,
          );
          expect(b).toEqual(a);
          expect(rankProposals(c.proposals, [...c.scores].reverse(), PASS)).toEqual(a);
        },
      ),
      RUNS,
    );
  });

  it("is ordered by normalised score, then raw mean, then submission; ranks are 1..n", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const out = rankProposals(c.proposals, c.scores, PASS);
        expect(out.map((r) => r.rank)).toEqual(out.map((_, i) => i + 1));
        expect(new Set(ids(out))).toEqual(new Set(c.proposals.map((p) => p.id)));
        const seq = new Map(c.proposals.map((p) => [p.id, p.submissionSeq]));
        const sums = new Map(
          c.proposals.map((p) => {
            const own = c.scores.filter((s) => s.proposalId === p.id);
            return [p.id, { sum: own.reduce((s, x) => s + x.totalCenti, 0), n: own.length }];
          }),
        );
        for (let i = 0; i + 1 < out.length; i++) {
          const a = out[i] as Ranked;
          const b = out[i + 1] as Ranked;
          expect(a.scoreMicro).toBeGreaterThanOrEqual(b.scoreMicro);
          if (a.scoreMicro !== b.scoreMicro) continue;
          const sa = sums.get(a.id) as { sum: number; n: number };
          const sb = sums.get(b.id) as { sum: number; n: number };
          const cross = sa.sum * Math.max(1, sb.n) - sb.sum * Math.max(1, sa.n);
          expect(cross).toBeGreaterThanOrEqual(0);
          if (cross === 0) expect(seq.get(a.id) as number).toBeLessThan(seq.get(b.id) as number);
        }
        // Fundable exactly when scored and the raw mean reaches the pass mark.
        for (const r of out) {
          const s = sums.get(r.id) as { sum: number; n: number };
          expect(r.scoreCount).toBe(s.n);
          expect(r.fundable).toBe(s.n > 0 && s.sum / s.n >= PASS / 1);
        }
      }),
      RUNS,
    );
  });

  it("agrees with an independent computation of the mean z-scores (to the millionth)", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const out = rankProposals(c.proposals, c.scores, PASS);
        const ref = referenceMicro(c);
        for (const r of out)
          expect(Math.abs(r.scoreMicro - (ref.get(r.id) as number))).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
  });

  it("is unchanged when one expert's totals are shifted and stretched (positive affine map)", () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom(2, 3, 5),
        fc.integer({ min: -2_000, max: 2_000 }),
        (c, expert, factor, shift) => {
          const target = `e${expert}`;
          const moved = c.scores.map((s) =>
            s.expertId === target ? { ...s, totalCenti: s.totalCenti * factor + shift } : s,
          );
          const a = rankProposals(c.proposals, c.scores, PASS);
          const b = rankProposals(c.proposals, moved, PASS);
          for (const r of b) {
            const before = a.find((x) => x.id === r.id) as Ranked;
            expect(Math.abs(r.scoreMicro - before.scoreMicro)).toBeLessThanOrEqual(1);
          }
        },
      ),
      RUNS,
    );
  });
});
