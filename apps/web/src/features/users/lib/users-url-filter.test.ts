import { describe, expect, it } from "vitest";
import { activeFilters, licenseFilterParams, licenseFilterValue } from "./users-url-filter";

describe("the Licenses filter", () => {
  it("is one select value for licensed, unlicensed or one product, and back", () => {
    expect(licenseFilterValue({})).toBe("");
    expect(licenseFilterValue({ licensed: true })).toBe("licensed");
    expect(licenseFilterValue({ licensed: false })).toBe("unlicensed");
    expect(licenseFilterValue({ licensed: true, skuId: "s1" })).toBe("sku:s1");
    expect(licenseFilterParams("sku:s1")).toEqual({ licensed: undefined, sku: "s1" });
    expect(licenseFilterParams("unlicensed")).toEqual({ licensed: "false", sku: undefined });
    expect(licenseFilterParams("")).toEqual({ licensed: undefined, sku: undefined });
  });
});

describe("activeFilters", () => {
  it("lists the filters in force in chip order, each with what removes it", () => {
    expect(activeFilters({ search: "ann", type: "member", role: "globalAdmin", licensed: false }, "active")).toEqual([
      { key: "q", clear: { q: undefined } },
      { key: "type", clear: { type: undefined } },
      { key: "role", clear: { role: undefined } },
      { key: "license", clear: { licensed: undefined, sku: undefined } },
    ]);
  });

  it("does not count the guest type that the Guests list implies", () => {
    expect(activeFilters({ type: "guest" }, "guests")).toEqual([]);
    expect(activeFilters({ deleted: true }, "deleted")).toEqual([]);
  });
});
