import { AppError } from "../errors.ts";

/**
 * A keyset cursor: the sort key of the last row of a page, handed to the client as an opaque text
 * (`nextCursor`) and sent back as `after` for the next page. The next page starts after that key,
 * so rows inserted while a client pages (before the cursor in the list's order) are neither
 * repeated nor make a row be skipped, as an offset would.
 */
export type CursorKey = readonly (string | number)[];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** The key of `after`, of `size` parts each of the kinds given; a bad cursor is a 400 on `after`. */
export function decodeCursor(
  text: string,
  kinds: readonly ("string" | "number")[],
): (string | number)[] {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    key = null;
  }
  if (
    !Array.isArray(key) ||
    key.length !== kinds.length ||
    key.some((part, i) => typeof part !== kinds[i])
  )
    throw new AppError("invalid_field", "游标无效：请使用上一页答复中的 nextCursor", "after");
  return key as (string | number)[];
}
