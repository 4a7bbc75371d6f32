import { createHash } from "node:crypto";
import type { Tx } from "../db/database.ts";
import { AppError } from "../errors.ts";

/**
 * Every money-moving command carries an idempotency key. Inside the command's own transaction the
 * key is claimed first (a concurrent request with the same key waits on it, then sees it taken);
 * a replay with the same body returns the first result, the same key with another body is refused.
 */
export async function idempotent<T>(
  trx: Tx,
  key: string,
  request: unknown,
  at: string,
  work: () => Promise<T>,
): Promise<{ result: T; replayed: boolean }> {
  if (!/^[\x21-\x7e]{8,200}$/.test(key)) {
    throw new AppError(
      "invalid_field",
      "Idempotency-Key 应为 8–200 个可见 ASCII 字符",
      "idempotency-key",
    );
  }
  const hash = createHash("sha256")
    .update(JSON.stringify(request ?? null))
    .digest("hex");
  const claimed = await trx
    .insertInto("idempotency_keys")
    .values({ key, request_hash: hash, status: 0, response: "", created_at: at })
    .onConflict((oc) => oc.column("key").doNothing())
    .executeTakeFirst();
  if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) {
    const row = await trx
      .selectFrom("idempotency_keys")
      .selectAll()
      .where("key", "=", key)
      .executeTakeFirstOrThrow();
    if (row.request_hash !== hash) {
      throw new AppError("conflict", "同一 Idempotency-Key 已用于另一个请求", "idempotency-key");
    }
    return { result: JSON.parse(row.response) as T, replayed: true };
  }
  const result = await work();
  await trx
    .updateTable("idempotency_keys")
    .set({ status: 200, response: JSON.stringify(result ?? null) })
    .where("key", "=", key)
    .execute();
  return { result, replayed: false };
}
