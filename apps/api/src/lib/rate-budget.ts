import type { Clock } from "./clock.js";

/** One key's current window: when it started and how many requests it let through. */
interface Window {
  startedAt: number;
  used: number;
}

/** A budget a request is counted against: its key (e.g. a session's id) and how many requests a window allows. */
export interface Allowance {
  key: string;
  limit: number;
}

export type Spend = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Fixed one-minute windows per key, in this process's memory (several API processes each keep their own). A
 * request is let through only when every budget it counts against has room, and then spends one of each; a
 * refused request spends nothing, so a client that keeps retrying is let in again when the window ends.
 *
 * Fixed windows rather than sliding ones: O(1) per request and one small record per key, at the price of allowing
 * up to twice the budget across a window edge, which is fine for budgets that only stop runaway scripts.
 */
export class RateBudget {
  readonly #windows = new Map<string, Window>();
  #nextSweep = 0;

  constructor(
    private readonly clock: Clock,
    private readonly windowMs = 60_000,
  ) {}

  spend(allowances: readonly Allowance[]): Spend {
    const now = this.clock.now().getTime();
    this.#sweep(now);
    const windows = allowances.map((allowance) => this.#current(allowance.key, now));
    let waitMs = 0;
    for (const [i, allowance] of allowances.entries()) {
      const window = windows[i] as Window;
      if (window.used >= allowance.limit) waitMs = Math.max(waitMs, window.startedAt + this.windowMs - now);
    }
    if (waitMs > 0) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    for (const [i, allowance] of allowances.entries()) {
      const window = windows[i] as Window;
      window.used += 1;
      this.#windows.set(allowance.key, window);
    }
    return { allowed: true };
  }

  /** The key's window, a fresh one when the last has ended (or the clock was set back before it). */
  #current(key: string, now: number): Window {
    const window = this.#windows.get(key);
    if (window && now >= window.startedAt && now < window.startedAt + this.windowMs) return window;
    return { startedAt: now, used: 0 };
  }

  /** Forgets ended windows once per window length, so sessions that went away do not stay in memory. */
  #sweep(now: number): void {
    if (now < this.#nextSweep && now >= this.#nextSweep - this.windowMs) return;
    for (const [key, window] of this.#windows) {
      if (now < window.startedAt || now >= window.startedAt + this.windowMs) this.#windows.delete(key);
    }
    this.#nextSweep = now + this.windowMs;
  }
}
