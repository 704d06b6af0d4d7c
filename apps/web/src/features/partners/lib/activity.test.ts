import { describe, expect, it } from "vitest";
import { accessChangeOf, activityFilterFrom } from "./activity";

const ID = "6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e";

describe("activityFilterFrom", () => {
  it("reads a customer and a staff member from the address", () => {
    expect(activityFilterFrom(new URLSearchParams(`customer=${ID}&staff=${ID.toUpperCase()}`))).toEqual({
      customer: ID,
      staff: ID,
    });
  });

  it("ignores what is not an id", () => {
    expect(activityFilterFrom(new URLSearchParams("customer=contoso&staff="))).toEqual({
      customer: undefined,
      staff: undefined,
    });
  });
});

describe("accessChangeOf", () => {
  const event = {
    action: "partnerStaff.accessChanged",
    before: { relationshipId: ID, customer: { tenantId: ID, name: "Fabrikam" }, roles: [] },
    after: { relationshipId: ID, customer: { tenantId: ID, name: "Fabrikam" }, roles: ["helpdeskAgent"] },
  };

  it("says which roles a staff member got in which customer", () => {
    expect(accessChangeOf(event)).toEqual({ customer: "Fabrikam", before: [], after: ["helpdeskAgent"] });
  });

  it("is nothing for other events or a shape it does not know", () => {
    expect(accessChangeOf({ ...event, action: "user.updated" })).toBeNull();
    expect(accessChangeOf({ ...event, after: { roles: ["helpdeskAgent"] } })).toBeNull();
    expect(accessChangeOf({ ...event, after: { ...event.after, roles: ["owner"] } })).toBeNull();
    expect(accessChangeOf({ ...event, before: null })).toBeNull();
  });
});
