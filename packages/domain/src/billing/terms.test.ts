import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addMonths, DAY_MS, termEnd, termMonths, termPriceCents } from "./terms.js";

/**
 * Calendar arithmetic of billing terms: a month later is the same day-of-month and time of day, clamped to the
 * target month's last day (31 January → 28/29 February), an annual term is twelve of those months, in UTC.
 */

const utc = (iso: string) => new Date(iso);
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/** Any instant between 1990 and 2100, to the millisecond. */
const arbitraryInstant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }).map((ms) => new Date(ms));

describe("addMonths", () => {
  it.each([
    ["2024-01-31T10:00:00.000Z", 1, "2024-02-29T10:00:00.000Z"], // leap year
    ["2023-01-31T10:00:00.000Z", 1, "2023-02-28T10:00:00.000Z"],
    ["2100-01-31T00:00:00.000Z", 1, "2100-02-28T00:00:00.000Z"], // 2100 is not a leap year
    ["2000-01-31T00:00:00.000Z", 1, "2000-02-29T00:00:00.000Z"], // 2000 is
    ["2024-01-30T00:00:00.000Z", 1, "2024-02-29T00:00:00.000Z"],
    ["2024-01-29T00:00:00.000Z", 1, "2024-02-29T00:00:00.000Z"],
    ["2024-01-28T00:00:00.000Z", 1, "2024-02-28T00:00:00.000Z"],
    ["2024-03-31T23:59:59.999Z", 1, "2024-04-30T23:59:59.999Z"],
    ["2024-05-31T00:00:00.000Z", 1, "2024-06-30T00:00:00.000Z"],
    ["2024-08-31T12:00:00.000Z", 1, "2024-09-30T12:00:00.000Z"],
    ["2024-10-31T00:00:00.000Z", 1, "2024-11-30T00:00:00.000Z"],
    ["2024-12-31T08:30:00.000Z", 1, "2025-01-31T08:30:00.000Z"], // year roll-over
    ["2024-12-15T00:00:00.000Z", 1, "2025-01-15T00:00:00.000Z"],
    ["2024-02-29T00:00:00.000Z", 12, "2025-02-28T00:00:00.000Z"], // leap day + 1 year
    ["2024-02-29T00:00:00.000Z", 48, "2028-02-29T00:00:00.000Z"],
    ["2023-03-31T00:00:00.000Z", 11, "2024-02-29T00:00:00.000Z"],
    ["2024-01-31T00:00:00.000Z", 0, "2024-01-31T00:00:00.000Z"],
    ["2024-03-31T00:00:00.000Z", -1, "2024-02-29T00:00:00.000Z"],
    ["2024-01-15T00:00:00.000Z", -1, "2023-12-15T00:00:00.000Z"],
  ])("%s + %i months = %s", (from, months, expected) => {
    expect(addMonths(utc(from), months).toISOString()).toBe(expected);
  });

  it("does not change its argument", () => {
    const from = utc("2024-01-31T10:00:00.000Z");
    addMonths(from, 1);
    expect(from.toISOString()).toBe("2024-01-31T10:00:00.000Z");
  });

  it("keeps the time of day and lands in the target month, on the same day or the month's last day", () => {
    fc.assert(
      fc.property(arbitraryInstant, fc.integer({ min: 0, max: 120 }), (from, months) => {
        const to = addMonths(from, months);
        const targetIndex = from.getUTCFullYear() * 12 + from.getUTCMonth() + months;
        expect(to.getUTCFullYear() * 12 + to.getUTCMonth()).toBe(targetIndex);
        const last = daysInMonth(to.getUTCFullYear(), to.getUTCMonth());
        expect(to.getUTCDate()).toBe(Math.min(from.getUTCDate(), last));
        expect(to.getTime() % DAY_MS).toBe(from.getTime() % DAY_MS);
        // Never earlier, and a month is 28 to 31 days.
        if (months > 0) {
          expect(to.getTime()).toBeGreaterThan(from.getTime());
          const days = (to.getTime() - from.getTime()) / DAY_MS;
          expect(days).toBeGreaterThanOrEqual(28 * months - 3);
          expect(days).toBeLessThanOrEqual(31 * months);
        }
      }),
    );
  });

  it("is monotonic in the months added", () => {
    fc.assert(
      fc.property(arbitraryInstant, fc.integer({ min: 0, max: 60 }), (from, months) => {
        expect(addMonths(from, months + 1).getTime()).toBeGreaterThan(addMonths(from, months).getTime());
      }),
    );
  });

  it("is reversible for days that exist in every month (1–28)", () => {
    fc.assert(
      fc.property(arbitraryInstant, fc.integer({ min: -60, max: 60 }), (from, months) => {
        fc.pre(from.getUTCDate() <= 28);
        expect(addMonths(addMonths(from, months), -months).getTime()).toBe(from.getTime());
      }),
    );
  });
});

