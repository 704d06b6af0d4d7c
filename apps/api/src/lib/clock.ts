/**
 * The time the billing rules and the rate budgets see. Production reads the system clock; tests (and a demo) pass a
 * clock they can move by days or months to walk subscriptions through their lifecycle without waiting for it, or by
 * a minute to start a new rate-budget window.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved: `set` to an instant or `advance` by days. */
export class MovableClock implements Clock {
  #now: number;

  constructor(start: Date = new Date()) {
    this.#now = start.getTime();
  }

  now(): Date {
    return new Date(this.#now);
  }

  set(instant: Date): void {
    this.#now = instant.getTime();
  }

  advanceDays(days: number): Date {
    this.#now += days * 86_400_000;
    return this.now();
  }
}
