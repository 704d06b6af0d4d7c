import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

const PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

/** A temporary password a person can read aloud: no look-alike characters, ~95 bits. */
export function temporaryPassword(length = 16): string {
  const bytes = randomBytes(length);
  let password = "";
  for (const byte of bytes) password += PASSWORD_ALPHABET[byte % PASSWORD_ALPHABET.length];
  return password;
}

/**
 * A generated one-time password of at least 96 bits: 18 characters of the same readable alphabet (log2(57) ≈ 5.83
 * bits each, ≈ 105 bits), drawn without modulo bias. Its randomness is what lets it be stored with SHA-256 instead
 * of argon2id (see hashGeneratedPassword); `temporaryPassword` (16 characters, slightly biased) is ~93 bits.
 */
export function oneTimePassword(length = 18): string {
  // The largest multiple of the alphabet's size below 256: bytes at or above it are drawn again.
  const limit = 256 - (256 % PASSWORD_ALPHABET.length);
  let password = "";
  while (password.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < limit && password.length < length) password += PASSWORD_ALPHABET[byte % PASSWORD_ALPHABET.length];
    }
  }
  return password;
}
