/** What the benchmark scripts share: their settings from the environment, and their figures. */

/** A positive integer from the environment, or the fallback. */
export function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer`);
  return n;
}

export const log = (line = ""): void => {
  process.stdout.write(`${line}\n`);
};

export const fmt = (n: number): string => Math.round(n).toLocaleString("en-US");

/** Seconds since a `process.hrtime.bigint()` reading. */
export const seconds = (from: bigint): number => Number(process.hrtime.bigint() - from) / 1e9;

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
