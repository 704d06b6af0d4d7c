import { type Db, DEMO_ACCOUNTS, DEMO_PASSWORD, verifyPassword } from "@allot/db";

/**
 * The accounts whose password is still the demo password the README publishes. Salted hashes can only be checked
 * one verification at a time, so the candidates are the ones the demo seed could have made: the demo sign-ins by
 * email, and any hash shared by several accounts (the seed gives all its accounts one hash; a password set by a
 * person never shares its salt). In production the API refuses to set the demo password, so no other account can
 * have it. Each distinct hash is verified once.
 */
export async function accountsWithDemoPassword(db: Db): Promise<string[]> {
  const demoEmails = DEMO_ACCOUNTS.map((account) => account.email);
  const candidates = await db.$queryRaw<Array<{ hash: string; emails: string[] }>>`
    SELECT "passwordHash" AS hash, array_agg(email ORDER BY email) AS emails FROM "User"
     WHERE "passwordHash" IS NOT NULL
       AND (email = ANY(${demoEmails}::text[])
            OR "passwordHash" IN (SELECT "passwordHash" FROM "User" WHERE "passwordHash" IS NOT NULL
                                   GROUP BY "passwordHash" HAVING count(*) > 1))
     GROUP BY "passwordHash"`;
  const found: string[] = [];
  for (const candidate of candidates) {
    if (await verifyPassword(candidate.hash, DEMO_PASSWORD)) found.push(...candidate.emails);
  }
  return found.sort();
}
