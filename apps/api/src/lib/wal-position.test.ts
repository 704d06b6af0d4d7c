import { describe, expect, it } from "vitest";
import { parseWalPosition } from "./wal-position.js";

describe("parseWalPosition", () => {
  it("orders positions as PostgreSQL does: the high word first, then the low word", () => {
    const positions = ["0/16B3748", "0/FFFFFFFF", "1/0", "16/B374D848", "FFFFFFFF/FFFFFFFF"].map(parseWalPosition);
    for (let i = 1; i < positions.length; i++)
      expect((positions[i] as bigint) > (positions[i - 1] as bigint)).toBe(true);
    expect(parseWalPosition("16/b374d848")).toBe(parseWalPosition("16/B374D848"));
  });

  it("refuses anything that is not a pg_lsn (a cookie a client made up)", () => {
    for (const text of [undefined, null, "", "16", "16/", "/1", "G/1", "123456789/0", "1/2/3", "1/2; x=y"]) {
      expect(parseWalPosition(text)).toBeNull();
    }
  });
});
