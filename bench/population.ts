/**
 * A seeded, deterministic population of organizations and their claims for the engine benchmark.
 *
 * The generator is written from the calculation contract (docs/calculate-contract.md), not from the
 * pack, so that the population does not simply mirror what the engine reads. It aims at every path
 * of `evaluate`: all 46 item ids (with 3.4 and the odd unknown id), facts that pass and fail each
 * item's conditions (wrong values, wrong types, missing or null facts), event dates inside and
 * outside the policy period (and the green-food window of 3.3.c), equal `submittedAt` instants,
 * repeated subjects (pay once), shared `project` values (same project) and organizations with many
 * “品字标” claims (the 500000 cap).
 */
import type { Claim, Organization } from "../src/policy/types.ts";

export interface OrgCase {
  readonly organization: Organization;
  readonly claims: readonly Claim[];
}

import { mulberry32 } from "../src/demo/random.ts";

export { mulberry32 };

import { COUNTIES } from "../src/organizations/counties.ts";

export { COUNTIES };

/** The 46 item ids of the contract (3.4 included). */
export const ITEM_IDS = [
  ...["a", "b", "c", "d", "e", "f", "g", "h"].map((x) => `1.1.${x}`),
  "1.2.a",
  "1.3.a",
  "1.3.b",
  ...["a", "b", "c", "d"].map((x) => `2.1.${x}`),
  ...["a", "b", "c"].map((x) => `2.2.${x}`),
  ...["a", "b", "c"].map((x) => `2.3.${x}`),
  ...["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"].map((x) => `2.4.${x}`),
  "3.1.a",
  "3.1.b",
  ...["a", "b", "c", "d", "e", "f", "g"].map((x) => `3.2.${x}`),
  ...["a", "b", "c", "d", "e"].map((x) => `3.3.${x}`),
  "3.4",
] as const;

const UNKNOWN_IDS = ["1.1.i", "2.5.a", "3.3", "4.1.a", "3.4.a", "0.0.x"] as const;

// ── dates ───────────────────────────────────────────────────────────────────

const FIRST_DAY = Date.UTC(2019, 0, 1);
const DAY_MS = 86_400_000;
/** Every civil day from 2019-01-01 to 2028-12-31, so the generator never formats dates. */
const DAYS: string[] = [];
for (let t = FIRST_DAY; t <= Date.UTC(2028, 11, 31); t += DAY_MS) {
  DAYS.push(new Date(t).toISOString().slice(0, 10));
}
const dayIndex = (date: string): number => (Date.parse(`${date}T00:00:00Z`) - FIRST_DAY) / DAY_MS;

const PERIOD = { start: dayIndex("2023-02-11"), end: dayIndex("2026-02-10") };
const GREEN_FOOD = { start: dayIndex("2021-02-12"), end: dayIndex("2024-02-11") };
const PERIOD_EDGES = ["2023-02-10", "2023-02-11", "2026-02-10", "2026-02-11"];
const GREEN_FOOD_EDGES = ["2021-02-11", "2021-02-12", "2024-02-11", "2024-02-12"];

/** Interned submittedAt strings (day × time slot), so equal instants are common and cheap. */
const instants = new Map<number, string>();
function instant(day: number, slot: number): string {
  const key = day * 64 + slot;
  let s = instants.get(key);
  if (s === undefined) {
    const hour = 8 + (slot >> 2);
    const minute = (slot & 3) * 15;
    s = `${DAYS[day]}T${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}:00+08:00`;
    instants.set(key, s);
  }
  return s;
}

// ── shared strings ──────────────────────────────────────────────────────────

const CLAIM_IDS = ["c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8"];
const PROJECTS = ["P-1", "P-2", "P-3", "P-4"];
const SUBJECTS_PER_ITEM = 6;
const subjectCache = new Map<string, string[]>();
function subject(item: string, k: number): string {
  let list = subjectCache.get(item);
  if (!list) {
    list = Array.from({ length: SUBJECTS_PER_ITEM }, (_, i) => `${item} 对象${i + 1}`);
    subjectCache.set(item, list);
  }
  return list[k] as string;
}

// ── the generator ───────────────────────────────────────────────────────────

