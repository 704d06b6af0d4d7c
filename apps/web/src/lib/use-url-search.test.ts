import { describe, expect, it } from "vitest";
import { searchParam } from "./use-url-search";

describe("searchParam", () => {
  it("trims the text and leaves an empty search out of the address", () => {
    expect(searchParam("  fab ")).toBe("fab");
    expect(searchParam("   ")).toBeUndefined();
    expect(searchParam("")).toBeUndefined();
  });
});
