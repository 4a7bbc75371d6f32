import chineseDays from "chinese-days";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listCalendar, loadCalendar } from "../../src/calendar/calendar.ts";
import {
  endOfWorkingDays,
  isWorkingDay,
  type WorkingDayCalendar,
} from "../../src/calendar/working-days.ts";
import { addDays } from "../../src/policy/dates.ts";
import { contextFor, freshDatabase, type TestDatabase } from "../helpers/db.ts";

/**
 * The working-day arithmetic of publicity periods (公示期), on the official schedules written out
 * by hand (国务院办公厅关于2025年部分节假日安排的通知), and the calendar the database is seeded with.
 */

const range = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
};

/** 2025 as published: 元旦, 春节, 清明, 劳动节, 端午, 国庆·中秋, with their make-up working days. */
const OFFICIAL_2025: WorkingDayCalendar = {
  holidays: new Set([
    "2025-01-01",
    ...range("2025-01-28", "2025-02-04"),
    ...range("2025-04-04", "2025-04-06"),
    ...range("2025-05-01", "2025-05-05"),
    ...range("2025-05-31", "2025-06-02"),
    ...range("2025-10-01", "2025-10-08"),
  ]),
  // 1-26 Sun, 2-08 Sat, 4-27 Sun, 9-28 Sun, 10-11 Sat.
  workdays: new Set(["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"]),
};

/** 2026 春节: 2-15 … 2-23 off, Saturdays 2-14 and 2-28 worked. */
const OFFICIAL_2026_SPRING: WorkingDayCalendar = {
  holidays: new Set(range("2026-02-15", "2026-02-23")),
  workdays: new Set(["2026-02-14", "2026-02-28"]),
};

const PLAIN: WorkingDayCalendar = { holidays: new Set(), workdays: new Set() };

const weekday = (d: string) =>
  ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][new Date(`${d}T00:00:00Z`).getUTCDay()];

describe("endOfWorkingDays on the official 2025 schedule", () => {
  it("the dates the cases below rely on fall on the weekdays they are said to", () => {
    expect(
      ["2025-09-26", "2025-09-28", "2025-09-30", "2025-10-11", "2025-10-13", "2025-10-18"].map(
        weekday,
      ),
    ).toEqual(["Fri", "Sun", "Tue", "Sat", "Mon", "Sat"]);
    expect(["2026-02-12", "2026-02-14", "2026-02-24"].map(weekday)).toEqual(["Thu", "Sat", "Tue"]);
  });

  it("5 working days from Tue 2025-09-30 across 国庆 end on Mon 2025-10-13", () => {
    // 9-30 (1) · 10-01…10-08 holiday · 10-09 (2) · 10-10 (3) · Sat 10-11 make-up (4) · Sun 10-12 ·
    // 10-13 (5).
    expect(endOfWorkingDays(OFFICIAL_2025, "2025-09-30", 5)).toBe("2025-10-13");
    // Without the holiday schedule the same period would have ended on 10-06.
    expect(endOfWorkingDays(PLAIN, "2025-09-30", 5)).toBe("2025-10-06");
  });

  it("counts the make-up working Saturday 2025-10-11", () => {
    // Fri 10-10 (1), Sat 10-11 (2).
    expect(endOfWorkingDays(OFFICIAL_2025, "2025-10-10", 2)).toBe("2025-10-11");
    expect(endOfWorkingDays(PLAIN, "2025-10-10", 2)).toBe("2025-10-13");
    expect(isWorkingDay(OFFICIAL_2025, "2025-10-11")).toBe(true);
    expect(isWorkingDay(OFFICIAL_2025, "2025-10-12")).toBe(false);
  });

  it("counts the make-up working Sunday 2025-09-28", () => {
    // Fri 9-26 (1), Sat 9-27, Sun 9-28 make-up (2), Mon 9-29 (3).
    expect(endOfWorkingDays(OFFICIAL_2025, "2025-09-26", 3)).toBe("2025-09-29");
    expect(endOfWorkingDays(PLAIN, "2025-09-26", 3)).toBe("2025-09-30");
  });

  it("counts the make-up working Saturday 2026-02-14 and skips 春节", () => {
    // Thu 2-12 (1), Fri 2-13 (2), Sat 2-14 (3).
    expect(endOfWorkingDays(OFFICIAL_2026_SPRING, "2026-02-12", 3)).toBe("2026-02-14");
    // Fri 2-13 (1), Sat 2-14 (2), 2-15…2-23 off, Tue 2-24 (3), 2-25 (4), 2-26 (5).
    expect(endOfWorkingDays(OFFICIAL_2026_SPRING, "2026-02-13", 5)).toBe("2026-02-26");
  });

  it("a period that starts on a holiday begins on the first working day after it", () => {
    // 10-01 is a holiday: 10-09 (1), 10-10 (2), Sat 10-11 (3), 10-13 (4), 10-14 (5).
    expect(endOfWorkingDays(OFFICIAL_2025, "2025-10-01", 5)).toBe("2025-10-14");
    expect(endOfWorkingDays(OFFICIAL_2025, "2025-10-01", 1)).toBe("2025-10-09");
    expect(endOfWorkingDays(OFFICIAL_2025, "2025-10-05", 1)).toBe("2025-10-09");
    // 春节 2025: 1-28 … 2-04 off; Wed 2-05 is the first working day.
    expect(endOfWorkingDays(OFFICIAL_2025, "2025-01-28", 1)).toBe("2025-02-05");
  });

  it("a period of one working day: the start itself when it is a working day, else the next one", () => {
    expect(endOfWorkingDays(OFFICIAL_2025, "2025-09-30", 1)).toBe("2025-09-30");
    expect(endOfWorkingDays(OFFICIAL_2025, "2025-10-11", 1)).toBe("2025-10-11");
    expect(endOfWorkingDays(OFFICIAL_2025, "2025-09-28", 1)).toBe("2025-09-28");
    // An ordinary Saturday: the Monday after.
    expect(endOfWorkingDays(OFFICIAL_2025, "2025-10-18", 1)).toBe("2025-10-20");
  });

  it("refuses a period of fewer than one working day", () => {
    expect(() => endOfWorkingDays(OFFICIAL_2025, "2025-09-30", 0)).toThrow(RangeError);
    expect(() => endOfWorkingDays(OFFICIAL_2025, "2025-09-30", -3)).toThrow(RangeError);
  });

  it("holidays and make-up days decide, weekdays otherwise", () => {
    expect(isWorkingDay(OFFICIAL_2025, "2025-10-01")).toBe(false); // Wed, holiday
    expect(isWorkingDay(OFFICIAL_2025, "2025-10-04")).toBe(false); // Sat, holiday
    expect(isWorkingDay(OFFICIAL_2025, "2025-09-28")).toBe(true); // Sun, make-up
    expect(isWorkingDay(OFFICIAL_2025, "2025-10-15")).toBe(true); // Wed
    expect(isWorkingDay(OFFICIAL_2025, "2025-10-19")).toBe(false); // Sun
  });
});

