// Bulk directory fixture: big tenants of generated users, loaded with set-based SQL through raw pg.
import { DEMO_PASSWORD, hashPassword } from "@allot/db";
import pg from "pg";

// Varied, international names; display names become "Firstname Lastname 123456" (the number keeps them unique).
const FIRST_NAMES = [
  "Aaliyah",
  "Adele",
  "Ahmed",
  "Aiko",
  "Alejandro",
  "Alex",
  "Amara",
  "Ana",
  "Anders",
  "Anouk",
  "Arjun",
  "Astrid",
  "Beatriz",
  "Bianca",
  "Bram",
  "Carlos",
  "Carmen",
  "Chen",
  "Chloé",
  "Daan",
  "Dmitri",
  "Elif",
  "Emma",
  "Emre",
  "Eva",
  "Farah",
  "Fatima",
  "Femke",
  "Finn",
  "François",
  "Gabriel",
  "Greta",
  "Hana",
  "Hannah",
  "Hiroshi",
  "Ingrid",
  "Isaac",
  "Isabella",
  "Jakub",
  "Jamal",
  "Jasper",
  "Johanna",
  "Jonas",
  "José",
  "Julia",
  "Kai",
  "Karim",
  "Katarzyna",
  "Kenji",
  "Lars",
  "Laura",
  "Leila",
  "Liam",
  "Lotte",
  "Lucas",
  "Maja",
  "Marco",
  "Maria",
  "Mateo",
  "Megan",
  "Mei",
  "Mohammed",
  "Nadia",
  "Niamh",
  "Nikolai",
  "Noah",
  "Olga",
  "Omar",
  "Oscar",
  "Pablo",
  "Priya",
  "Rahul",
  "Rosa",
  "Ruben",
  "Saanvi",
  "Sakura",
  "Sanne",
  "Sofia",
  "Søren",
  "Tariq",
  "Thijs",
  "Tomasz",
  "Valentina",
  "Wei",
  "Yara",
  "Yusuf",
  "Zara",
  "Zoë",
];
const LAST_NAMES = [
  "Abbas",
  "Andersen",
  "Bakker",
  "Becker",
  "Bianchi",
  "Bowen",
  "Brown",
  "Castillo",
  "Chen",
  "Cohen",
  "Costa",
  "Dekker",
  "de Jong",
  "de Vries",
  "Dubois",
  "Eriksson",
  "Fernandez",
  "Fischer",
  "García",
  "Gupta",
  "Hansen",
  "Hendriks",
  "Hoffmann",
  "Holloway",
  "Ito",
  "Ivanova",
  "Jansen",
  "Johnson",
  "Kaya",
  "Khan",
  "Kim",
  "Kowalski",
  "Kumar",
  "Larsen",
  "Laurent",
  "Lindqvist",
  "Lopez",
  "Martin",
  "Martinez",
  "Meyer",
  "Moreau",
  "Mulder",
  "Müller",
  "Murphy",
  "Nakamura",
  "Nguyen",
  "Nilsson",
  "Novak",
  "O'Brien",
  "Okafor",
  "Olsen",
  "Ortega",
  "Patel",
  "Peeters",
  "Petrov",
  "Popescu",
  "Rossi",
  "Rossi-Kim",
  "Santos",
  "Schmidt",
  "Silva",
  "Singh",
  "Smit",
  "Smith",
  "Suzuki",
  "Tanaka",
  "Van den Berg",
  "Visser",
  "Wagner",
  "Walsh",
  "Wang",
  "Weber",
  "Wilke",
  "Williams",
  "Wójcik",
  "Yamamoto",
  "Yilmaz",
  "Zhang",
];
// Weighted: repeats make some countries more common.
const LOCATIONS = [
  "US",
  "US",
  "US",
  "US",
  "GB",
  "GB",
  "NL",
  "NL",
  "DE",
  "DE",
  "FR",
  "BE",
  "IN",
  "JP",
  "BR",
  "ES",
  "SE",
  "PL",
];
const GUEST_DOMAINS = ["gmail.test", "outlook.test", "litware.test", "adatum.test", "northwind.test"];

export interface DirectoryTenant {
  id: string;
  name: string;
  domain: string;
  users: number;
}

export interface Directory {
  bench: DirectoryTenant;
  neighbours: DirectoryTenant[];
  admin: { email: string; password: string };
  counts: { users: number; benchUsers: number; licenseAssignments: number; roleAssignments: number };
  loadMs: number;
}

