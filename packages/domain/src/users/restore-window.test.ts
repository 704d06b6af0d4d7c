import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { earliestRestorableDeletion, isRestorable, RESTORE_WINDOW_DAYS, restoreDeadline } from "./restore-window.js";

const DAY_MS = 86_400_000;
const deletedAt = new Date("2025-01-31T10:00:00.000Z");
const later = (ms: number) => new Date(deletedAt.getTime() + ms);

describe("the restore window of a deleted user", () => {
  it("ends 30 days after the deletion, to the millisecond", () => {
    expect(RESTORE_WINDOW_DAYS).toBe(30);
    expect(restoreDeadline(deletedAt).toISOString()).toBe("2025-03-02T10:00:00.000Z");
  });

  it("is open from the deletion up to and including the deadline, closed one millisecond later", () => {
    expect(isRestorable(deletedAt, deletedAt)).toBe(true);
    expect(isRestorable(deletedAt, later(29 * DAY_MS))).toBe(true);
    expect(isRestorable(deletedAt, later(30 * DAY_MS))).toBe(true);
    expect(isRestorable(deletedAt, later(30 * DAY_MS + 1))).toBe(false);
    expect(isRestorable(deletedAt, later(31 * DAY_MS))).toBe(false);
  });

  it("is open when the clock reads earlier than the deletion (a clock set back)", () => {
    expect(isRestorable(deletedAt, later(-DAY_MS))).toBe(true);
  });

  it("selecting by deletion time agrees with isRestorable for every pair of instants", () => {
    const instant = fc.integer({ min: 0, max: 4_000_000_000_000 }).map((ms) => new Date(ms));
    fc.assert(
      fc.property(instant, fc.integer({ min: -40 * DAY_MS, max: 40 * DAY_MS }), (deleted, offset) => {
        const now = new Date(deleted.getTime() + offset);
        expect(deleted >= earliestRestorableDeletion(now)).toBe(isRestorable(deleted, now));
      }),
    );
  });
});