describe("endOfWorkingDays, for any start and length (package calendar)", () => {
  const data = {
    holidays: new Set(chineseDays.getHolidaysInRange("2024-01-01", "2026-12-31", false)),
    workdays: new Set(
      range("2024-01-01", "2026-12-31").filter((d) => {
        const w = weekday(d);
        return (w === "Sat" || w === "Sun") && chineseDays.isWorkday(d);
      }),
    ),
  };

  it("ends on a working day, with exactly `count` working days from the start to the end", () => {
    const day = fc.integer({ min: 0, max: 365 * 2 }).map((n) => addDays("2024-01-01", n));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 30 }), (start, count) => {
        const end = endOfWorkingDays(data, start, count);
        expect(end >= start).toBe(true);
        expect(isWorkingDay(data, end)).toBe(true);
        expect(range(start, end).filter((d) => isWorkingDay(data, d))).toHaveLength(count);
        // The package agrees day by day.
        for (const d of range(start, end))
          expect(isWorkingDay(data, d)).toBe(chineseDays.isWorkday(d));
      }),
      { numRuns: 200 },
    );
  });
});

describe("the calendar seeded into a new database", () => {
  let db: TestDatabase;
  let calendar: WorkingDayCalendar;
  beforeAll(async () => {
    db = await freshDatabase("sqlite");
    calendar = await loadCalendar(db.handle.db);
  });
  afterAll(async () => {
    await db?.cleanup();
  });

  it("says what the package says for the known days", () => {
    expect(calendar.holidays.has("2025-10-01")).toBe(true);
    expect(isWorkingDay(calendar, "2025-10-01")).toBe(false);
    expect(chineseDays.isWorkday("2025-10-01")).toBe(false);

    expect(calendar.workdays.has("2025-10-11")).toBe(true);
    expect(isWorkingDay(calendar, "2025-10-11")).toBe(true);
    expect(chineseDays.isWorkday("2025-10-11")).toBe(true);

    expect(calendar.workdays.has("2026-02-14")).toBe(true);
    expect(isWorkingDay(calendar, "2026-02-14")).toBe(true);
    expect(chineseDays.isWorkday("2026-02-14")).toBe(true);
  });

  it("agrees with the package on every day of 2024–2026", () => {
    const differ = range("2024-01-01", "2026-12-31").filter(
      (d) => isWorkingDay(calendar, d) !== chineseDays.isWorkday(d),
    );
    expect(differ).toEqual([]);
  });

  it("computes the 国庆 2025 period as the official schedule does", () => {
    expect(endOfWorkingDays(calendar, "2025-09-30", 5)).toBe("2025-10-13");
    expect(endOfWorkingDays(calendar, "2025-09-26", 3)).toBe("2025-09-29");
    expect(endOfWorkingDays(calendar, "2025-10-01", 1)).toBe("2025-10-09");
    expect(endOfWorkingDays(calendar, "2026-02-13", 5)).toBe("2026-02-26");
    // The hand-written 2025 schedule and the seeded one agree on every day of 2025.
    for (const d of range("2025-01-01", "2025-12-31"))
      expect(isWorkingDay(calendar, d), d).toBe(isWorkingDay(OFFICIAL_2025, d));
  });

  it("names the festivals and the make-up days, with the package as their source", async () => {
    const days = await listCalendar(contextFor(db), 2025);
    const byDate = new Map(days.map((d) => [d.date, d]));
    expect(byDate.get("2025-10-01")).toMatchObject({ kind: "holiday", name: "国庆节" });
    expect(byDate.get("2025-10-11")).toMatchObject({ kind: "workday", name: "国庆节调休上班" });
    expect(byDate.get("2025-10-01")?.source).toMatch(/^chinese-days@/);
    expect(days.every((d) => d.date.startsWith("2025-"))).toBe(true);
    const days2026 = await listCalendar(contextFor(db), 2026);
    expect(days2026.find((d) => d.date === "2026-02-14")).toMatchObject({
      kind: "workday",
      name: "春节调休上班",
    });
  });
});
