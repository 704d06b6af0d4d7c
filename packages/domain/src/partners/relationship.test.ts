import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { relationshipGrantsAccess } from "./relationship.js";

const now = new Date("2026-12-07T10:00:00Z");

describe("relationshipGrantsAccess", () => {
  it("grants while active and before its end date, if any", () => {
    expect(relationshipGrantsAccess({ status: "active", endsAt: null }, now)).toBe(true);
    expect(relationshipGrantsAccess({ status: "active", endsAt: new Date("2026-12-07T10:00:01Z") }, now)).toBe(true);
  });

  it("ends at the end date itself, and once the customer removes the privileges", () => {
    expect(relationshipGrantsAccess({ status: "active", endsAt: now }, now)).toBe(false);
    expect(relationshipGrantsAccess({ status: "active", endsAt: new Date("2026-01-01Z") }, now)).toBe(false);
    expect(relationshipGrantsAccess({ status: "terminated", endsAt: null }, now)).toBe(false);
  });

  it("never grants a terminated relationship, whatever its end date", () => {
    fc.assert(
      fc.property(fc.option(fc.date({ noInvalidDate: true }), { nil: null }), (endsAt) => {
        expect(relationshipGrantsAccess({ status: "terminated", endsAt }, now)).toBe(false);
      }),
    );
  });

  it("grants an active one exactly while now is before its end date", () => {
    fc.assert(
      fc.property(fc.date({ noInvalidDate: true }), fc.date({ noInvalidDate: true }), (endsAt, at) => {
        expect(relationshipGrantsAccess({ status: "active", endsAt }, at)).toBe(at < endsAt);
      }),
    );
  });
});
