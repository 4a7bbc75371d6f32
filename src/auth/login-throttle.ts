import { createHash } from "node:crypto";
import type { DB, Tx } from "../db/database.ts";
import { AppError } from "../errors.ts";
import type { Settings } from "../settings/settings.ts";
import {
  countFailure,
  deleteKey,
  deleteKeysStartingWith,
  holdKey,
  holdsOf,
} from "./login-throttle-repository.ts";

/**
 * Limits on guessing passwords (等保 level 3: 限制非法登录次数), kept in the database so that every
 * server process counts the same failures.
 *
 * Failures are counted per account *at one source address*, and per source address over all
 * accounts. Neither key locks the account itself: someone failing from one address cannot stop
 * the owner signing in from another. The account key is the name that was typed (normalised), so
 * an unknown username counts and is refused exactly like a real one, and the answers never tell
 * which accounts exist. The account's own total of failures is kept on the user row for the
 * security administrator (`failed_logins`), as a signal, not a lock.
 */

/** Failures from one address, over all names, before the address is held back. */
export const ADDRESS_FACTOR = 10;

const normalise = (username: string) => username.trim().toLowerCase();
const digest = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 32);

const namePrefix = (username: string) => `pair:${digest(normalise(username))}:`;

export function throttleKeys(username: string, ip: string | null) {
  const address = ip ?? "unknown";
  return {
    pair: `${namePrefix(username)}${digest(address)}`,
    address: `addr:${digest(address)}`,
  };
}

const throttled = (until: string, now: Date) => {
  const minutes = Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 60_000));
  return new AppError(
    "rate_limited",
    `登录尝试过于频繁，请 ${minutes} 分钟后再试（可联系安全管理员核实）`,
    "password",
  );
};

/** Throws rate_limited while this name at this address, or this address, is held back. */
export async function checkLoginThrottle(
  db: DB,
  username: string,
  ip: string | null,
  now: Date,
): Promise<void> {
  const keys = throttleKeys(username, ip);
  const holds = await holdsOf(db, [keys.pair, keys.address]);
  const at = now.toISOString();
  const blocked = holds
    .filter((u): u is string => u !== null && u > at)
    .sort()
    .pop();
  if (blocked) throw throttled(blocked, now);
}

/**
 * Counts one failure on both keys (an atomic upsert each, so failures sent at once all count) and
 * holds a key back once it reaches its limit within the window. Returns whether this failure
 * started a hold.
 */
export async function recordLoginFailure(
  db: DB,
  username: string,
  ip: string | null,
  now: Date,
  settings: Pick<Settings, "security.lockoutThreshold" | "security.lockoutMinutes">,
): Promise<boolean> {
  const keys = throttleKeys(username, ip);
  const threshold = settings["security.lockoutThreshold"];
  const windowMs = settings["security.lockoutMinutes"] * 60_000;
  const at = now.toISOString();
  const windowStart = new Date(now.getTime() - windowMs).toISOString();
  const until = new Date(now.getTime() + windowMs).toISOString();
  let held = false;
  for (const [key, limit] of [
    [keys.pair, threshold],
    [keys.address, threshold * ADDRESS_FACTOR],
  ] as const) {
    // A window older than the lockout period starts again at one.
    if ((await countFailure(db, key, at, windowStart)) >= limit) {
      await holdKey(db, key, until, at);
      held = true;
    }
  }
  return held;
}

/** A successful sign-in clears the hold on this name at this address (not the address's count). */
export async function clearLoginFailures(db: DB, username: string, ip: string | null) {
  await deleteKey(db, throttleKeys(username, ip).pair);
}

/** The security administrator's unlock: lifts every hold on this name, from any address. */
export async function liftLoginHolds(db: DB | Tx, username: string) {
  await deleteKeysStartingWith(db, namePrefix(username));
}
