import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decidedWithin, reviewWorkingDays } from "../../src/applications/review-duration.ts";
import { endOfWorkingDays, type WorkingDayCalendar } from "../../src/calendar/working-days.ts";
import { addDays } from "../../src/policy/dates.ts";

/**
 * How long a review took, in working days, on the 2024 清明 schedule written out by hand
 * (国务院办公厅关于2024年部分节假日安排的通知: 4 月 4 日至 6 日放假，4 月 7 日（星期日）上班).
 */
const QINGMING_2024: WorkingDayCalendar = {
  holidays: new Set(["2024-04-04", "2024-04-05", "2024-04-06"]),
  workdays: new Set(["2024-04-07"]),
};

/** An instant at a Beijing wall-clock time. */
const at = (date: string, time = "10:00") => new Date(`${date}T${time}:00+08:00`).toISOString();

describe("review duration in working days", () => {
  it("does not count the day of submission and counts the day of the decision", () => {
    expect(reviewWorkingDays(QINGMING_2024, at("2024-03-25"), at("2024-03-25", "17:00"))).toBe(0);
    expect(reviewWorkingDays(QINGMING_2024, at("2024-03-25"), at("2024-03-26"))).toBe(1);
    // Mon 03-25 → Tue 04-09: 03-26…03-29 (4), 04-01…04-03 (7), 清明 off, Sun 04-07 on (8),
    // 04-08 (9), 04-09 (10).
    expect(reviewWorkingDays(QINGMING_2024, at("2024-03-25"), at("2024-04-09"))).toBe(10);
    // Mon 03-04 → Tue 03-19: eleven working days.
    expect(reviewWorkingDays(QINGMING_2024, at("2024-03-04"), at("2024-03-19"))).toBe(11);
  });

  it("takes the Beijing civil dates of the instants, not their hours or UTC dates", () => {
    // 23:30 Beijing on Friday 03-22 is 15:30 UTC the same day; 00:30 Beijing Monday is Sunday UTC.
    expect(
      reviewWorkingDays(QINGMING_2024, at("2024-03-22", "23:30"), at("2024-03-25", "00:30")),
    ).toBe(1);
    // 07:00 Beijing on Monday 03-25 is still Sunday 03-24 in UTC: the Monday is the start.
    expect(reviewWorkingDays(QINGMING_2024, at("2024-03-25", "07:00"), at("2024-03-26"))).toBe(1);
  });

  it("a decision on a rest day takes no more working days than one on the working day before", () => {
    expect(reviewWorkingDays(QINGMING_2024, at("2024-03-29"), at("2024-03-30"))).toBe(0);
    expect(reviewWorkingDays(QINGMING_2024, at("2024-04-03"), at("2024-04-06"))).toBe(0);
    expect(reviewWorkingDays(QINGMING_2024, at("2024-04-03"), at("2024-04-07"))).toBe(1);
  });

  it("a decision is within n working days exactly up to the n-th working day after submission", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 20 }),
        (start, length, days) => {
          const submitted = addDays("2024-02-01", start);
          const decided = addDays(submitted, length);
          const deadline = endOfWorkingDays(QINGMING_2024, addDays(submitted, 1), days);
          const within = decidedWithin(QINGMING_2024, at(submitted), at(decided), days);
          // On or before the deadline is within; after it, within only while no working day has
          // passed since the deadline (a decision on the rest days right after it).
          if (decided <= deadline) expect(within).toBe(true);
          else
            expect(within).toBe(reviewWorkingDays(QINGMING_2024, at(deadline), at(decided)) === 0);
        },
      ),
    );
  });
});
