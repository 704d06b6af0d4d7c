import { hashGeneratedPassword, hashPassword, verifyPassword } from "@allot/db";
import { describe, expect, it } from "vitest";
import { oneTimePassword, temporaryPassword } from "./tokens.js";

describe("generated one-time passwords", () => {
  it("have at least 96 bits of randomness: 18 characters of a 57-letter alphabet", () => {
    const password = oneTimePassword();
    expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9]{18}$/);
    expect(password.length * Math.log2(57)).toBeGreaterThanOrEqual(96);
    expect(new Set(Array.from({ length: 200 }, () => oneTimePassword())).size).toBe(200);
  });

  it("use every letter about equally (no modulo bias)", () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2_000; i++) for (const char of oneTimePassword()) counts.set(char, (counts.get(char) ?? 0) + 1);
    expect(counts.size).toBe(57);
    const mean = (2_000 * 18) / 57;
    for (const count of counts.values()) expect(Math.abs(count - mean)).toBeLessThan(mean * 0.3);
  });

  it("are stored as sha256$<hex>, which verifyPassword accepts next to argon2id", async () => {
    const password = oneTimePassword();
    const stored = hashGeneratedPassword(password);
    expect(stored).toMatch(/^sha256\$[0-9a-f]{64}$/);
    expect(await verifyPassword(stored, password)).toBe(true);
    expect(await verifyPassword(stored, `${password}x`)).toBe(false);
    expect(await verifyPassword(stored, "")).toBe(false);
    expect(await verifyPassword("sha256$abc", password)).toBe(false);
    const chosen = await hashPassword("a chosen password");
    expect(chosen.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(chosen, "a chosen password")).toBe(true);
  });

  it("refuse a password too short to be a generated one", () => {
    expect(() => hashGeneratedPassword(temporaryPassword(12))).toThrow(/96 bits/);
  });
});
