import { type RawBuilder, type SqlBool, sql } from "kysely";

/**
 * `column` contains `text` as typed: a % or _ in it matches itself, not any text. The escape
 * character is named, for SQLite's LIKE has none by default (PostgreSQL's is \ already).
 */
export function contains(column: string, text: string): RawBuilder<SqlBool> {
  const pattern = `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`${sql.ref(column)} like ${pattern} escape '\\'`;
}
