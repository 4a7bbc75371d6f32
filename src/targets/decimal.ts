import { AppError } from "../errors.ts";

/**
 * Indicator values are decimals as officials write them ("390", "99.62"). They are compared and
 * summed as integers scaled by 10⁴, so that 98 and 98.0000 are equal and no float rounding can
 * make 98.0 look "高于 98". At most 11 whole digits: 10¹¹ × 10⁴ is still below 2⁵³, so every
 * accepted value is an exact integer.
 */
export const SCALE = 10_000;
const PATTERN = /^(0|[1-9][0-9]{0,10})(\.[0-9]{1,4})?$/;

export function parseDecimal(value: string, field: string): number {
  const text = value.trim();
  if (!PATTERN.test(text))
    throw new AppError(
      "invalid_field",
      `字段 ${field}：应为非负数，整数部分最多 11 位，最多 4 位小数，收到 ${JSON.stringify(value)}`,
      field,
    );
  const [whole = "0", fraction = ""] = text.split(".");
  return Number(whole) * SCALE + Number(fraction.padEnd(4, "0"));
}

export function fromNumber(value: number): number {
  return Math.round(value * SCALE);
}

export function formatDecimal(scaled: number): string {
  // The sign is written apart: Math.trunc(-0.5) is -0, which String() writes as "0".
  const sign = scaled < 0 ? "-" : "";
  const magnitude = Math.abs(scaled);
  const whole = Math.trunc(magnitude / SCALE);
  const fraction = String(magnitude % SCALE)
    .padStart(4, "0")
    .replace(/0+$/, "");
  return `${sign}${fraction ? `${whole}.${fraction}` : String(whole)}`;
}
