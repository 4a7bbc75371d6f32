import { AppError } from "../errors.ts";

/**
 * Indicator values are decimals as officials write them ("390", "99.62"). They are compared and
 * summed as integers scaled by 10⁴, so that 98 and 98.0000 are equal and no float rounding can
 * make 98.0 look "高于 98".
 */
export const SCALE = 10_000;
const PATTERN = /^(0|[1-9][0-9]{0,11})(\.[0-9]{1,4})?$/;

export function parseDecimal(value: string, field: string): number {
  const text = value.trim();
  if (!PATTERN.test(text))
    throw new AppError(
      "invalid_field",
      `应为非负数，最多 4 位小数，收到 ${JSON.stringify(value)}`,
      field,
    );
  const [whole = "0", fraction = ""] = text.split(".");
  return Number(whole) * SCALE + Number(fraction.padEnd(4, "0"));
}

export function fromNumber(value: number): number {
  return Math.round(value * SCALE);
}

export function formatDecimal(scaled: number): string {
  const whole = Math.trunc(scaled / SCALE);
  const fraction = String(Math.abs(scaled % SCALE))
    .padStart(4, "0")
    .replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : String(whole);
}
