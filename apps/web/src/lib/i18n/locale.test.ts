import { describe, expect, it } from "vitest";
import { dayPattern, formatDay, localeOf, parseDay } from "./locale";

describe("day fields follow the chosen language", () => {
  it("shows a day as the language writes it", () => {
    expect(formatDay("2025-01-31", "nl")).toBe("31-01-2025");
    expect(formatDay("2025-01-31", "en")).toBe("31/01/2025");
    expect(dayPattern("nl")).toBe("dd-mm-jjjj");
    expect(dayPattern("en")).toBe("dd/mm/yyyy");
    expect(localeOf("nl")).toBe("nl-NL");
  });

  it("reads days typed day first, with any separator, or as YYYY-MM-DD", () => {
    for (const text of ["31-01-2025", "31/1/2025", "31.01.2025", " 31-1-2025 ", "2025-01-31"]) {
      expect(parseDay(text), text).toBe("2025-01-31");
    }
  });

  it("refuses days that do not exist and other text", () => {
    for (const text of ["", "30-02-2025", "01-13-2025", "12/31/2025", "31-01-25", "today", "0999-01-01"]) {
      expect(parseDay(text), text).toBeNull();
    }
  });
});
