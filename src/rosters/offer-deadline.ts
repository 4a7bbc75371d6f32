import type { WorkingDayCalendar } from "../calendar/working-days.ts";
import { endOfWorkingDays } from "../calendar/working-days.ts";
import { beijingDate } from "../clock.ts";
import { addDays, type CivilDate } from "../policy/dates.ts";

/**
 * The last day an offer (免申即享) may be confirmed: `days` working days (general.offerWorkingDays)
 * counted from the day after it was made, as a period counted in days does not count its first
 * day (《民法典》第二百零一条); statutory holidays and 调休 as the calendar has them.
 */
export function offerDeadline(
  calendar: WorkingDayCalendar,
  offeredAt: string,
  days: number,
): CivilDate {
  return endOfWorkingDays(calendar, addDays(beijingDate(offeredAt), 1), days);
}