/** Generates `count` organizations deterministically from `seed`, each as parsed from JSON. */
export function generatePopulation(count: number, seed = 20230211): OrgCase[] {
  const rnd = mulberry32(seed);
  const int = (n: number): number => Math.floor(rnd() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  const chance = (p: number): boolean => rnd() < p;

  /** A value for a boolean fact: mostly true, sometimes false, missing, null or of the wrong type. */
  const boolFact = (pTrue: number): unknown => {
    const r = rnd();
    if (r < pTrue) return true;
    if (r < pTrue + (1 - pTrue) * 0.5) return false;
    if (r < pTrue + (1 - pTrue) * 0.7) return undefined;
    if (r < pTrue + (1 - pTrue) * 0.8) return null;
    return pick(["true", 1, "yes"]);
  };

  function facts(item: string, good: number): Record<string, unknown> {
    const f: Record<string, unknown> = {};
    const put = (name: string, value: unknown): void => {
      if (value !== undefined) f[name] = value;
    };
    switch (item) {
      case "1.1.g": {
        put("municipalFiling", boolFact(good));
        const r = rnd();
        put(
          "certificate",
          r < good * 0.6
            ? "first"
            : r < good
              ? "re-evaluation"
              : pick(["other", "other", undefined, null, 1, "First"]),
        );
        break;
      }
      case "1.1.h":
        put("municipalFiling", boolFact(good));
        break;
      case "1.3.a":
        put("newlyRecognized", boolFact(good));
        break;
      case "2.2.c":
        put(
          "assessment",
          chance(good) ? "excellent" : pick(["good", "pass", "fail", undefined, null, true]),
        );
        break;
      case "3.3.c": {
        const route = chance(0.94)
          ? chance(0.5)
            ? "green-product"
            : "green-food"
          : pick([undefined, "organic", 3]);
        put("route", route);
        const r = rnd();
        put(
          "consecutiveAnnualInspectionsPassed",
          r < good ? 2 + int(3) : pick([0, 1, undefined, null, 2.5, "2", 1.5, 3.0000001, -1]),
        );
        break;
      }
      case "3.3.e":
        put("firstCertificate", boolFact(good));
        break;
      default:
        // Items without conditions: mostly no facts, sometimes an irrelevant one.
        if (chance(0.15)) f.remark = pick(["补充材料", "复核", "首次申报"]);
        if (chance(0.03)) f.municipalFiling = chance(0.5);
    }
    return f;
  }

  function eventDay(item: string, facts: Record<string, unknown>): number {
    const r = rnd();
    if (item === "3.3.c" && facts.route === "green-food") {
      if (r < 0.85) return GREEN_FOOD.start + int(GREEN_FOOD.end - GREEN_FOOD.start + 1);
      if (r < 0.95) return dayIndex("2020-06-01") + int(5 * 365);
      return dayIndex(pick(GREEN_FOOD_EDGES));
    }
    if (r < 0.88) return PERIOD.start + int(PERIOD.end - PERIOD.start + 1);
    if (r < 0.95) {
      return chance(0.5)
        ? dayIndex("2021-01-01") + int(PERIOD.start - dayIndex("2021-01-01"))
        : PERIOD.end + 1 + int(500);
    }
    return dayIndex(pick(PERIOD_EDGES));
  }

  const population: OrgCase[] = new Array(count);
  for (let o = 0; o < count; o++) {
    const organization: Organization = {
      uscc: `9133100${String(o).padStart(10, "0")}X`,
      name: `台州示例${o}有限公司`,
      county: pick(COUNTIES),
    };
    // About one in five organizations is “brand-heavy”: mostly 1.1.g / 1.1.h with distinct
    // certificates, which runs into the 500000 “品字标” cap (partial and refused).
    const brandHeavy = chance(0.2);
    const n = brandHeavy ? 3 + int(6) : 1 + int(8);
    // Claim ids in a shuffled order, so that ties on submittedAt are broken by id, not position.
    const ids = CLAIM_IDS.slice(0, n);
    for (let i = n - 1; i > 0; i--) {
      const j = int(i + 1);
      const t = ids[i] as string;
      ids[i] = ids[j] as string;
      ids[j] = t;
    }
    const claims: Claim[] = [];
    for (let i = 0; i < n; i++) {
      const earlier = i > 0 ? claims[int(i)] : undefined;
      let item: string;
      let subj: string;
      const r = rnd();
      if (earlier && r < 0.12) {
        // The same item again: often the same subject (pay once), sometimes another one.
        item = earlier.item;
        subj = chance(0.7) ? earlier.subject : subject(item, int(SUBJECTS_PER_ITEM));
      } else {
        if (brandHeavy && r < 0.75) item = chance(0.6) ? "1.1.g" : "1.1.h";
        else if (r < 0.005) item = pick(UNKNOWN_IDS);
        else if (r < 0.2) item = chance(0.6) ? "1.1.g" : "1.1.h";
        else item = pick(ITEM_IDS);
        subj = subject(item, brandHeavy ? int(SUBJECTS_PER_ITEM) : int(2));
      }
      const f = facts(item, brandHeavy ? 0.9 : 0.75);
      const day = eventDay(item, f);
      const submittedAt =
        earlier && chance(0.15)
          ? earlier.submittedAt // an equal instant: decided by claim id
          : instant(Math.min(day + 1 + int(240), DAYS.length - 1), int(40));
      let project: string | undefined;
      if (earlier?.project !== undefined && chance(0.25)) project = earlier.project;
      else if (chance(0.3)) project = pick(PROJECTS);
      const claim: Claim = {
        id: ids[i] as string,
        item,
        subject: subj,
        ...(project !== undefined ? { project } : {}),
        eventDate: DAYS[day] as string,
        submittedAt,
        facts: f,
      };
      claims.push(claim);
    }
    // Through JSON, as a request body would arrive: fresh, flat strings and plain objects, not the
    // generator's shared or concatenated strings.
    population[o] = JSON.parse(JSON.stringify({ organization, claims })) as OrgCase;
  }
  return population;
}

export function countClaims(population: readonly OrgCase[]): number {
  let n = 0;
  for (const c of population) n += c.claims.length;
  return n;
}
