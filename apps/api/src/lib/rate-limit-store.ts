import type { Db } from "@allot/db";
import { countHit } from "./rate-budget.js";

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

interface RouteParams {
  routeInfo?: { method?: string | string[]; url?: string };
}

/**
 * A @fastify/rate-limit store (its `store` option) over the shared RateWindow table, so the per-minute limits of
 * sign-in, first-run setup and the token endpoint hold across every API process, not per process. The plugin makes
 * one child per limited route; each child prefixes its keys (the client address) with its route, so the routes
 * keep separate counts as they did in memory. Windows run on server time, like the plugin's own store.
 */
export function sharedRateLimitStore(db: Db) {
  return class SharedRateLimitStore {
    constructor(
      _params: unknown,
      private readonly prefix = "limit:",
    ) {}

    incr(key: string, callback: Callback, timeWindow: number, max: number): void {
      countHit(db, `${this.prefix}${key}`, new Date(), timeWindow, max).then(
        (result) => callback(null, result),
        (error: Error) => callback(error),
      );
    }

    // At run time the plugin passes the route's merged options with `routeInfo` (its types say route options).
    child(options: unknown): SharedRateLimitStore {
      const params = options as RouteParams;
      const method = [params.routeInfo?.method ?? ""].flat().join(",");
      return new SharedRateLimitStore(params, `limit:${method}:${params.routeInfo?.url ?? ""}:`);
    }
  };
}
