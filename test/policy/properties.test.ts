import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadPackFile } from "../../src/packs/load.ts";
import { evaluate } from "../../src/policy/evaluate.ts";
import { PolicyRegistry } from "../../src/policy/registry.ts";
import type { Claim, Decision, Evaluation } from "../../src/policy/types.ts";
import {
  ALL_AREAS,
  ALWAYS_CITY_ITEMS,
  CITY_AREAS,
  org,
  PASSING_FACTS,
  registry,
  STATUTE_BY_ID,
  STATUTE_ITEMS,
} from "./support.ts";

const RUNS = { numRuns: 300 };
const PINZIBIAO = new Set(["1.1.g", "1.1.h"]);
const PINZIBIAO_CAP = 500_000;

// ── generators ───────────────────────────────────────────────────────────────

const itemArb = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom("1.1.g", "1.1.g", "1.1.h") },
  { weight: 2, arbitrary: fc.constantFrom("1.3.a", "2.2.c", "3.3.c", "3.3.e") },
  { weight: 6, arbitrary: fc.constantFrom(...STATUTE_ITEMS.map((i) => i.id)) },
  { weight: 1, arbitrary: fc.constantFrom("3.4", "9.9.z", "1.1.z") },
);

const randomFactsArb = fc.record(
  {
    municipalFiling: fc.constantFrom<unknown>(true, false, "true", null),
    certificate: fc.constantFrom<unknown>("first", "re-evaluation", "other", 1),
    newlyRecognized: fc.constantFrom<unknown>(true, false),
    assessment: fc.constantFrom<unknown>("excellent", "good", "pass", "fail"),
    route: fc.constantFrom<unknown>("green-product", "green-food", "green-food", "other"),
    consecutiveAnnualInspectionsPassed: fc.constantFrom<unknown>(0, 1, 2, 3, 2.5, "2"),
    firstCertificate: fc.constantFrom<unknown>(true, false, "yes"),
  },
  { requiredKeys: [] },
);

/** Around the policy's period (2023-02-11 … 2026-02-10) and the green-food window. */
const eventDateArb = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.constantFrom<string>(
      "2021-02-11",
      "2021-02-12",
      "2022-06-01",
      "2023-02-10",
      "2024-02-12",
      "2026-02-11",
    ),
  },
  {
    weight: 4,
    arbitrary: fc.constantFrom<string>(
      "2023-02-11",
      "2023-08-15",
      "2024-02-11",
      "2025-05-05",
      "2026-02-10",
    ),
  },
);

/** Instants with ties, some written in different offsets. */
const SUBMITTED = [
  "2024-03-01T10:00:00+08:00",
  "2024-03-01T02:00:00Z", // the same instant as the one above
  "2024-03-01T09:59:59+08:00",
  "2024-03-01T03:00:00Z", // later than 10:00+08:00, earlier as a string than "…T10"
  "2024-02-29T21:30:00-05:00", // 2024-03-01T02:30Z
  "2024-03-02T08:00:00+08:00",
  "2024-03-02T00:00:00Z",
] as const;
/** Later than every instant in SUBMITTED. */
const LATER = "2024-03-05T00:00:00Z";

const claimBodyArb = fc.record({
  item: itemArb,
  subject: fc.constantFrom("S1", "S2", "S3", "S4", "S5"),
  project: fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom("P1", "P2", "P3") },
  ),
  eventDate: eventDateArb,
  submittedAt: fc.constantFrom<string>(...SUBMITTED),
  randomFacts: randomFactsArb,
  passing: fc.constantFrom(true, true, true, false),
});

type Body = typeof claimBodyArb extends fc.Arbitrary<infer T> ? T : never;

function toClaim(id: string, b: Body): Claim {
  const facts = b.passing ? { ...b.randomFacts, ...(PASSING_FACTS[b.item] ?? {}) } : b.randomFacts;
  return {
    id,
    item: b.item,
    subject: b.subject,
    project: b.project,
    eventDate: b.eventDate,
    submittedAt: b.submittedAt,
    facts,
  };
}

const caseArb = fc
  .tuple(
    fc.constantFrom(...ALL_AREAS),
    fc.array(claimBodyArb, { minLength: 1, maxLength: 8 }),
    fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { minLength: 8, maxLength: 8 }),
  )
  .map(([county, bodies, ids]) => ({
    county,
    claims: bodies.map((b, i) => toClaim(ids[i] as string, b)),
  }));

