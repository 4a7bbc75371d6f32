import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../../src/errors.ts";
import { formatDecimal, fromNumber, parseDecimal, SCALE } from "../../src/targets/decimal.ts";

/** Indicator values as decimal text, scaled by 10⁴ (src/targets/decimal.ts). */

function refusal(text: string, field: string): AppError {
  try {
    parseDecimal(text, field);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error(`parseDecimal accepted ${JSON.stringify(text)}`);
}

describe("parseDecimal", () => {
  it("reads whole numbers and up to 4 decimals, scaled by 10⁴", () => {
    expect(SCALE).toBe(10_000);
    expect(parseDecimal("390", "value")).toBe(3_900_000);
    expect(parseDecimal("0", "value")).toBe(0);
    expect(parseDecimal("99.62", "value")).toBe(996_200);
    expect(parseDecimal("98.0001", "value")).toBe(980_001);
    expect(parseDecimal("0.0001", "value")).toBe(1);
    expect(parseDecimal(" 12.5 ", "value")).toBe(125_000);
  });

  it("98, 98.0 and 98.0000 are the same value, and 98.0001 is more", () => {
    const a = parseDecimal("98", "v");
    expect(parseDecimal("98.0", "v")).toBe(a);
    expect(parseDecimal("98.0000", "v")).toBe(a);
    expect(parseDecimal("98.0001", "v")).toBeGreaterThan(a);
  });

  it.each([
    ["1e3"],
    ["-1"],
    ["1.23456"],
    [""],
    ["   "],
    ["abc"],
    ["1."],
    [".5"],
    ["01"],
    ["1,000"],
    ["+1"],
    ["Infinity"],
    ["NaN"],
    ["１２"],
  ])("refuses %j naming the field", (text) => {
    const e = refusal(text, "progress.value");
    expect(e.code).toBe("invalid_field");
    expect(e.field).toBe("progress.value");
    expect(e.status).toBe(400);
    expect(e.message).toContain("progress.value");
    expect(e.message).toContain(JSON.stringify(text));
  });

  it("stays exact at its largest value and refuses a value too large to be exact", () => {
    const largest = parseDecimal("99999999999.9999", "value");
    expect(Number.isSafeInteger(largest)).toBe(true);
    expect(formatDecimal(largest)).toBe("99999999999.9999");
    expect(refusal("999999999999.9999", "value").field).toBe("value");
  });
});

describe("formatDecimal", () => {
  it("writes the shortest text: no trailing zeros, no decimal point for whole values", () => {
    expect(formatDecimal(3_900_000)).toBe("390");
    expect(formatDecimal(996_200)).toBe("99.62");
    expect(formatDecimal(980_001)).toBe("98.0001");
    expect(formatDecimal(1)).toBe("0.0001");
    expect(formatDecimal(0)).toBe("0");
  });

  it("keeps the sign of a negative value (a difference), also below 1", () => {
    expect(formatDecimal(-5_000)).toBe("-0.5");
    expect(formatDecimal(-125_000)).toBe("-12.5");
    expect(formatDecimal(-10_000)).toBe("-1");
  });

  it("fromNumber scales a pack's number exactly", () => {
    expect(fromNumber(99.5)).toBe(995_000);
    expect(fromNumber(98)).toBe(980_000);
    expect(fromNumber(390)).toBe(3_900_000);
    expect(fromNumber(0.1 + 0.2)).toBe(3_000);
  });
});

describe("round trips (properties)", () => {
  const scaled = fc.integer({ min: 0, max: 999_999_999_999_999 });

  it("format then parse gives the same scaled value", () => {
    fc.assert(
      fc.property(scaled, (v) => {
        expect(parseDecimal(formatDecimal(v), "value")).toBe(v);
      }),
      { numRuns: 2000 },
    );
  });

  it("parse then format gives the text without trailing zeros, for any accepted text", () => {
    const text = fc
      .tuple(
        fc.oneof(
          fc.constant("0"),
          fc
            .tuple(
              fc.integer({ min: 1, max: 9 }),
              fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 11 }),
            )
            .map(([h, t]) => `${h}${t.join("")}`),
        ),
        fc.option(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 4 })),
      )
      .map(([whole, frac]) => (frac ? `${whole}.${frac.join("")}` : whole));
    fc.assert(
      fc.property(text, (t) => {
        let value: number;
        try {
          value = parseDecimal(t, "value");
        } catch (e) {
          // Refused only when too large to be exact, and then naming the field.
          expect(e).toBeInstanceOf(AppError);
          expect((e as AppError).field).toBe("value");
          expect(t.split(".")[0]?.length).toBeGreaterThan(11);
          return;
        }
        expect(Number.isSafeInteger(value)).toBe(true);
        const canonical = t.includes(".") ? t.replace(/0+$/, "").replace(/\.$/, "") : t;
        expect(formatDecimal(value)).toBe(canonical);
      }),
      { numRuns: 2000 },
    );
  });
});
