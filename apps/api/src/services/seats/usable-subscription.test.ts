import { describe, expect, it } from "vitest";
import { usableSubscriptionSql } from "./usable-subscription.js";

describe("usableSubscriptionSql", () => {
  it("lists the states isUsable accepts, as the queries always wrote them", () => {
    expect(usableSubscriptionSql.sql).toBe("s.state IN ('active', 'expired')");
    expect(usableSubscriptionSql.values).toEqual([]);
  });
});
