import { describe, expect, it } from "vitest";
import { relationshipState } from "./customer-status";

const base = { id: "3f7c1a52-3a43-4d0c-9a51-0b8f3c1d2e4f", endsAt: null };

describe("relationshipState", () => {
  it("is active while the relationship grants access, with or without an end date ahead", () => {
    expect(relationshipState({ ...base, status: "active", grantsAccess: true })).toBe("active");
    expect(
      relationshipState({ ...base, status: "active", grantsAccess: true, endsAt: "2099-01-01T00:00:00.000Z" }),
    ).toBe("active");
  });

  it("is ended once an active relationship's end date has passed", () => {
    expect(
      relationshipState({ ...base, status: "active", grantsAccess: false, endsAt: "2020-01-01T00:00:00.000Z" }),
    ).toBe("ended");
  });

  it("is removed when the customer removed the privileges, whatever the end date", () => {
    expect(relationshipState({ ...base, status: "terminated", grantsAccess: false })).toBe("removed");
    expect(
      relationshipState({ ...base, status: "terminated", grantsAccess: false, endsAt: "2020-01-01T00:00:00.000Z" }),
    ).toBe("removed");
  });
});
