import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeThrottle, recordFailure, throttleKey } from "../src/services/auth/sign-in-throttle.js";
import { makeUser, signInFailures, uniqueEmail } from "./fixtures.js";
import { createTestApp, problem, type TestApp } from "./helpers.js";

/**
 * Sign-in lockout as an outside probe attacked it: parallel guesses cannot slip past the lock (the count and the
 * decision are one statement, taken after the password was verified), the right password is refused while locked,
 * an unknown email answers exactly like a known one (status, body, count, time), and a stranger at one address
 * cannot lock the real user out from another until the much higher per-name ceiling.
 */

const PASSWORD = "Correct-horse-battery-1";
const THRESHOLD = 5;
const ACCOUNT_THRESHOLD = 20;

let t: TestApp;

function attempt(email: string, password: string, remoteAddress = "127.0.0.1") {
  return t.app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password }, remoteAddress });
}

beforeAll(async () => {
  // The per-address rate limit is its own test (auth.test.ts); here it must not answer before the lockout does.
  t = await createTestApp({
    loginRateLimitPerMinute: 10_000,
    lockoutThreshold: THRESHOLD,
    lockoutAccountThreshold: ACCOUNT_THRESHOLD,
  });
});
afterAll(() => t.close());

const countOf = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

describe("parallel attempts", () => {
  it("50 wrong passwords at once: exactly 4 answer 401, the 5th locks, the other 45 answer 423", async () => {
    const user = await makeUser(t.db, t.tenants.contoso, { password: PASSWORD });
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => attempt(user.email, `wrong-${i}`)));
    const statuses = responses.map((response) => response.statusCode);
    expect(countOf(statuses, 401)).toBe(THRESHOLD - 1);
    expect(countOf(statuses, 423)).toBe(50 - (THRESHOLD - 1));
    for (const response of responses) expect(response.cookies).toEqual([]);
    expect(await t.db.auditEvent.count({ where: { action: "auth.accountLocked", targetId: user.id } })).toBe(1);
    expect(await t.db.auditEvent.count({ where: { action: "auth.signInFailed", targetId: user.id } })).toBe(49);
    // The failures refused by the lock were not counted: the lock neither grew nor would end early.
    expect(await signInFailures(t.db, user.email)).toMatchObject({ fromAddress: THRESHOLD, everywhere: THRESHOLD });
    expect((await attempt(user.email, PASSWORD)).statusCode).toBe(423);
  });

  it("49 wrong and the right one at once: at most one gets in, the lock still comes, and holds against the right one", async () => {
    const user = await makeUser(t.db, t.tenants.contoso, { password: PASSWORD });
    const passwords = Array.from({ length: 50 }, (_, i) => (i === 25 ? PASSWORD : `wrong-${i}`));
    const statuses = (await Promise.all(passwords.map((password) => attempt(user.email, password)))).map(
      (response) => response.statusCode,
    );
    expect(countOf(statuses, 200) + countOf(statuses, 401) + countOf(statuses, 423)).toBe(50);
    expect(countOf(statuses, 200)).toBeLessThanOrEqual(1);
    // A sign-in before the lock forgets this address's earlier failures once: never more than two runs of 4.
    expect(countOf(statuses, 401)).toBeLessThanOrEqual(
      countOf(statuses, 200) === 1 ? 2 * (THRESHOLD - 1) : THRESHOLD - 1,
    );
    expect(countOf(statuses, 423)).toBeGreaterThanOrEqual(50 - 1 - 2 * (THRESHOLD - 1));
    const after = await attempt(user.email, PASSWORD);
    expect(after.statusCode).toBe(423);
    expect(problem(after).code).toBe("AccountLocked");
  });
});

describe("the one failure that locks", () => {
  it("is told apart from the next one even when both come in the same millisecond", async () => {
    const key = throttleKey(uniqueEmail("contoso.test", "same-ms"), "127.0.0.1");
    const policy = { addressThreshold: THRESHOLD, accountThreshold: ACCOUNT_THRESHOLD, lockoutMs: 15 * 60_000 };
    const now = new Date();
    const outcomes = [];
    for (let i = 0; i < THRESHOLD + 2; i++) outcomes.push(await recordFailure(t.db, key, policy, now, null));
    expect(outcomes.map((o) => [o.counted, o.locked !== null])).toEqual([
      [true, false],
      [true, false],
      [true, false],
      [true, false],
      [true, true],
      [false, true],
      [false, true],
    ]);
  });
});

