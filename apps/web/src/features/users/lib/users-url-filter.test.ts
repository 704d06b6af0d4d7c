import { describe, expect, it } from "vitest";
import {
  activeFilters,
  CLEAR_FILTERS,
  licenseFilterParams,
  licenseFilterValue,
  readUsersFilter,
  viewChange,
} from "./users-url-filter";

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

describe("the directory filters", () => {
  const read = (query: string) => readUsersFilter(new URLSearchParams(query)).filter;

  it("reads department, job title, city and country from the address, the country as an upper-case code", () => {
    expect(read("department=Sales&jobTitle=%20Buyer%20&city=Gent&country=be")).toMatchObject({
      department: "Sales",
      jobTitle: "Buyer",
      city: "Gent",
      country: "BE",
    });
  });

  it("drops what the API would refuse: an unknown country, an empty or too long name, and any on deleted users", () => {
    expect(read(`country=XX&department=&city=${"x".repeat(129)}`)).toMatchObject({
      country: undefined,
      department: undefined,
      city: undefined,
    });
    expect(read("view=deleted&department=Sales").department).toBeUndefined();
  });

  it("shows each as a chip that removes it, and goes with Clear filters and a change of list", () => {
    expect(activeFilters({ department: "Sales", country: "NL" }, "active")).toEqual([
      { key: "department", clear: { department: undefined } },
      { key: "country", clear: { country: undefined } },
    ]);
    for (const changes of [CLEAR_FILTERS, viewChange("guests")]) {
      expect(changes).toMatchObject({
        department: undefined,
        jobTitle: undefined,
        city: undefined,
        country: undefined,
      });
      expect(Object.keys(changes)).toEqual(expect.arrayContaining(["department", "jobTitle", "city", "country"]));
    }
  });
});