describe("terms", () => {
  it("a monthly term is 1 month and an annual term 12", () => {
    expect(termMonths("monthly")).toBe(1);
    expect(termMonths("annual")).toBe(12);
  });

  it.each([
    ["2024-01-31T00:00:00.000Z", "monthly", "2024-02-29T00:00:00.000Z", 29],
    ["2023-01-31T00:00:00.000Z", "monthly", "2023-02-28T00:00:00.000Z", 28],
    ["2024-02-01T00:00:00.000Z", "monthly", "2024-03-01T00:00:00.000Z", 29],
    ["2023-02-01T00:00:00.000Z", "monthly", "2023-03-01T00:00:00.000Z", 28],
    ["2024-04-10T00:00:00.000Z", "monthly", "2024-05-10T00:00:00.000Z", 30],
    ["2024-05-10T00:00:00.000Z", "monthly", "2024-06-10T00:00:00.000Z", 31],
    ["2024-01-01T00:00:00.000Z", "annual", "2025-01-01T00:00:00.000Z", 366], // includes 29 Feb 2024
    ["2023-03-01T00:00:00.000Z", "annual", "2024-03-01T00:00:00.000Z", 366], // includes 29 Feb 2024
    ["2024-03-01T00:00:00.000Z", "annual", "2025-03-01T00:00:00.000Z", 365],
    ["2024-02-29T00:00:00.000Z", "annual", "2025-02-28T00:00:00.000Z", 365],
  ] as const)("termEnd(%s, %s) = %s (%i days)", (start, term, end, days) => {
    const result = termEnd(utc(start), term);
    expect(result.toISOString()).toBe(end);
    expect((result.getTime() - utc(start).getTime()) / DAY_MS).toBe(days);
  });

  it("an annual term is twelve months from the start, not twelve chained monthly terms", () => {
    // Chaining clamps: 31 Jan → 29 Feb → 29 Mar …; a year from 31 Jan is 31 Jan.
    const start = utc("2024-01-31T00:00:00.000Z");
    expect(termEnd(start, "annual").toISOString()).toBe("2025-01-31T00:00:00.000Z");
    fc.assert(
      fc.property(arbitraryInstant, (from) => {
        expect(termEnd(from, "annual").getTime()).toBe(addMonths(from, 12).getTime());
        expect(termEnd(from, "monthly").getTime()).toBe(addMonths(from, 1).getTime());
        const days = (termEnd(from, "annual").getTime() - from.getTime()) / DAY_MS;
        expect([365, 366]).toContain(days);
      }),
    );
  });

  it("the term price is the monthly price times the term's months, in whole cents", () => {
    expect(termPriceCents(3390, "monthly")).toBe(3390);
    expect(termPriceCents(3390, "annual")).toBe(40_680);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (price) => {
        expect(Number.isInteger(termPriceCents(price, "annual"))).toBe(true);
        expect(termPriceCents(price, "annual")).toBe(12 * termPriceCents(price, "monthly"));
      }),
    );
  });

  it("addDays adds whole 24-hour days (UTC: no daylight saving)", () => {
    expect(addDays(utc("2024-03-30T12:00:00.000Z"), 1).toISOString()).toBe("2024-03-31T12:00:00.000Z");
    expect(addDays(utc("2024-02-28T00:00:00.000Z"), 30).toISOString()).toBe("2024-03-29T00:00:00.000Z");
    expect(addDays(utc("2024-02-28T00:00:00.000Z"), -1).toISOString()).toBe("2024-02-27T00:00:00.000Z");
    expect(addDays(utc("2024-02-28T00:00:00.000Z"), 0).toISOString()).toBe("2024-02-28T00:00:00.000Z");
  });
});
