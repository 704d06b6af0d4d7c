/**
 * Power Automate's trial (seed 004's FAQ): anyone may start it, free, for 90 days. From the first sign-up for the
 * organization the tenant shows the trial product with 10,000 licenses; admins may assign them to others too, and
 * each trial license expires 90 days after it was assigned to that user. A trial started as an individual is that
 * user's alone and never appears in the admin center.
 */
export const POWER_AUTOMATE_TRIAL = {
  skuPartNumber: "FLOW_FREE",
  licenses: 10_000,
  days: 90,
} as const;

/**
 * Products obtained only by signing up for their trial (never bought, requested or trialled by admins): their
 * licenses each end on their own, `days` after they were assigned.
 */
export function isTrialSignUpProduct(skuPartNumber: string): boolean {
  return skuPartNumber === POWER_AUTOMATE_TRIAL.skuPartNumber;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a trial license assigned (or an individual trial started) at `start` ends. */
export function trialLicenseExpiry(start: Date, days: number = POWER_AUTOMATE_TRIAL.days): Date {
  return new Date(start.getTime() + days * DAY_MS);
}

export function isTrialLicenseExpired(expiresAt: Date, now: Date): boolean {
  return expiresAt.getTime() <= now.getTime();
}

/** Whole days left, rounded up (a trial with 3 hours left has 1 day left), never negative. */
export function trialDaysLeft(expiresAt: Date, now: Date): number {
  return Math.max(0, Math.ceil((expiresAt.getTime() - now.getTime()) / DAY_MS));
}
