import { hitWindow } from "../auth/rate-limit-repository.ts";
import type { DB } from "../db/database.ts";

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

interface RouteParams {
  readonly timeWindow?: unknown;
  readonly routeInfo?: { readonly method?: string | string[]; readonly url?: string };
}

/**
 * A store for @fastify/rate-limit that counts in the database (rate-limit-repository.ts): a
 * client meets one limit whichever app process answers. Each limited route has its own windows.
 */
export function databaseRateLimitStore(db: DB) {
  return class DatabaseStore {
    readonly #prefix: string;
    readonly #window: number;
    constructor(_params?: unknown, prefix = "", window = 60_000) {
      this.#prefix = prefix;
      this.#window = window;
    }
    /** The plugin passes the window (its typings do not say so); the route's own otherwise. */
    incr(key: string, callback: Callback, window?: number) {
      const timeWindow = typeof window === "number" ? window : this.#window;
      const now = Date.now();
      hitWindow(db, `${this.#prefix}|${key}`, now, timeWindow).then(
        ({ hits, startedMs }) =>
          callback(null, { current: hits, ttl: Math.max(0, startedMs + timeWindow - now) }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }
    child(options: object) {
      const params = options as RouteParams;
      const method = params.routeInfo?.method;
      const route = `${Array.isArray(method) ? method.join(",") : (method ?? "")} ${params.routeInfo?.url ?? ""}`;
      const window = typeof params.timeWindow === "number" ? params.timeWindow : 60_000;
      return new DatabaseStore(undefined, route, window);
    }
  };
}
