import { isWorkingDay, type WorkingDayCalendar } from "../calendar/working-days.ts";
import { beijingDate } from "../clock.ts";
import { addDays } from "../policy/dates.ts";

/**
 * How long a review took: the one definition used by the leaders' dashboard and the county
 * assessment (四（一）). Pure: the calendar comes in as data.
 *
 * The duration is the number of working days (the working-day calendar: statutory holidays off,
 * make-up Saturdays and Sundays on) from the Beijing civil date the case came to the reviewer —
 * its submission, for the county's first instance — to the Beijing civil date of the decision.
 * Endpoints: as with statutory periods (民法典第二百零一条: 开始的当日不计入，自下一日开始计算),
 * the day of submission is not counted, since the case may arrive at the end of it; the day of
 * the decision is counted when it is a working day, since the reviewer used it. So a decision on
 * the day of submission takes 0 working days, one on the next working day takes 1, and a decision
 * taken on a weekend or holiday takes no more working days than one taken on the working day
 * before it. Instants are compared by their Beijing dates, never by hours: a case submitted at
 * 23:00 and decided at 09:00 the next working day took 1 working day, like one submitted at 09:00.
 */
export function reviewWorkingDays(
  calendar: WorkingDayCalendar,
  submittedAt: string,
  decidedAt: string,
): number {
  const decided = beijingDate(decidedAt);
  let day = addDays(beijingDate(submittedAt), 1);
  let count = 0;
  while (day <= decided) {
    if (isWorkingDay(calendar, day)) count++;
    day = addDays(day, 1);
  }
  return count;
}

/** A decision is timely when it took at most `days` working days (as counted above). */
export function decidedWithin(
  calendar: WorkingDayCalendar,
  submittedAt: string,
  decidedAt: string,
  days: number,
): boolean {
  return reviewWorkingDays(calendar, submittedAt, decidedAt) <= days;
}

/**
 * reviewWorkingDays for many pairs of civil dates at once (the dashboard's thousands of counted
 * decisions): the working days from `first` up to each date are counted once, and a pair's count
 * is the difference, the same number as reviewWorkingDays gives. Dates outside [first, last] are
 * counted one by one.
 */
export function workingDaysBetween(
  calendar: WorkingDayCalendar,
  first: string,
  last: string,
): (start: string, decided: string) => number {
  const upTo = new Map<string, number>();
  let n = 0;
  for (let day = first; day <= last; day = addDays(day, 1)) {
    if (isWorkingDay(calendar, day)) n++;
    upTo.set(day, n);
  }
  return (start, decided) => {
    const a = upTo.get(start);
    const b = upTo.get(decided);
    if (a === undefined || b === undefined || decided < start)
      return reviewWorkingDays(calendar, `${start}T12:00:00+08:00`, `${decided}T12:00:00+08:00`);
    return b - a;
  };
}