/** A case and a permutation of its claims. */
const shuffledCaseArb = caseArb.chain((c) =>
  fc.array(fc.nat(), { minLength: c.claims.length, maxLength: c.claims.length }).map((keys) => ({
    ...c,
    shuffled: c.claims
      .map((claim, i) => ({ claim, key: keys[i] ?? 0, i }))
      .sort((a, b) => a.key - b.key || a.i - b.i)
      .map((x) => x.claim),
  })),
);

function evalCase(county: string, claims: readonly Claim[]): Evaluation {
  return evaluate(registry(), org(county), claims);
}

function byClaim(e: Evaluation): Map<string, Decision> {
  return new Map(e.decisions.map((d) => [d.claim, d]));
}

// ── an independent model of the statute ─────────────────────────────────────

interface Expected {
  status: Decision["status"];
  amountYuan: number;
  fundingSource: Decision["fundingSource"];
  clause: string | null;
  codes: string[];
}

function conditionsHold(item: string, f: Readonly<Record<string, unknown>>): boolean {
  switch (item) {
    case "1.1.g":
      return (
        f.municipalFiling === true &&
        (f.certificate === "first" || f.certificate === "re-evaluation")
      );
    case "1.1.h":
      return f.municipalFiling === true;
    case "1.3.a":
      return f.newlyRecognized === true;
    case "2.2.c":
      return f.assessment === "excellent";
    case "3.3.c": {
      const n = f.consecutiveAnnualInspectionsPassed;
      return (
        f.route === "green-product" ||
        (f.route === "green-food" && typeof n === "number" && Number.isInteger(n) && n >= 2)
      );
    }
    case "3.3.e":
      return f.firstCertificate === true;
    default:
      return true;
  }
}

