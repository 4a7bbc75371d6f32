/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, S, V, Z);
 * the last is a check character computed from the first 17 with weights 3^i mod 31.
 */
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccProblem = "length" | "character" | "check";

export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17.charAt(i)) * (WEIGHTS[i] as number);
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** Null when the code is valid; otherwise what is wrong with it. */
export function usccProblem(code: string): UsccProblem | null {
  if (code.length !== 18) return "length";
  for (const ch of code) if (!ALPHABET.includes(ch)) return "character";
  return usccCheckCharacter(code.slice(0, 17)) === code.charAt(17) ? null : "check";
}

export const USCC_PROBLEM_TEXT: Record<UsccProblem, string> = {
  length: "统一社会信用代码应为18位",
  character: "统一社会信用代码含有不允许的字符（只允许数字和除 I、O、S、V、Z 外的大写字母）",
  check: "统一社会信用代码校验位不正确（GB 32100-2015）",
};
