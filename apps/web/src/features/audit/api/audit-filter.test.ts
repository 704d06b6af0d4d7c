import { describe, expect, it } from "vitest";
import { toAuditQuery } from "./audit-filter";

/** Local midnight, as the date inputs mean it (the test runs in whatever time zone the machine has). */
const midnight = (year: number, month: number, day: number) => new Date(year, month - 1, day).toISOString();

describe("toAuditQuery", () => {
  it("sends nothing for empty filters", () => {
    expect(toAuditQuery({})).toEqual({ query: { action: undefined, from: undefined, to: undefined }, problem: null });
    expect(toAuditQuery({ action: "   " }).query.action).toBeUndefined();
  });

  it("turns days into instants: from the start of the first day up to the end of the last (exclusive next midnight)", () => {
    expect(toAuditQuery({ from: "2025-01-31", to: "2025-02-28" })).toEqual({
      query: { action: undefined, from: midnight(2025, 1, 31), to: midnight(2025, 3, 1) },
      problem: null,
    });
    // One day is a range of its own.
    expect(toAuditQuery({ from: "2024-12-31", to: "2024-12-31" }).query).toEqual({
      action: undefined,
      from: midnight(2024, 12, 31),
      to: midnight(2025, 1, 1),
    });
  });

  it("asks for partners' changes, or the organization's own, or everyone's", () => {
    expect(toAuditQuery({ by: "partners" }).query.byPartners).toBe("true");
    expect(toAuditQuery({ by: "organization" }).query.byPartners).toBe("false");
    expect(toAuditQuery({ by: "someone" }).query.byPartners).toBeUndefined();
    expect(toAuditQuery({}).query.byPartners).toBeUndefined();
  });

  it("trims the action codes and checks them with the API's own schema", () => {
    expect(toAuditQuery({ action: " user.created,user.deleted " }).query.action).toBe("user.created,user.deleted");
    for (const action of ["user.*", "a,,b", "user deleted", Array.from({ length: 21 }, (_, i) => `a${i}`).join(",")]) {
      expect(toAuditQuery({ action }), action).toEqual({ query: {}, problem: "action" });
    }
  });

  it("refuses an end before the start, and days that do not exist", () => {
    expect(toAuditQuery({ from: "2025-02-02", to: "2025-02-01" }).problem).toBe("range");
    for (const day of ["2025-02-30", "2025-13-01", "31-01-2025", "0001-01-01", "275760-01-01"]) {
      expect(toAuditQuery({ from: day }).problem, day).toBe("range");
      expect(toAuditQuery({ to: day }).problem, day).toBe("range");
    }
  });
});
