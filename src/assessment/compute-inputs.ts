import { decidedWithin } from "../applications/review-duration.ts";
import { loadCalendar } from "../calendar/calendar.ts";
import { beijingYear } from "../clock.ts";
import type { Context } from "../context.ts";
import type { DB, Tx } from "../db/database.ts";
import { COUNTIES } from "../organizations/counties.ts";
import { formatDecimal, SCALE } from "../targets/decimal.ts";
import { loadInputs } from "../targets/load-target-inputs.ts";
import { countedOn } from "../targets/progress.ts";
import { targetPack } from "../targets/target-pack.ts";
import {
  awardTotalsByCounty,
  enteredValues,
  firstInstanceDecisions,
  submissionsOf,
  upheldObjectionsByCounty,
} from "./assessment-repository.ts";
import type { Indicator, Inputs } from "./scoring.ts";

/** The raw value of every indicator for every county, read from the system's records. */

type CountyValues = Record<string, string | null>;

/** Whole counts or yuan per county as decimal text; a county without any has 0. */
function countsOf(map: Map<string, number>): CountyValues {
  return Object.fromEntries(COUNTIES.map((c) => [c, formatDecimal((map.get(c) ?? 0) * SCALE)]));
}

/**
 * Live awards (reserved or paid; cancelled and reversed ones are not) made in the year to
 * organizations of the county, by the application's county.
 */
async function awardValues(
  db: DB | Tx,
  year: number,
  measure: "count" | "amount",
  items: readonly string[] | undefined,
): Promise<CountyValues> {
  const rows = await awardTotalsByCounty(db, `${year}-01-01`, `${year}-12-31`, items);
  return countsOf(
    new Map(rows.map((r) => [r.county, Number(measure === "count" ? r.n : r.amount)])),
  );
}

/**
 * Contributions to the 2025 targets (二) counted for the county with an event date in the year,
 * each key once in the city for the county of its earliest contribution, as the dashboard counts.
 */
async function targetValues(
  ctx: Context,
  db: DB | Tx,
  year: number,
  targetIds: readonly string[] | undefined,
): Promise<CountyValues> {
  const pack = targetPack(ctx);
  const targets = pack.targets.filter((t) =>
    targetIds ? targetIds.includes(t.id) : t.counting.kind === "distinct",
  );
  const counts = new Map<string, number>();
  for (const target of targets) {
    const inputs = await loadInputs(db, pack, target);
    for (const c of countedOn(inputs, `${year}-12-31`))
      if (c.eventDate >= `${year}-01-01`) counts.set(c.county, (counts.get(c.county) ?? 0) + 1);
  }
  return countsOf(counts);
}

/** Objections upheld (公示异议成立) in the year against applications of the county. */
async function objectionValues(db: DB | Tx, year: number): Promise<CountyValues> {
  const [from, to] = beijingYear(year);
  const rows = await upheldObjectionsByCounty(db, from, to);
  return countsOf(new Map(rows.map((r) => [r.county, Number(r.n)])));
}

/**
 * The share (%) of the county's first-instance decisions of the year (approve, return or reject
 * taken from 已提交 or 县级初审中) made within `days` working days.
 *
 * The period runs from the case's latest submission before the decision, not from its
 * acceptance: acceptance is itself a county step (a return or reject may come without one), so
 * counting from it would let a late acceptance hide the delay; a resubmission after 退回补正
 * starts a new period. How long a review took is counted as everywhere else (review-duration.ts):
 * working days after the day of submission up to the day of the decision, on the working-day
 * calendar. A county without a decision in the year has no value (null).
 */
async function timelinessValues(db: DB | Tx, year: number, days: number): Promise<CountyValues> {
  const [from, to] = beijingYear(year);
  const decisions = await firstInstanceDecisions(db, from, to);
  const submissions = new Map<string, { seq: number; at: string }[]>();
  for (const s of await submissionsOf(db, [...new Set(decisions.map((d) => d.applicationId))])) {
    const list = submissions.get(s.applicationId) ?? [];
    list.push(s);
    submissions.set(s.applicationId, list);
  }
  const calendar = await loadCalendar(db);
  const tally = new Map<string, { timely: number; all: number }>();
  for (const d of decisions) {
    const submitted = (submissions.get(d.applicationId) ?? [])
      .filter((s) => s.seq < Number(d.seq))
      .sort((a, b) => b.seq - a.seq)[0];
    if (!submitted) continue;
    const t = tally.get(d.county) ?? { timely: 0, all: 0 };
    t.all++;
    if (decidedWithin(calendar, submitted.at, d.at, days)) t.timely++;
    tally.set(d.county, t);
  }
  return Object.fromEntries(
    COUNTIES.map((c) => {
      const t = tally.get(c);
      if (!t || t.all === 0) return [c, null];
      // Percent, scaled by 10⁴ and rounded half up to 4 places.
      const scaled = Math.floor((2 * t.timely * 100 * SCALE + t.all) / (2 * t.all));
      return [c, formatDecimal(scaled)];
    }),
  );
}

/** The latest value entered for each county (by entry order); none → null. */
async function manualValues(db: DB | Tx, year: number, indicatorId: string): Promise<CountyValues> {
  const rows = await enteredValues(db, year, indicatorId);
  const latest = new Map(rows.map((r) => [r.county, r.value]));
  return Object.fromEntries(COUNTIES.map((c) => [c, latest.get(c) ?? null]));
}

/** Every indicator's raw value per county for the year, read from the records. */
export async function computeInputs(
  ctx: Context,
  db: DB | Tx,
  year: number,
  indicators: readonly Indicator[],
): Promise<Inputs> {
  const out: Record<string, CountyValues> = {};
  for (const indicator of indicators) {
    const source = indicator.source;
    switch (source.kind) {
      case "awards":
        out[indicator.id] = await awardValues(db, year, source.measure, source.items);
        break;
      case "targets":
        out[indicator.id] = await targetValues(ctx, db, year, source.targetIds);
        break;
      case "objections_upheld":
        out[indicator.id] = await objectionValues(db, year);
        break;
      case "review_timeliness":
        out[indicator.id] = await timelinessValues(db, year, source.days);
        break;
      case "manual":
        out[indicator.id] = await manualValues(db, year, indicator.id);
        break;
    }
  }
  return out;
}
