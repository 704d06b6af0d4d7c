import { describe, expect, it } from "vitest";
import { texts as homeNl } from "../../features/home/texts/nl";
import { nl } from "./nl";

/**
 * One Dutch term per concept, as Microsoft's Dutch admin center words it. Each entry: the rejected variants (a
 * pattern over the source text, so texts built by functions are covered too) and the term to use instead.
 */
const REJECTED: ReadonlyArray<{ variant: RegExp; use: string }> = [
  { variant: /\bgetoond(e)?\b/i, use: "weergegeven" },
  { variant: /\bterug(ge)?win(nen|t|ning)?\b|\bteruggewonnen\b/i, use: "terugvorderen (licenties terugvorderen)" },
  { variant: /\bStartpagina\b/, use: "Start (the admin center's Home)" },
];

/** Every source file of the web app (tests aside), as text. */
const SOURCES = import.meta.glob<string>(["../../**/*.{ts,tsx}", "!../../**/*.test.{ts,tsx}"], {
  query: "?raw",
  import: "default",
  eager: true,
});

describe("Dutch wording", () => {
  it("uses one term per concept everywhere in the web app", () => {
    const files = Object.entries(SOURCES);
    expect(files.length).toBeGreaterThan(100);
    const found: string[] = [];
    for (const [file, text] of files) {
      text.split("\n").forEach((line, index) => {
        for (const { variant, use } of REJECTED) {
          if (variant.test(line)) found.push(`${file}:${index + 1}: use "${use}": ${line.trim()}`);
        }
      });
    }
    expect(found).toEqual([]);
  });

  it("names Home as Microsoft's Dutch admin center does", () => {
    expect(nl.shell.nav.home).toBe("Start");
    expect(homeNl.title).toBe("Start");
  });
});