export interface DirectoryOptions {
  benchUsers: number;
  /** Users of each of the two neighbour tenants; their rows are interleaved with Bench Corp's in the heap. */
  neighbourUsers: number;
}

/**
 * Adds "Bench Corp" (bench.test) with `benchUsers` users and two neighbour tenants, plus licenses on ~70 % of
 * licensable members, a sprinkle of admin roles, a global admin who can sign in, then VACUUM ANALYZE.
 */
export async function loadDirectory(databaseUrl: string, options: DirectoryOptions): Promise<Directory> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tenants = await client.query<{ id: string; name: string; domain: string }>(
      `INSERT INTO "Tenant" (id, name, domain, kind)
       VALUES (gen_random_uuid(), 'Bench Neighbour A', 'bench-a.test', 'customer'),
              (gen_random_uuid(), 'Bench Corp', 'bench.test', 'customer'),
              (gen_random_uuid(), 'Bench Neighbour B', 'bench-b.test', 'customer')
       RETURNING id, name, domain`,
    );
    const byDomain = new Map(tenants.rows.map((t) => [t.domain, t]));
    const bench = byDomain.get("bench.test") as { id: string; name: string; domain: string };
    const a = byDomain.get("bench-a.test") as { id: string; name: string; domain: string };
    const b = byDomain.get("bench-b.test") as { id: string; name: string; domain: string };

    // Rows of the three tenants are interleaved (as if created over time): row i belongs to a neighbour when
    // i % spacing = 0 (alternately A and B) until both have their users.
    const total = options.benchUsers + 2 * options.neighbourUsers;
    const spacing = Math.max(2, Math.floor(total / Math.max(1, 2 * options.neighbourUsers)));
    await client.query("SELECT setseed(0.4242)");
    await client.query(
      `WITH src AS MATERIALIZED (
         SELECT i,
                -- a bijection of 1..total onto 6-digit numbers, so numbers do not follow insertion order
                100000 + (i::bigint * 7919) % 900000 AS n,
                ($1::text[])[1 + floor(random() * cardinality($1::text[]))::int] AS first,
                ($2::text[])[1 + floor(random() * cardinality($2::text[]))::int] AS last,
                random() AS r_type, random() AS r_loc, random() AS r_enabled, random() AS r_signin, random() AS r_deleted,
                random() AS r_created
         FROM generate_series(1, $3::int) AS g(i)
       ), placed AS (
         SELECT src.*,
                CASE WHEN i % $4::int = 0 AND i / $4::int <= $10::int
                     THEN (CASE WHEN (i / $4::int) % 2 = 0 THEN $6::uuid ELSE $7::uuid END)
                     ELSE $5::uuid END AS tenant,
                r_type < 0.08 AS guest
         FROM src
       )
       INSERT INTO "User" (id, "tenantId", "displayName", email, "userType", "usageLocation", "accountEnabled",
                           "lastSignInAt", "deletedAt", "createdAt", "updatedAt")
       SELECT gen_random_uuid(),
              tenant,
              first || ' ' || last || ' ' || n || CASE WHEN guest THEN ' (Guest)' ELSE '' END,
              regexp_replace(lower(first), '[^a-z0-9]', '', 'g') || '.' || regexp_replace(lower(last), '[^a-z0-9]', '', 'g')
                || '.' || n || '@'
                || CASE WHEN guest THEN ($8::text[])[1 + (n % cardinality($8::text[]))]
                        WHEN tenant = $5::uuid THEN 'bench.test'
                        WHEN tenant = $6::uuid THEN 'bench-b.test' ELSE 'bench-a.test' END,
              CASE WHEN guest THEN 'guest' ELSE 'member' END::"UserType",
              CASE WHEN guest OR r_loc < 0.04 THEN NULL
                   ELSE ($9::text[])[1 + floor(r_loc * 1000)::int % cardinality($9::text[])] END,
              r_enabled > 0.03,
              CASE WHEN r_signin < 0.85 THEN now() - r_signin * interval '90 days' END,
              CASE WHEN r_deleted < 0.01 THEN now() - r_deleted * 100 * interval '20 days' END,
              now() - r_created * interval '1000 days',
              now()
       FROM placed`,
      [
        FIRST_NAMES,
        LAST_NAMES,
        total,
        spacing,
        bench.id,
        b.id,
        a.id,
        GUEST_DOMAINS,
        LOCATIONS,
        2 * options.neighbourUsers,
      ],
    );

    // Licenses: ~55 % of licensable members hold E3, ~20 % Power BI Pro, ~10 % Exchange Plan 1 (about 0.85 per user).
    const products = [
      ["SPE_E3", 0.55],
      ["POWER_BI_PRO", 0.2],
      ["EXCHANGESTANDARD", 0.1],
    ] as const;
    const tenantIds = [bench.id, a.id, b.id];
    for (const [sku, share] of products) {
      await client.query(
        `INSERT INTO "LicenseAssignment" (id, "tenantId", "userId", "productId", "disabledServicePlanIds", state, "updatedAt")
         SELECT gen_random_uuid(), u."tenantId", u.id, p.id, '{}', 'active', now()
         FROM "User" u CROSS JOIN "Product" p
         WHERE p."skuPartNumber" = $1 AND u."tenantId" = ANY($2::uuid[]) AND u."userType" = 'member'
           AND u."usageLocation" IS NOT NULL AND u."deletedAt" IS NULL AND random() < $3`,
        [sku, tenantIds, share],
      );
      // Subscriptions and seat counters that match the assignments, so the fixture stays consistent.
      await client.query(
        `WITH used AS (
           SELECT la."tenantId", la."productId", count(*)::int AS n
           FROM "LicenseAssignment" la JOIN "Product" p ON p.id = la."productId"
           WHERE p."skuPartNumber" = $1 AND la."tenantId" = ANY($2::uuid[])
           GROUP BY la."tenantId", la."productId"
         ), subs AS (
           INSERT INTO "Subscription" (id, "tenantId", "productId", seats, "billingTerm", "termStartsAt", "termEndsAt", "updatedAt")
           SELECT gen_random_uuid(), "tenantId", "productId", n + 100, 'annual', now() - interval '100 days', now() + interval '265 days', now()
           FROM used
         )
         INSERT INTO "TenantProduct" ("tenantId", "productId", "consumedUnits")
         SELECT "tenantId", "productId", n FROM used`,
        [sku, tenantIds],
      );
    }

    // A few admins among the generated users (~0.5 %), and the bench's own global admin who signs in.
    await client.query(
      `INSERT INTO "RoleAssignment" (id, "tenantId", "userId", role)
       SELECT gen_random_uuid(), u."tenantId", u.id,
              (ARRAY['userAdmin', 'helpdeskAdmin', 'licenseAdmin', 'billingAdmin'])[1 + floor(random() * 4)::int]::"TenantRole"
       FROM "User" u
       WHERE u."tenantId" = ANY($1::uuid[]) AND u."userType" = 'member' AND random() < 0.005`,
      [tenantIds],
    );
    const admin = { email: "admin@bench.test", password: DEMO_PASSWORD };
    const passwordHash = await hashPassword(admin.password);
    await client.query(
      `WITH u AS (
         INSERT INTO "User" (id, "tenantId", "displayName", email, "userType", "usageLocation", "passwordHash", "updatedAt")
         VALUES (gen_random_uuid(), $1, 'Bench Admin', $2, 'member', 'US', $3, now())
         RETURNING id, "tenantId"
       )
       INSERT INTO "RoleAssignment" (id, "tenantId", "userId", role) SELECT gen_random_uuid(), "tenantId", id, 'globalAdmin' FROM u`,
      [bench.id, admin.email, passwordHash],
    );

    // Settle the table the way autovacuum would on a live system: flushed GIN pending lists, visibility map, stats.
    await client.query(
      `VACUUM (ANALYZE) "User", "LicenseAssignment", "RoleAssignment", "Subscription", "TenantProduct"`,
    );

    const counts = await client.query<{ users: number; bench: number; la: number; ra: number; a: number; b: number }>(
      `SELECT (SELECT count(*) FROM "User")::int AS users,
              (SELECT count(*) FROM "User" WHERE "tenantId" = $1)::int AS bench,
              (SELECT count(*) FROM "User" WHERE "tenantId" = $2)::int AS a,
              (SELECT count(*) FROM "User" WHERE "tenantId" = $3)::int AS b,
              (SELECT count(*) FROM "LicenseAssignment")::int AS la,
              (SELECT count(*) FROM "RoleAssignment")::int AS ra`,
      [bench.id, a.id, b.id],
    );
    const c = counts.rows[0] as { users: number; bench: number; la: number; ra: number; a: number; b: number };
    return {
      bench: { ...bench, users: c.bench },
      neighbours: [
        { ...a, users: c.a },
        { ...b, users: c.b },
      ],
      admin,
      counts: { users: c.users, benchUsers: c.bench, licenseAssignments: c.la, roleAssignments: c.ra },
      loadMs: performance.now() - started,
    };
  } finally {
    await client.end();
  }
}