function model(county: string, claims: readonly Claim[]): Map<string, Expected> {
  const out = new Map<string, Expected>();
  const refuse = (c: Claim, clause: string | null, codes: string[]) =>
    out.set(c.id, { status: "refused", amountYuan: 0, fundingSource: null, clause, codes });

  const live: Claim[] = [];
  for (const c of claims) {
    if (c.item === "3.4") {
      refuse(c, "三（三）4", ["not_fixed_reward"]);
      continue;
    }
    const row = STATUTE_BY_ID.get(c.item);
    if (!row) {
      refuse(c, null, ["unknown_item"]);
      continue;
    }
    const greenFood = c.item === "3.3.c" && c.facts.route === "green-food";
    const [start, end] = greenFood ? ["2021-02-12", "2024-02-11"] : ["2023-02-11", "2026-02-10"];
    const codes: string[] = [];
    if (c.eventDate < start || c.eventDate > end) codes.push("outside_validity");
    if (!conditionsHold(c.item, c.facts)) codes.push("condition_not_met");
    if (codes.length > 0) refuse(c, row.clause, codes);
    else live.push(c);
  }

  live.sort((a, b) => {
    const d = Date.parse(a.submittedAt) - Date.parse(b.submittedAt);
    return d !== 0 ? d : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  const paidSubjects = new Set<string>();
  const paidProjects = new Set<string>();
  let capUsed = 0;
  for (const c of live) {
    const row = STATUTE_BY_ID.get(c.item);
    if (!row) throw new Error("unreachable");
    const key = `${c.item}|${c.subject}`;
    if (paidSubjects.has(key)) {
      refuse(c, row.clause, ["already_granted"]);
      continue;
    }
    if (c.project !== undefined && paidProjects.has(c.project)) {
      refuse(c, row.clause, ["same_project"]);
      continue;
    }
    let amount = row.yuan;
    if (PINZIBIAO.has(c.item)) amount = Math.min(amount, PINZIBIAO_CAP - capUsed);
    if (amount === 0) {
      refuse(c, row.clause, ["cap_reached"]);
      continue;
    }
    capUsed += PINZIBIAO.has(c.item) ? amount : 0;
    paidSubjects.add(key);
    if (c.project !== undefined) paidProjects.add(c.project);
    const city =
      (CITY_AREAS as readonly string[]).includes(county) ||
      (ALWAYS_CITY_ITEMS as readonly string[]).includes(c.item);
    out.set(c.id, {
      status: amount < row.yuan ? "partial" : "granted",
      amountYuan: amount,
      fundingSource: city ? "city" : "county",
      clause: row.clause,
      codes: amount < row.yuan ? ["cap_reached"] : [],
    });
  }
  return out;
}

// ── properties ───────────────────────────────────────────────────────────────

describe("properties of evaluate (fast-check)", () => {
  it("agrees with an independent model of the statute", () => {
    fc.assert(
      fc.property(caseArb, ({ county, claims }) => {
        const e = evalCase(county, claims);
        const expected = model(county, claims);
        for (const d of e.decisions) {
          const x = expected.get(d.claim);
          expect({
            status: d.status,
            amountYuan: d.amountYuan,
            fundingSource: d.fundingSource,
            clause: d.clause,
            codes: [...new Set(d.reasons.map((r) => r.code))].sort(),
          }).toEqual({ ...x, codes: [...new Set(x?.codes)].sort() });
        }
      }),
      RUNS,
    );
  });

  it("decisions do not depend on the order of the claims in the request", () => {
    fc.assert(
      fc.property(shuffledCaseArb, ({ county, claims, shuffled }) => {
        const a = evalCase(county, claims);
        const b = evalCase(county, shuffled);
        expect(byClaim(b)).toEqual(byClaim(a));
        expect(b.totalYuan).toBe(a.totalYuan);
        expect(b.decisions.map((d) => d.claim)).toEqual(shuffled.map((c) => c.id));
      }),
      RUNS,
    );
  });

  it("adding a claim submitted strictly later never changes the earlier decisions", () => {
    fc.assert(
      fc.property(caseArb, claimBodyArb, fc.nat(), ({ county, claims }, body, at) => {
        const before = byClaim(evalCase(county, claims));
        const extra = toClaim("new-later-claim", { ...body, submittedAt: LATER });
        const withExtra = [...claims];
        withExtra.splice(at % (claims.length + 1), 0, extra);
        const after = byClaim(evalCase(county, withExtra));
        for (const c of claims) expect(after.get(c.id)).toEqual(before.get(c.id));
      }),
      RUNS,
    );
  });

  it("the 品字标 total (1.1.g + 1.1.h) never exceeds 500000", () => {
    fc.assert(
      fc.property(caseArb, ({ county, claims }) => {
        const e = evalCase(county, claims);
        const total = e.decisions
          .filter((d) => PINZIBIAO.has(d.item))
          .reduce((s, d) => s + d.amountYuan, 0);
        expect(total).toBeLessThanOrEqual(PINZIBIAO_CAP);
      }),
      RUNS,
    );
  });

  it("totalYuan is the sum of the amounts; amounts are non-negative integers", () => {
    fc.assert(
      fc.property(caseArb, ({ county, claims }) => {
        const e = evalCase(county, claims);
        expect(e.decisions).toHaveLength(claims.length);
        for (const d of e.decisions) {
          expect(Number.isInteger(d.amountYuan)).toBe(true);
          expect(d.amountYuan).toBeGreaterThanOrEqual(0);
        }
        expect(e.totalYuan).toBe(e.decisions.reduce((s, d) => s + d.amountYuan, 0));
      }),
      RUNS,
    );
  });

  it("an (item, subject) pair and a project are each paid at most once", () => {
    fc.assert(
      fc.property(caseArb, ({ county, claims }) => {
        const e = evalCase(county, claims);
        const claimOf = new Map(claims.map((c) => [c.id, c]));
        const pairs = new Set<string>();
        const projects = new Set<string>();
        for (const d of e.decisions) {
          if (d.amountYuan === 0) continue;
          const c = claimOf.get(d.claim) as Claim;
          const pair = `${c.item}|${c.subject}`;
          expect(pairs.has(pair), pair).toBe(false);
          pairs.add(pair);
          if (c.project !== undefined) {
            expect(projects.has(c.project), c.project).toBe(false);
            projects.add(c.project);
          }
        }
      }),
      RUNS,
    );
  });

  it("refused ⇔ amount 0 ⇔ no funding source; reasons exactly when not granted in full", () => {
    fc.assert(
      fc.property(caseArb, ({ county, claims }) => {
        for (const d of evalCase(county, claims).decisions) {
          expect(d.status === "refused").toBe(d.amountYuan === 0);
          expect(d.amountYuan === 0).toBe(d.fundingSource === null);
          expect(d.reasons.length > 0).toBe(d.status !== "granted");
          for (const r of d.reasons) {
            // In Chinese, citing the clause (contract: reasons); an unknown item has none to cite.
            expect(r.message).toMatch(/[\u4e00-\u9fff]/);
            if (r.code !== "unknown_item") {
              const cites = [d.clause, "五、附则"].some((c) => c !== null && r.message.includes(c));
              expect(cites, r.message).toBe(true);
            }
          }
          const row = STATUTE_BY_ID.get(d.item);
          if (d.status === "granted") expect(d.amountYuan).toBe(row?.yuan);
          if (d.status === "partial") {
            expect(PINZIBIAO.has(d.item)).toBe(true);
            expect(d.amountYuan).toBeLessThan(row?.yuan ?? 0);
          }
        }
      }),
      RUNS,
    );
  });

  it("is deterministic and does not mutate its input", () => {
    fc.assert(
      fc.property(caseArb, ({ county, claims }) => {
        const copy = structuredClone(claims);
        const a = evalCase(county, claims);
        const b = evalCase(county, claims);
        expect(b).toEqual(a);
        expect(claims).toEqual(copy);
      }),
      { numRuns: 100 },
    );
  });
});

// ── two packs: taizhou-quality-2023 and the test successor (from 2026-02-11) ──

const twoPacks = new PolicyRegistry([
  registry().current,
  loadPackFile(fileURLToPath(new URL("../fixtures/packs/successor-test.yaml", import.meta.url))),
]);
/** The successor fixture's own 品字标 cap. */
const SUCCESSOR_CAP = 600_000;

const twoPackCaseArb = fc
  .tuple(
    fc.constantFrom(...ALL_AREAS),
    fc.array(
      fc.record({
        body: claimBodyArb,
        late: fc.constantFrom(undefined, "2026-02-11", "2027-07-07", "2029-02-10", "2029-02-11"),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { minLength: 8, maxLength: 8 }),
  )
  .map(([county, rows, ids]) => ({
    county,
    claims: rows.map(({ body, late }, i) =>
      toClaim(ids[i] as string, late ? { ...body, eventDate: late } : body),
    ),
  }));

function evalTwo(county: string, claims: readonly Claim[]): Evaluation {
  return evaluate(twoPacks, org(county), claims);
}

describe("properties with a successor pack registered (fast-check)", () => {
  it("each pack's 品字标 cap holds on its own; totals add up; refused ⇔ 0 ⇔ null", () => {
    fc.assert(
      fc.property(twoPackCaseArb, ({ county, claims }) => {
        const e = evalTwo(county, claims);
        const used = new Map<string | null, number>();
        for (const d of e.decisions) {
          if (PINZIBIAO.has(d.item)) used.set(d.policy, (used.get(d.policy) ?? 0) + d.amountYuan);
          expect(d.status === "refused").toBe(d.amountYuan === 0);
          expect(d.amountYuan === 0).toBe(d.fundingSource === null);
          expect(Number.isInteger(d.amountYuan) && d.amountYuan >= 0).toBe(true);
          if (d.policy === "taizhou-quality-2023" && d.status !== "refused") {
            const c = claims.find((x) => x.id === d.claim) as Claim;
            expect(c.eventDate <= "2026-02-10").toBe(true);
          }
          if (d.policy === "test-successor-2026" && d.status !== "refused") {
            const c = claims.find((x) => x.id === d.claim) as Claim;
            expect(c.eventDate >= "2026-02-11" && c.eventDate <= "2029-02-10").toBe(true);
          }
        }
        expect(used.get("taizhou-quality-2023") ?? 0).toBeLessThanOrEqual(PINZIBIAO_CAP);
        expect(used.get("test-successor-2026") ?? 0).toBeLessThanOrEqual(SUCCESSOR_CAP);
        expect(e.totalYuan).toBe(e.decisions.reduce((s, d) => s + d.amountYuan, 0));
      }),
      RUNS,
    );
  });

  it("decisions do not depend on request order, and later claims do not change earlier ones", () => {
    fc.assert(
      fc.property(twoPackCaseArb, claimBodyArb, fc.nat(), ({ county, claims }, body, at) => {
        const before = byClaim(evalTwo(county, claims));
        expect(byClaim(evalTwo(county, [...claims].reverse()))).toEqual(before);
        const extra = toClaim("new-later-claim", { ...body, submittedAt: LATER });
        const withExtra = [...claims];
        withExtra.splice(at % (claims.length + 1), 0, extra);
        const after = byClaim(evalTwo(county, withExtra));
        for (const c of claims) expect(after.get(c.id)).toEqual(before.get(c.id));
      }),
      RUNS,
    );
  });
});
