import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isTrialLicenseExpired,
  isTrialSignUpProduct,
  POWER_AUTOMATE_TRIAL,
  trialDaysLeft,
  trialLicenseExpiry,
} from "./trials.js";

const DAY_MS = 86_400_000;
/** Instants from 2020 to 2040, to the millisecond. */
const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) }).map((ms) => new Date(ms));

/** Each trial license ends on its own: exactly 90 days after it was assigned to its user, whatever others do. */
describe("Power Automate trial licenses", () => {
  it("end exactly 90 days after each user's own assignment", () => {
    fc.assert(
      fc.property(fc.array(instant, { minLength: 1, maxLength: 20 }), (assignedAt) => {
        const ends = assignedAt.map((at) => trialLicenseExpiry(at));
        ends.forEach((end, index) => {
          expect(end.getTime() - (assignedAt[index] as Date).getTime()).toBe(POWER_AUTOMATE_TRIAL.days * DAY_MS);
        });
        // Later assignments never end earlier: the order of ends follows the order of assignments.
        const order = (dates: Date[]) => dates.map((d, i) => [d.getTime(), i] as const).sort((a, b) => a[0] - b[0]);
        expect(order(ends).map(([, i]) => i)).toEqual(order(assignedAt).map(([, i]) => i));
      }),
    );
  });

  it("are expired iff now ≥ expiresAt", () => {
    fc.assert(
      fc.property(instant, instant, (expiresAt, now) => {
        expect(isTrialLicenseExpired(expiresAt, now)).toBe(now.getTime() >= expiresAt.getTime());
      }),
    );
  });

  it("count whole days left that never grow as time passes, 0 at and after the end, 90 on the first day", () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 200 * DAY_MS }),
        fc.integer({ min: 0, max: 200 * DAY_MS }),
        (assignedAt, a, b) => {
          const end = trialLicenseExpiry(assignedAt);
          const [earlier, later] = [Math.min(a, b), Math.max(a, b)].map(
            (ms) => new Date(assignedAt.getTime() + ms),
          ) as [Date, Date];
          expect(trialDaysLeft(end, later)).toBeLessThanOrEqual(trialDaysLeft(end, earlier));
          for (const now of [earlier, later]) {
            const left = trialDaysLeft(end, now);
            expect(left).toBeGreaterThanOrEqual(0);
            expect(left).toBeLessThanOrEqual(POWER_AUTOMATE_TRIAL.days);
            expect(left === 0).toBe(isTrialLicenseExpired(end, now));
          }
          expect(trialDaysLeft(end, assignedAt)).toBe(POWER_AUTOMATE_TRIAL.days);
        },
      ),
    );
  });

  it("belong to Power Automate Free only", () => {
    expect(isTrialSignUpProduct("FLOW_FREE")).toBe(true);
    expect(isTrialSignUpProduct("POWERAUTOMATE_ATTENDED_RPA")).toBe(false);
  });
});
