/** The budgets' sources by name: "city" (the city fund of 四（二）) or a county's own finance. */

/** The full name, as on a payment list or a budget refusal. */
export const SOURCE_NAMES = (source: string) =>
  source === "city" ? "市级制造业高质量发展专项资金（质量强市部分）" : `${source}财政`;

/** The short name, as in a table column. */
export const SOURCE_SHORT_NAMES = (source: string) =>
  source === "city" ? "市级专项资金" : `${source}财政`;
