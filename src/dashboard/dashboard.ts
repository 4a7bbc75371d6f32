import { workingDaysBetween } from "../applications/review-duration.ts";
import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { SOURCE_NAMES } from "../budgets/budgets.ts";
import { loadCalendar } from "../calendar/calendar.ts";
import { beijingYear } from "../clock.ts";
import type { Context } from "../context.ts";
import { toBudget } from "../ledger/ledger.ts";
import { COUNTIES } from "../organizations/counties.ts";
import {
  budgetRows,
  liveAwardSums,
  reviewDecisionDays,
  submittedCasesByState,
} from "./dashboard-repository.ts";

/**
 * The leaders' picture (aggregates only, no organization or person): awards and amounts by
 * county, item group and year; budget use; cases by state; and the average working days each
 * review step takes. County staff see their own county.
 *
 * With a year, every figure is of that year — awards and budgets of that budget year, cases first
 * submitted in it, review decisions taken in it (Beijing dates) — except the awards by year,
 * which always show every year so that the year can be compared with the others.
 */

/** The review steps, as (from-state, action) pairs of the case's events. */
const STEPS = [
  {
    id: "accept",
    name: "受理（提交→县级受理）",
    from: ["submitted"],
    actions: ["accept", "return", "reject"],
  },
  {
    id: "county",
    name: "县级初审（受理→初审决定）",
    from: ["county_review"],
    actions: ["approve", "return", "reject"],
  },
  {
    id: "city",
    name: "市级复审（初审通过→复审决定）",
    from: ["city_review"],
    actions: ["approve", "return", "reject"],
  },
] as const;

export async function dashboard(
  ctx: Context,
  actor: Actor,
  query: { year?: number | undefined } = {},
) {
  requireAccess(actor, "target.read");
  const county = actor.county;
  const year = query.year ?? null;
  const within = year === null ? null : beijingYear(year);
  const db = ctx.database.db;
  // Sums from SQL by item, policy, year and county; tallied here by what the page shows.
  const everyYear = await liveAwardSums(db, county);
  const awards = year === null ? everyYear : everyYear.filter((a) => a.year === year);
  const groupOf = (policy: string | null, item: string) =>
    (policy ? ctx.registry.pack(policy)?.items.get(item)?.group : undefined) ?? "其他";
  const tally = (
    key: (a: (typeof awards)[number]) => string,
    keys: readonly string[] = [],
    rows = awards,
  ) => {
    const out = new Map<string, { count: number; amount: number }>(
      keys.map((k) => [k, { count: 0, amount: 0 }]),
    );
    for (const a of rows) {
      const t = out.get(key(a)) ?? { count: 0, amount: 0 };
      t.count += a.count;
      t.amount += a.amount;
      out.set(key(a), t);
    }
    return [...out].map(([k, t]) => ({ key: k, ...t }));
  };

  const budgets = (await budgetRows(db, county, year)).map(toBudget).map((b) => ({
    ...b,
    sourceName: SOURCE_NAMES(b.source),
  }));

  // Cases never submitted are their enterprises' own (application.read): not counted here.
  const states = await submittedCasesByState(db, county, within);

  // Each step: from the event that entered the state to the decision that left it, in working
  // days as the county assessment counts them (review-duration.ts), so that the dashboard and
  // the assessment never tell a county two different durations for the same review. The
  // decisions are counted by their two dates as they are taken (review-decisions.ts); the working
  // days of each pair of dates are counted here, with the calendar as it is now.
  const calendar = await loadCalendar(db);
  const decisions = await reviewDecisionDays(
    db,
    county,
    STEPS.flatMap((s) => s.from),
    year === null ? null : [`${year}-01-01`, `${year + 1}-01-01`],
  );
  const dates = decisions.flatMap((d) => [d.startDay, d.decidedDay]).sort();
  const between = workingDaysBetween(
    calendar,
    dates[0] ?? "2000-01-01",
    dates.at(-1) ?? "2000-01-01",
  );
  const reviewSteps = STEPS.map((s) => {
    let count = 0;
    let days = 0;
    for (const d of decisions) {
      if (!(s.from as readonly string[]).includes(d.fromState)) continue;
      count += d.count;
      days += d.count * between(d.startDay, d.decidedDay);
    }
    return {
      step: s.id,
      name: s.name,
      decisions: count,
      // Working days (the field keeps its name for the clients that read it).
      averageDays: count === 0 ? null : Math.round((days / count) * 10) / 10,
    };
  });

  return {
    county,
    year,
    awards: {
      byCounty: tally((a) => a.county, county ? [county] : COUNTIES),
      byGroup: tally((a) => groupOf(a.policy_id, a.item)),
      byYear: tally((a) => String(a.year), year === null ? [] : [String(year)], everyYear).sort(
        (a, b) => (a.key < b.key ? -1 : 1),
      ),
      total: {
        count: awards.reduce((s, a) => s + a.count, 0),
        amount: awards.reduce((s, a) => s + a.amount, 0),
      },
    },
    budgets,
    cases: states,
    reviewSteps,
  };
}
