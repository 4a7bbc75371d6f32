import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addYears,
  instantMillis,
  isCivilDate,
  subMillisecond,
} from "../../src/policy/dates.ts";

describe("civil dates", () => {
  it("knows real days from impossible ones", () => {
    expect(isCivilDate("2024-02-29")).toBe(true);
    expect(isCivilDate("2023-02-29")).toBe(false);
    expect(isCivilDate("2023-13-01")).toBe(false);
    expect(isCivilDate("2023-5-01")).toBe(false);
  });

  it("counts three years of validity to the day before the anniversary", () => {
    expect(addDays(addYears("2023-02-11", 3), -1)).toBe("2026-02-10");
    expect(addYears("2024-02-29", 1)).toBe("2025-02-28");
  });
});

describe("instantMillis", () => {
  it("reads every ISO instant with an offset exactly as Date.parse does", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_102_444_800_000 }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        fc.constantFrom(0, 1, 3, 6),
        (t, offset, decimals) => {
          const local = new Date(t + offset * 60_000).toISOString();
          const fraction =
            decimals === 0
              ? ""
              : `.${local.slice(20, 23).padEnd(decimals, "7").slice(0, decimals)}`;
          const sign = offset < 0 ? "-" : "+";
          const abs = Math.abs(offset);
          const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
          const iso = `${local.slice(0, 19)}${fraction}${zone}`;
          expect(instantMillis(iso)).toBe(Date.parse(iso));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("falls back to Date.parse for other forms", () => {
    expect(instantMillis("2023-06-01T10:00:00Z")).toBe(Date.parse("2023-06-01T10:00:00Z"));
    expect(instantMillis("2023-06-01T10:00+08:00")).toBe(Date.parse("2023-06-01T10:00+08:00"));
    expect(instantMillis("not a time")).toBeNaN();
  });

  it("keeps the digits past the millisecond for ordering", () => {
    expect(subMillisecond("2023-06-01T10:00:00.0005+08:00")).toBe(500_000);
    expect(subMillisecond("2023-06-01T10:00:00.000123456Z")).toBe(123456);
    expect(subMillisecond("2023-06-01T10:00:00.123Z")).toBe(0);
    expect(subMillisecond("2023-06-01T10:00:00Z")).toBe(0);
  });
});
