import { addDays, type CivilDate } from "../policy/dates.ts";

/**
 * The Chinese working-day calendar: Monday to Friday are working days, except statutory holidays;
 * some Saturdays and Sundays are make-up working days (调休上班). Pure: the days come in as data.
 */
export interface WorkingDayCalendar {
  /** Statutory holidays (rest days that would otherwise be working days, and festival weekends). */
  readonly holidays: ReadonlySet<CivilDate>;
  /** Weekend days that are working days (调休). */
  readonly workdays: ReadonlySet<CivilDate>;
}

function weekday(date: CivilDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function isWorkingDay(calendar: WorkingDayCalendar, date: CivilDate): boolean {
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  const d = weekday(date);
  return d !== 0 && d !== 6;
}

/**
 * The last day of a period of `count` working days starting on `start`: `start` itself counts when
 * it is a working day (a 公示 "from 10 October, 5 working days").
 */
export function endOfWorkingDays(
  calendar: WorkingDayCalendar,
  start: CivilDate,
  count: number,
): CivilDate {
  if (count < 1) throw new RangeError("a period has at least one working day");
  let date = start;
  let left = count;
  for (let guard = 0; guard < 3660; guard++) {
    if (isWorkingDay(calendar, date)) {
      left--;
      if (left === 0) return date;
    }
    date = addDays(date, 1);
  }
  throw new RangeError("no working days within ten years");
}
