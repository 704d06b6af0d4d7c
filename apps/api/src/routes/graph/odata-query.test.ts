import { describe, expect, it } from "vitest";
import { nextLink, refuseUnsupported, topOf } from "./odata-query.js";

describe("Graph collection links and options", () => {
  it("the next link keeps the client's options as written and carries one literal $skiptoken", () => {
    const origin = "https://allot.example";
    expect(nextLink(origin, "/graph/v1.0/users?$top=5&$select=id,displayName", "abc_-9")).toBe(
      "https://allot.example/graph/v1.0/users?$top=5&$select=id,displayName&$skiptoken=abc_-9",
    );
    expect(nextLink(origin, "/graph/v1.0/groups?$skiptoken=old&$top=2", "new")).toBe(
      "https://allot.example/graph/v1.0/groups?$top=2&$skiptoken=new",
    );
    expect(nextLink(origin, "/graph/v1.0/groups?%24skiptoken=old", "new")).toBe(
      "https://allot.example/graph/v1.0/groups?$skiptoken=new",
    );
    expect(nextLink(origin, "/graph/v1.0/groups", "t")).toBe("https://allot.example/graph/v1.0/groups?$skiptoken=t");
    expect(nextLink(origin, "/graph/v1.0/groups", undefined)).toBeUndefined();
  });

  it("refuses options a route does not support by name, and a $top out of range", () => {
    expect(() => refuseUnsupported({ $expand: "members" }, ["$top"])).toThrow(/\$expand/);
    expect(() => refuseUnsupported({ $top: "5" }, ["$top"])).not.toThrow();
    expect(topOf({}, 100, 999)).toBe(100);
    expect(topOf({ $top: "999" }, 100, 999)).toBe(999);
    for (const top of ["0", "1000", "-1", "1.5", "ten"]) expect(() => topOf({ $top: top }, 100, 999), top).toThrow();
  });
});