describe("unknown emails answer like known ones", () => {
  it("the same statuses, bodies and counts, 423 after the same number of failures", async () => {
    const known = await makeUser(t.db, t.tenants.contoso, { password: PASSWORD });
    const unknown = uniqueEmail("contoso.test", "nobody");
    const walk = async (email: string) => {
      const answers = [];
      for (let i = 0; i < THRESHOLD + 2; i++) answers.push(await attempt(email, `wrong-${i}`));
      return answers;
    };
    const [knownAnswers, unknownAnswers] = [await walk(known.email), await walk(unknown)];
    const shape = (response: Awaited<ReturnType<typeof attempt>>) => {
      const { requestId: _id, retryAfterSeconds, ...rest } = problem(response) as Record<string, unknown>;
      return {
        status: response.statusCode,
        retryAfter: response.headers["retry-after"] !== undefined,
        hasRetryAfterSeconds: retryAfterSeconds !== undefined,
        ...rest,
      };
    };
    expect(unknownAnswers.map(shape)).toEqual(knownAnswers.map(shape));
    expect(knownAnswers.map((response) => response.statusCode)).toEqual([401, 401, 401, 401, 423, 423, 423]);
    expect(await signInFailures(t.db, unknown)).toEqual(await signInFailures(t.db, known.email).then(withoutDates));
    function withoutDates(counts: Awaited<ReturnType<typeof signInFailures>>) {
      return { ...counts, lockedHere: expect.any(Date), lockedEverywhere: null };
    }
  });

  it("take the same time within noise (both verify a real argon2 hash and send the same statement)", async () => {
    const rounds = 15;
    const known = await Promise.all(
      Array.from({ length: rounds }, () => makeUser(t.db, t.tenants.contoso, { password: PASSWORD })),
    );
    const times = { known: [] as number[], unknown: [] as number[] };
    // Interleaved, one failure per name (no lock), so both sides share whatever else the machine is doing.
    for (let i = 0; i < rounds; i++) {
      for (const [side, email] of [
        ["known", known[i]?.email as string],
        ["unknown", uniqueEmail("contoso.test", "ghost")],
      ] as const) {
        const started = performance.now();
        expect((await attempt(email, "wrong-password")).statusCode).toBe(401);
        times[side].push(performance.now() - started);
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
    const [k, u] = [median(times.known), median(times.unknown)];
    console.log(`sign-in failure, median of ${rounds}: known email ${k.toFixed(1)} ms, unknown ${u.toFixed(1)} ms`);
    // Skipping the dummy verification would make one side 20× faster; a busy machine moves medians by far less.
    expect(Math.max(k, u) / Math.min(k, u)).toBeLessThan(2.5);
  });
});

describe("per name × client address, with a higher ceiling per name", () => {
  it("a stranger locked out at one address does not lock the real user out elsewhere", async () => {
    const user = await makeUser(t.db, t.tenants.contoso, { password: PASSWORD });
    const stranger = "203.0.113.9";
    for (let i = 0; i < 10; i++) await attempt(user.email, `guess-${i}`, stranger);
    expect((await attempt(user.email, PASSWORD, stranger)).statusCode).toBe(423);
    // Failures refused by the stranger's lock did not count toward the name's ceiling.
    expect((await signInFailures(t.db, user.email, stranger)).everywhere).toBe(THRESHOLD);
    const atHome = await attempt(user.email, PASSWORD, "198.51.100.20");
    expect(atHome.statusCode).toBe(200);
  });

  it("guessing spread over many addresses locks the name everywhere at the per-name ceiling", async () => {
    const user = await makeUser(t.db, t.tenants.contoso, { password: PASSWORD });
    const addresses = Array.from({ length: ACCOUNT_THRESHOLD / (THRESHOLD - 1) }, (_, i) => `203.0.113.${20 + i}`);
    const statuses: number[] = [];
    for (const address of addresses) {
      for (let i = 0; i < THRESHOLD - 1; i++)
        statuses.push((await attempt(user.email, `guess-${i}`, address)).statusCode);
    }
    // The last of the 20 failures reached the ceiling; none of the addresses reached its own threshold.
    expect(statuses.slice(0, -1).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(423);
    const locked = await attempt(user.email, PASSWORD, "198.51.100.20");
    expect(locked.statusCode).toBe(423);
    expect((await signInFailures(t.db, user.email)).lockedEverywhere).not.toBeNull();
  });

  it("forgets failures and ended locks after the lockout period (housekeeping)", async () => {
    const email = uniqueEmail("contoso.test", "stale");
    await attempt(email, "wrong");
    expect((await signInFailures(t.db, email)).everywhere).toBe(1);
    await purgeThrottle(t.db, new Date(Date.now() + 16 * 60_000), 15 * 60_000);
    expect(await signInFailures(t.db, email)).toMatchObject({ fromAddress: 0, everywhere: 0 });
  });
});
