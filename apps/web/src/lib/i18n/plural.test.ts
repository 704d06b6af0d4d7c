import { describe, expect, it } from "vitest";
import { textTools } from "./plural";

describe("textTools", () => {
  it("chooses one or other by the language's plural rules", () => {
    for (const language of ["en", "nl"] as const) {
      const { plural } = textTools(language);
      expect([0, 1, 2, 21, 1000].map((count) => plural(count, "one", "other"))).toEqual([
        "other",
        "one",
        "other",
        "other",
        "other",
      ]);
    }
  });

  it("writes numbers and signed changes as the language does", () => {
    expect(textTools("en").number(2500)).toBe("2,500");
    expect(textTools("nl").number(2500)).toBe("2.500");
    expect(textTools("en").signed(3)).toBe("+3");
    expect(textTools("nl").signed(-1200)).toBe("−1.200");
  });
});
