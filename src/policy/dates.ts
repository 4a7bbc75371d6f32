/**
 * Civil dates (`YYYY-MM-DD`, Asia/Shanghai calendar days) as plain strings. Strings in this form
 * compare correctly with `<` and `>`, which keeps the engine's hot path free of Date objects.
 */
export type CivilDate = string;

const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCivilDate(value: string): boolean {
  const m = CIVIL_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parts(date: CivilDate): [number, number, number] {
  const m = CIVIL_DATE.exec(date);
  if (!m) throw new RangeError(`not a civil date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function format(d: Date): CivilDate {
  return d.toISOString().slice(0, 10);
}

export function addDays(date: CivilDate, days: number): CivilDate {
  const [y, m, d] = parts(date);
  return format(new Date(Date.UTC(y, m - 1, d + days)));
}

/** The same calendar day `years` later; 29 February falls back to 28 February. */
export function addYears(date: CivilDate, years: number): CivilDate {
  const [y, m, d] = parts(date);
  return format(new Date(Date.UTC(y + years, m - 1, Math.min(d, daysInMonth(y + years, m)))));
}

/** Inclusive on both ends. */
export function within(date: CivilDate, start: CivilDate, end: CivilDate): boolean {
  return date >= start && date <= end;
}

export function maxDate(a: CivilDate, b: CivilDate): CivilDate {
  return a > b ? a : b;
}

/**
 * The digits of an ISO instant past the millisecond (`.0005` → 500 of 1e6), which `Date.parse`
 * drops; ordering by first application compares them after the milliseconds.
 */
export function subMillisecond(instant: string): number {
  const dot = instant.indexOf(".");
  if (dot < 0) return 0;
  let end = dot + 1;
  while (end < instant.length && instant.charCodeAt(end) >= 48 && instant.charCodeAt(end) <= 57)
    end++;
  return end - dot - 1 > 3
    ? Number(
        instant
          .slice(dot + 4, end)
          .padEnd(6, "0")
          .slice(0, 6),
      )
    : 0;
}
