/**
 * Billing terms and their calendar arithmetic. A term starts at an instant and ends the same day-of-month one or
 * twelve months later (clamped to the month's last day, so 31 January + 1 month is 28/29 February).
 */

export type BillingTerm = "monthly" | "annual";

export const DAY_MS = 86_400_000;

export function termMonths(term: BillingTerm): number {
  return term === "annual" ? 12 : 1;
}

/** The same instant `months` calendar months later, in UTC, clamped to the last day of the target month. */
export function addMonths(from: Date, months: number): Date {
  const year = from.getUTCFullYear();
  const month = from.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(from.getUTCDate(), lastDay);
  return new Date(
    Date.UTC(
      year,
      month,
      day,
      from.getUTCHours(),
      from.getUTCMinutes(),
      from.getUTCSeconds(),
      from.getUTCMilliseconds(),
    ),
  );
}

export function addDays(from: Date, days: number): Date {
  return new Date(from.getTime() + days * DAY_MS);
}

export function termEnd(start: Date, term: BillingTerm): Date {
  return addMonths(start, termMonths(term));
}

/** The price of one seat for a whole term, in cents. */
export function termPriceCents(pricePerSeatMonthCents: number, term: BillingTerm): number {
  return pricePerSeatMonthCents * termMonths(term);
}
