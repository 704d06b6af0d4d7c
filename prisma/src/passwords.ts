import { createHash, timingSafeEqual } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id baseline (19 MiB, 2 passes): slow enough to hurt guessing, fast enough for a login path.
// algorithm 2 is Argon2id (the package exports it as an ambient const enum, which isolated modules cannot read).
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/**
 * The scheme of a generated one-time password's hash. Key stretching (argon2id) protects passwords people choose,
 * which can be guessed; a generated password with at least 96 bits of randomness cannot be guessed, so one round
 * of SHA-256 protects it as well — the reasoning the app already applies to client secrets and personal access
 * tokens. It matters at scale: argon2id for the 50,000 users of one import takes tens of minutes of CPU, SHA-256
 * milliseconds. Only generated passwords get this scheme (and their users must choose a new password, which is
 * stored with argon2id); never hash a password a person chose with it.
 */
const ONE_TIME_PREFIX = "sha256$";

/** Minimum length of a generated password accepted here: 17 characters of a 57-letter alphabet are ≥ 99 bits. */
const MIN_ONE_TIME_LENGTH = 17;

export function hashGeneratedPassword(password: string): string {
  if (password.length < MIN_ONE_TIME_LENGTH) throw new Error("a generated password needs at least 96 bits");
  return ONE_TIME_PREFIX + createHash("sha256").update(password).digest("hex");
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (passwordHash.startsWith(ONE_TIME_PREFIX)) {
    const expected = Buffer.from(passwordHash.slice(ONE_TIME_PREFIX.length), "hex");
    const actual = createHash("sha256").update(password).digest();
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
