import type { Context } from "./context.ts";

/**
 * Time, in one place. Instants are stored as ISO-8601 in UTC; civil dates are those of Beijing
 * (Asia/Shanghai, UTC+8 all year, no daylight saving), so "today" turns at 00:00 Beijing time,
 * which is 16:00 UTC of the day before.
 */
const BEIJING_OFFSET_MS = 8 * 3600_000;

/** Now, as stored. */
export function instant(ctx: Pick<Context, "now">): string {
  return ctx.now().toISOString();
}

/** Today's civil date in Beijing. */
export function beijingToday(ctx: Pick<Context, "now">): string {
  return beijingDate(ctx.now().toISOString());
}

/** The Beijing civil date of a stored instant. */
export function beijingDate(at: string): string {
  return new Date(Date.parse(at) + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instants of a civil year in Beijing: [start, end). */
export function beijingYear(year: number): [string, string] {
  const start = (y: number) => new Date(Date.UTC(y, 0, 1) - BEIJING_OFFSET_MS).toISOString();
  return [start(year), start(year + 1)];
}
