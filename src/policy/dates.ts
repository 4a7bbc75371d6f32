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
 * The nanoseconds of an ISO instant past the millisecond (`.0005` → 500000), which `Date.parse`
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

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return Number.NaN;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Epoch milliseconds of an ISO instant. The form the product writes
 * (`YYYY-MM-DDTHH:MM:SS[.fff…](Z|±HH:MM)`) is read by hand, several times faster than
 * `Date.parse`; anything else falls back to `Date.parse`.
 */
export function instantMillis(s: string): number {
  if (s.length < 20 || s.charCodeAt(10) !== 84 /* T */) return Date.parse(s);
  let i = 19;
  let ms = 0;
  if (s.charCodeAt(i) === 46 /* . */) {
    let scale = 100;
    for (i = 20; i < s.length; i++) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      ms += c * scale;
      scale /= 10;
    }
    ms = Math.floor(ms);
  }
  let offset = 0;
  const sign = s.charCodeAt(i);
  if (sign === 90 /* Z */ && i === s.length - 1) offset = 0;
  else if ((sign === 43 || sign === 45) && i === s.length - 6 && s.charCodeAt(i + 3) === 58) {
    offset = (digits(s, i + 1, 2) * 60 + digits(s, i + 4, 2)) * (sign === 45 ? -1 : 1);
  } else return Date.parse(s);
  const days = daysFromCivil(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2));
  const secs = digits(s, 11, 2) * 3600 + digits(s, 14, 2) * 60 + digits(s, 17, 2);
  const value = (days * 86400 + secs - offset * 60) * 1000 + ms;
  return Number.isNaN(value) ? Date.parse(s) : value;
}
