/**
 * The time the rules see: billing (terms, lifecycle, invoices), the restore window of deleted users, who counts as
 * inactive for reclaiming licenses (and the sign-in time it measures from), request decisions, rate budgets,
 * idempotency keys, the day in export file names. Production reads the system clock; tests (and a demo) pass a
 * clock they can move by days or months to walk subscriptions through their lifecycle or past a deadline without
 * waiting for it, or by a minute to start a new rate-budget window.
 *
 * Two kinds of time stay on the server's own clock on purpose: records of when the server did something that no
 * rule reads (createdAt/updatedAt filled by the database, audit events, a license job's finishedAt, cache ages), and
 * the security timers of signing in (session expiry, lockouts), so that moving a clock can neither sign everyone
 * out nor lift a lockout.
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
