import { describe, expect, it } from "vitest";
import { pageParam, pageSizeParam } from "./use-users-page-params";

describe("the users page's address", () => {
  it("reads a page number, falling back to the first page for anything else", () => {
    expect(pageParam("3")).toBe(3);
    for (const value of [null, "", "0", "-2", "1.5", "abc", "10000"]) expect(pageParam(value), String(value)).toBe(1);
  });

  it("reads a page size the list offers, else 25", () => {
    expect(pageSizeParam("100")).toBe(100);
    for (const value of [null, "30", "0", "x"]) expect(pageSizeParam(value), String(value)).toBe(25);
  });
});
