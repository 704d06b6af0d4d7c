import { describe, expect, it } from "vitest";
import { ERROR_CODES, ERROR_STATUS } from "./errors.js";
import { createUserRequestSchema, listUsersQuerySchema, updateUserRequestSchema } from "./users.js";

describe("createUserRequestSchema", () => {
  const valid = { displayName: "Ana Silva", email: "Ana.Silva@Contoso.test", usageLocation: "nl" };

  it("normalises email to lower case and usage location to upper case, with defaults", () => {
    expect(createUserRequestSchema.parse(valid)).toEqual({
      displayName: "Ana Silva",
      email: "ana.silva@contoso.test",
      usageLocation: "NL",
      userType: "member",
      accountEnabled: true,
      assignedLicenses: [],
      dryRun: false,
    });
  });

  it("takes licenses for the new user, each skuId once", () => {
    const skuId = "f8a1db68-be16-40ed-86d5-cb42ce701560";
    expect(createUserRequestSchema.parse({ ...valid, assignedLicenses: [{ skuId }] }).assignedLicenses).toEqual([
      { skuId, disabledPlans: [] },
    ]);
    expect(createUserRequestSchema.safeParse({ ...valid, assignedLicenses: [{ skuId }, { skuId }] }).success).toBe(
      false,
    );
  });

  it("accepts a null usage location (not set)", () => {
    expect(createUserRequestSchema.parse({ ...valid, usageLocation: null }).usageLocation).toBeNull();
  });

  it.each([
    ["an unknown country", { usageLocation: "XX" }],
    ["a country name", { usageLocation: "Netherlands" }],
    ["a bad email", { email: "not-an-email" }],
    ["an empty name", { displayName: "   " }],
    ["a name with control characters", { displayName: "Ana\u0000Silva" }],
    ["a huge name", { displayName: "x".repeat(257) }],
    ["an unknown field", { isAdmin: true }],
    ["a short password", { password: "short" }],
    ["a wrong user type", { userType: "admin" }],
  ])("refuses %s", (_, change) => {
    expect(createUserRequestSchema.safeParse({ ...valid, ...change }).success).toBe(false);
  });
});

describe("updateUserRequestSchema", () => {
  it("needs at least one field", () => {
    expect(updateUserRequestSchema.safeParse({}).success).toBe(false);
    expect(updateUserRequestSchema.safeParse({ accountEnabled: false }).success).toBe(true);
  });
});

describe("listUsersQuerySchema", () => {
  it("coerces query-string values and defaults the page size", () => {
    expect(listUsersQuerySchema.parse({ licensed: "false", limit: "20" })).toEqual({ licensed: false, limit: 20 });
    expect(listUsersQuerySchema.parse({}).limit).toBe(50);
  });

  it.each([{ limit: "0" }, { limit: "201" }, { licensed: "yes" }, { type: "admin" }, { unknown: "1" }])(
    "refuses %o",
    (query) => {
      expect(listUsersQuerySchema.safeParse(query).success).toBe(false);
    },
  );
});

describe("error codes", () => {
  it("maps every code to a 4xx or 5xx status", () => {
    for (const code of ERROR_CODES) expect(ERROR_STATUS[code]).toBeGreaterThanOrEqual(400);
  });
});

describe("page size", () => {
  it.each(["0x10", "1e2", " 7", "7.5", "-1"])("refuses limit=%s", (limit) => {
    expect(listUsersQuerySchema.safeParse({ limit }).success).toBe(false);
  });
});
