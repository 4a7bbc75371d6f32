import type { CivilDate } from "./dates.ts";

/**
 * A dated parameter in the OpenFisca shape: each value holds from its `from` date until the next
 * value's `from`, and cites the clause (`ref`) it comes from. Values are kept sorted by `from`.
 */
export interface DatedValue<T> {
  readonly from: CivilDate;
  readonly value: T;
  readonly ref: string;
}

export type DatedParameter<T> = readonly DatedValue<T>[];

/** The value in force on `date`, or undefined before the first value. */
export function valueAt<T>(
  parameter: DatedParameter<T>,
  date: CivilDate,
): DatedValue<T> | undefined {
  let found: DatedValue<T> | undefined;
  for (const entry of parameter) {
    if (entry.from > date) break;
    found = entry;
  }
  return found;
}
