import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/app-error.js";
import { decodeSkipToken, encodeSkipToken, type KeysetPosition } from "./skip-token.js";

const FINGERPRINT = "query-fingerprint";
const position: fc.Arbitrary<KeysetPosition> = fc.record({
  id: fc.uuid(),
  displayName: fc.option(
    fc.string({ unit: "binary", maxLength: 40 }).filter((s) => !/[\p{Cc}\p{Cs}]/u.test(s)),
    { nil: null },
  ),
});

describe("skip tokens", () => {
  it("hand back the position they were made of", () => {
    fc.assert(
      fc.property(position, (at) => {
        expect(decodeSkipToken(encodeSkipToken(FINGERPRINT, at), FINGERPRINT, at.displayName !== null)).toEqual(at);
      }),
    );
  });

  it("refuse any change to a character, or decode to the very same position", () => {
    fc.assert(
      fc.property(position, fc.nat(), fc.constantFrom(..."AZaz09-_"), (at, index, replacement) => {
        const token = encodeSkipToken(FINGERPRINT, at);
        const where = index % token.length;
        const changed = `${token.slice(0, where)}${replacement}${token.slice(where + 1)}`;
        try {
          // The last character of unpadded base64 carries bits no byte uses: changing those changes nothing.
          expect(decodeSkipToken(changed, FINGERPRINT, at.displayName !== null)).toEqual(at);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).code).toBe("ValidationFailed");
        }
      }),
      { numRuns: 500 },
    );
  });
});
