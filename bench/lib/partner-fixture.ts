// A partner with hundreds of customers, loaded with set-based SQL through raw pg: customers of very uneven size,
// their users, subscriptions, assignments, seat counters and license requests, and the partner's relationships.
import { DEMO_PASSWORD, hashPassword } from "@allot/db";
import pg from "pg";
import { rng } from "./stats.js";

export interface PartnerFixtureOptions {
  customers: number;
  /** Users over all customers, spread by a Zipf law: a few large customers, most small. */
  users: number;
}

export interface PartnerFixture {
  partnerTenantId: string;
  /** The partner's global admin: sees every customer. */
  admin: { email: string; password: string };
  /** An admin agent with a delegated role in every customer (helpdesk too in some). */
  agent: { email: string; password: string };
  counts: {
    customers: number;
    users: number;
    largest: number;
    median: number;
    smallest: number;
    assignments: number;
    subscriptions: number;
    pendingRequests: number;
    /** This partner's relationships: granting access now, removed by the customer, past their end date. */
    granting: number;
    terminated: number;
    ended: number;
    /** Customer × product pairs in license conflict (consumed > seats of active subscriptions), granting customers only. */
    conflicts: number;
    /** Active subscriptions ending within 30 days without renewing, granting customers only. */
    expiring: number;
  };
  loadMs: number;
}

const NAME_A = [
  "Alpine",
  "Amber",
  "Atlas",
  "Aurora",
  "Birch",
  "Blue",
  "Bright",
  "Cedar",
  "Coastal",
  "Copper",
  "Crimson",
  "Delta",
  "Eastern",
  "Emerald",
  "Falcon",
  "Forest",
  "Golden",
  "Granite",
  "Harbor",
  "Highland",
  "Iron",
  "Juniper",
  "Lakeside",
  "Lunar",
  "Maple",
  "Meridian",
  "Northern",
  "Oak",
  "Ocean",
  "Pacific",
  "Pine",
  "Polar",
  "Quartz",
  "Red",
  "River",
  "Silver",
  "Summit",
  "Sun",
  "Urban",
  "Valley",
  "Western",
  "Willow",
];
const NAME_B = [
  "Analytics",
  "Bakery",
  "Builders",
  "Capital",
  "Clinic",
  "Consulting",
  "Design",
  "Dynamics",
  "Energy",
  "Engineering",
  "Foods",
  "Freight",
  "Health",
  "Holdings",
  "Insurance",
  "Labs",
  "Law",
  "Logistics",
  "Media",
  "Motors",
  "Partners",
  "Pharma",
  "Retail",
  "Robotics",
  "Software",
  "Studios",
  "Systems",
  "Textiles",
  "Travel",
  "Ventures",
];
const NAME_C = ["", "", "", " Group", " B.V.", " GmbH", " Ltd", " Inc.", " & Co", " International", " NV", " SA"];

const FIRST = ["Anna", "Bram", "Carlos", "Daan", "Emma", "Farah", "Hana", "Jonas", "Julia", "Kenji", "Lars", "Lotte"];
const LAST = ["Bakker", "Chen", "de Vries", "Garcia", "Jansen", "Khan", "Meyer", "Novak", "Smit", "Tanaka", "Visser"];

/** Customer names and domains, deterministic and unique. */
export function customerNames(count: number, seed = 11): Array<{ name: string; domain: string }> {
  const random = rng(seed);
  const seen = new Set<string>();
  const out: Array<{ name: string; domain: string }> = [];
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  while (out.length < count) {
    const name = `${pick(NAME_A)} ${pick(NAME_B)}${pick(NAME_C)}`;
    if (seen.has(name)) continue;
    seen.add(name);
    const slug = name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
    out.push({ name, domain: `${slug}.test` });
  }
  return out;
}

/** Users per customer: Zipf (1/rank), at least 20 each, summing to `total`; ranks shuffled over the customers. */
function customerSizes(customers: number, total: number, seed = 23): number[] {
  const harmonic = Array.from({ length: customers }, (_, i) => 1 / (i + 1)).reduce((s, x) => s + x, 0);
  const sizes = Array.from({ length: customers }, (_, i) => Math.max(20, Math.round(total / (i + 1) / harmonic)));
  sizes[0] = (sizes[0] as number) + total - sizes.reduce((s, x) => s + x, 0);
  const random = rng(seed);
  for (let i = sizes.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [sizes[i], sizes[j]] = [sizes[j] as number, sizes[i] as number];
  }
  return sizes;
}

/** How likely a customer subscribes to each product (user licenses only). */
const OFFERS: Array<[sku: string, chance: number]> = [
  ["O365_BUSINESS_PREMIUM", 0.45],
  ["SPE_E3", 0.4],
  ["EXCHANGESTANDARD", 0.3],
  ["EXCHANGEENTERPRISE", 0.15],
  ["EXCHANGEARCHIVE_ADDON", 0.1],
  ["POWER_BI_PRO", 0.45],
  ["VISIOCLIENT", 0.2],
  ["POWERAUTOMATE_ATTENDED_RPA", 0.12],
];

export async function loadPartnerFixture(databaseUrl: string, options: PartnerFixtureOptions): Promise<PartnerFixture> {
  const started = performance.now();
  // One connection: the offers live in a temporary table.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT setseed(0.2718)");
    const q = async (text: string, values: unknown[] = []) => (await client.query(text, values)).rows;

    // ── Tenants: the partner, another partner sharing some customers, and the customers ──
    const partners = await q(
      `INSERT INTO "Tenant" (id, name, domain, kind)
       VALUES (gen_random_uuid(), 'Bench Partners', 'bench-partner.test', 'partner'),
              (gen_random_uuid(), 'Other Partners', 'other-partner.test', 'partner')
       RETURNING id::text AS id, domain`,
    );
    const partnerId = partners.find((p) => p.domain === "bench-partner.test").id as string;
    const otherId = partners.find((p) => p.domain === "other-partner.test").id as string;
    const names = customerNames(options.customers);
    const sizes = customerSizes(options.customers, options.users);
    const customers = await q(
      `INSERT INTO "Tenant" (id, name, domain, kind, "createdAt")
       SELECT gen_random_uuid(), c.name, c.domain, 'customer', now() - random() * interval '1500 days'
         FROM unnest($1::text[], $2::text[]) AS c(name, domain)
       RETURNING id::text AS id, domain`,
      [names.map((n) => n.name), names.map((n) => n.domain)],
    );
    const idOf = new Map(customers.map((c) => [c.domain as string, c.id as string]));
    const customerIds = names.map((n) => idOf.get(n.domain) as string);

    // ── Users: Zipf-sized customers; ~5 % guests, ~3 % of members without a usage location ──
    await q(
      `INSERT INTO "User" (id, "tenantId", "displayName", email, "userType", "usageLocation", "lastSignInAt", "createdAt", "updatedAt")
       SELECT gen_random_uuid(), c.tenant, f || ' ' || l || ' ' || g.i,
              regexp_replace(lower(f || '.' || l), '[^a-z.]', '', 'g') || '.' || g.i || '@' || c.domain,
              CASE WHEN r < 0.05 THEN 'guest' ELSE 'member' END::"UserType",
              CASE WHEN r < 0.08 THEN NULL ELSE (ARRAY['NL', 'BE', 'DE', 'GB', 'US', 'FR'])[1 + g.i % 6] END,
              now() - random() * interval '120 days', now() - random() * interval '900 days', now()
         FROM unnest($1::uuid[], $2::text[], $3::int[]) AS c(tenant, domain, size)
        CROSS JOIN LATERAL generate_series(1, c.size) AS g(i)
        CROSS JOIN LATERAL (SELECT ($4::text[])[1 + floor(random() * cardinality($4::text[]))::int] AS f,
                                   ($5::text[])[1 + floor(random() * cardinality($5::text[]))::int] AS l,
                                   random() AS r, g.i AS dependent) AS x`,
      [customerIds, names.map((n) => n.domain), sizes, FIRST, LAST],
    );

    // ── Offers: which customer subscribes to which product, and how many of its licensable members hold it ──
    await q(
      // random() is drawn per customer × product in a materialised CTE: in a WHERE that names only w, the planner
      // would evaluate it once per product and give every customer the same products.
      `CREATE TEMP TABLE bench_offer AS
       WITH pairs AS MATERIALIZED (
         SELECT c.id, w.sku, w.chance, random() AS draw
           FROM unnest($1::uuid[]) AS c(id) CROSS JOIN unnest($2::text[], $3::float8[]) AS w(sku, chance)
       )
       SELECT pairs.id AS "tenantId", p.id AS "productId", p."skuPartNumber" AS sku, 0.2 + random() * 0.7 AS share,
              random() AS r, random() AS r2
         FROM pairs JOIN "Product" p ON p."skuPartNumber" = pairs.sku
        WHERE pairs.draw < pairs.chance`,
      [customerIds, OFFERS.map((o) => o[0]), OFFERS.map((o) => o[1])],
    );
    await q(
      `INSERT INTO bench_offer
       SELECT c.id, p.id, p."skuPartNumber", 0.2 + random() * 0.7, random(), random()
         FROM unnest($1::uuid[]) AS c(id) JOIN "Product" p ON p."skuPartNumber" = 'O365_BUSINESS_PREMIUM'
        WHERE NOT EXISTS (SELECT 1 FROM bench_offer o WHERE o."tenantId" = c.id)`,
      [customerIds],
    );

    // ── Assignments (direct), then a maker's self-service Power BI subscription in ~25 % of its customers ──
    await q(
      // As above: a draw per user × product, not one per offer.
      `WITH pairs AS MATERIALIZED (
         SELECT u."tenantId", u.id, o."productId", o.share, random() AS draw
           FROM bench_offer o JOIN "User" u ON u."tenantId" = o."tenantId"
          WHERE u."userType" = 'member' AND u."usageLocation" IS NOT NULL
       )
       INSERT INTO "LicenseAssignment" (id, "tenantId", "userId", "productId", "disabledServicePlanIds", state, "createdAt", "updatedAt")
       SELECT gen_random_uuid(), "tenantId", id, "productId", '{}', 'active', now() - random() * interval '600 days', now()
         FROM pairs WHERE draw < share`,
    );
    await q(
      `CREATE TEMP TABLE bench_self AS
       SELECT gen_random_uuid() AS id, o."tenantId", o."productId",
              (SELECT u.id FROM "User" u WHERE u."tenantId" = o."tenantId" AND u."userType" = 'member' LIMIT 1) AS owner
         FROM bench_offer o WHERE o.sku = 'POWER_BI_PRO' AND o.r2 < 0.25`,
    );
    await q(
      `INSERT INTO "Subscription" (id, "tenantId", "productId", seats, source, "ownerUserId", "billingTerm", "termStartsAt", "termEndsAt", "updatedAt")
       SELECT id, "tenantId", "productId", 5, 'selfService', owner, 'monthly', now() - interval '10 days', now() + interval '20 days', now()
         FROM bench_self`,
    );
    await q(
      `WITH pick AS (
         SELECT x.id, s.id AS sub FROM bench_self s
          CROSS JOIN LATERAL (SELECT la.id FROM "LicenseAssignment" la
                               WHERE la."tenantId" = s."tenantId" AND la."productId" = s."productId" LIMIT 4) x
       )
       UPDATE "LicenseAssignment" la SET "subscriptionId" = pick.sub FROM pick WHERE la.id = pick.id`,
    );

    // ── Seat counters: distinct holders, as the API keeps them ──
    await q(
      `INSERT INTO "TenantProduct" ("tenantId", "productId", "consumedUnits")
       SELECT o."tenantId", o."productId", COALESCE(h.n, 0)
         FROM bench_offer o
         LEFT JOIN (SELECT "tenantId", "productId", count(DISTINCT "userId")::int AS n FROM "LicenseAssignment"
                     WHERE state <> 'error' GROUP BY 1, 2) h
           ON h."tenantId" = o."tenantId" AND h."productId" = o."productId"`,
    );

    // ── Admin subscriptions sized on the holders (less the maker's 5): 7 % short of seats (conflict), 3 % leaning
    //    on an expired subscription (conflict), 12 % ending within 30 days without renewing, 10 % with a monthly
    //    add-on, 3 % with an old disabled one ──
    await q(
      `WITH need AS (
         SELECT o.*, greatest(0, tp."consumedUnits" - CASE WHEN s.id IS NULL THEN 0 ELSE 5 END) AS need
           FROM bench_offer o
           JOIN "TenantProduct" tp ON tp."tenantId" = o."tenantId" AND tp."productId" = o."productId"
           LEFT JOIN bench_self s ON s."tenantId" = o."tenantId" AND s."productId" = o."productId"
       ), main AS (
         SELECT need.*, CASE WHEN r >= 0.10 AND r < 0.22 THEN now() + (1 + random() * 28) * interval '1 day'
                             ELSE now() + (31 + random() * 300) * interval '1 day' END AS ends
           FROM need
       )
       INSERT INTO "Subscription" (id, "tenantId", "productId", seats, state, "autoRenew", "billingTerm", "termStartsAt", "termEndsAt", "updatedAt")
       SELECT gen_random_uuid(), "tenantId", "productId",
              CASE WHEN r < 0.07 THEN greatest(1, need - 1 - floor(need * 0.05 * random())::int)
                   WHEN r < 0.10 THEN greatest(1, need - 1 - floor(need * 0.1)::int)
                   ELSE need + 1 + floor(need * 0.15 * random())::int + floor(random() * 10)::int END,
              'active', NOT (r >= 0.10 AND r < 0.22), 'annual', ends - interval '1 year', ends, now()
         FROM main`,
    );
    await q(
      `INSERT INTO "Subscription" (id, "tenantId", "productId", seats, state, "autoRenew", "billingTerm", "termStartsAt", "termEndsAt", "stateChangedAt", "updatedAt")
       SELECT gen_random_uuid(), o."tenantId", o."productId",
              CASE WHEN o.r < 0.10 THEN 3 + floor(tp."consumedUnits" * 0.1)::int ELSE 5 + floor(random() * 20)::int END,
              x.state::"SubscriptionState", x.state = 'active', 'monthly', x.ends - interval '1 month', x.ends,
              CASE WHEN x.state = 'active' THEN now() - interval '5 days' ELSE x.ends END, now()
         FROM bench_offer o
         JOIN "TenantProduct" tp ON tp."tenantId" = o."tenantId" AND tp."productId" = o."productId"
        CROSS JOIN LATERAL (SELECT CASE WHEN o.r < 0.10 THEN 'expired' WHEN o.r < 0.32 THEN 'active' ELSE 'disabled' END AS state,
                                   CASE WHEN o.r < 0.10 THEN now() - (1 + random() * 20) * interval '1 day'
                                        WHEN o.r < 0.32 THEN now() + (3 + random() * 25) * interval '1 day'
                                        ELSE now() - (35 + random() * 40) * interval '1 day' END AS ends) x
        WHERE o.r < 0.10 OR (o.r >= 0.22 AND o.r < 0.35)`,
    );

    // ── License requests from ~1.2 % of members: a third still pending ──
    await q(
      `WITH asking AS (
         SELECT u.id, u."tenantId", random() AS r FROM "User" u
          WHERE u."tenantId" = ANY($1::uuid[]) AND u."userType" = 'member' AND random() < 0.012
       )
       INSERT INTO "LicenseRequest" (id, "tenantId", "requesterUserId", "productId", status, "createdAt", "decidedAt")
       SELECT gen_random_uuid(), a."tenantId", a.id, o."productId",
              CASE WHEN a.r < 0.33 THEN 'pending' WHEN a.r < 0.7 THEN 'approved' WHEN a.r < 0.9 THEN 'denied' ELSE 'cancelled' END::"LicenseRequestStatus",
              now() - (a.r * 60 + 1) * interval '1 day',
              CASE WHEN a.r >= 0.33 THEN now() - a.r * 30 * interval '1 day' END
         FROM asking a
        CROSS JOIN LATERAL (SELECT o."productId" FROM bench_offer o WHERE o."tenantId" = a."tenantId"
                             ORDER BY random() LIMIT 1) o`,
      [customerIds],
    );

    // ── The partners' staff ──
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const admin = { email: "admin@bench-partner.test", password: DEMO_PASSWORD };
    const agent = { email: "agent@bench-partner.test", password: DEMO_PASSWORD };
    await q(
      `WITH staff AS (
         INSERT INTO "User" (id, "tenantId", "displayName", email, "userType", "usageLocation", "passwordHash", "updatedAt")
         VALUES (gen_random_uuid(), $1, 'Bench Partner Admin', $2, 'member', 'NL', $4, now()),
                (gen_random_uuid(), $1, 'Bench Admin Agent', $3, 'member', 'NL', $4, now())
         RETURNING id, email
       )
       INSERT INTO "RoleAssignment" (id, "tenantId", "userId", role)
       SELECT gen_random_uuid(), $1, id, 'globalAdmin' FROM staff WHERE email = $2`,
      [partnerId, admin.email, agent.email, passwordHash],
    );
    await q(
      `INSERT INTO "User" (id, "tenantId", "displayName", email, "userType", "usageLocation", "updatedAt")
       SELECT gen_random_uuid(), $1, 'Bench Agent ' || g, 'agent' || g || '@bench-partner.test', 'member', 'NL', now()
         FROM generate_series(1, 20) g`,
      [partnerId],
    );
    await q(
      `INSERT INTO "User" (id, "tenantId", "displayName", email, "userType", "usageLocation", "updatedAt")
       VALUES (gen_random_uuid(), $1, 'Other Agent', 'agent@other-partner.test', 'member', 'GB', now())`,
      [otherId],
    );

    // ── Relationships: 8 removed by the customer, 4 past their end date, 15 ending within 90 days; the other
    //    partner reaches 150 of the same customers ──
    await q(
      `INSERT INTO "PartnerRelationship" (id, "partnerTenantId", "customerTenantId", status, "createdAt", "endsAt")
       SELECT gen_random_uuid(), $1, c.id, CASE WHEN k < 8 THEN 'terminated' ELSE 'active' END::"RelationshipStatus",
              now() - (30 + random() * 1000) * interval '1 day',
              CASE WHEN k BETWEEN 8 AND 11 THEN now() - (1 + random() * 60) * interval '1 day'
                   WHEN k BETWEEN 12 AND 26 THEN now() + (1 + random() * 90) * interval '1 day' END
         FROM (SELECT id, row_number() OVER (ORDER BY random()) - 1 AS k FROM unnest($2::uuid[]) AS c(id)) c`,
      [partnerId, customerIds],
    );
    await q(
      `INSERT INTO "PartnerRelationship" (id, "partnerTenantId", "customerTenantId", "createdAt")
       SELECT gen_random_uuid(), $1, c.id, now() - random() * interval '500 days'
         FROM unnest($2::uuid[]) AS c(id) ORDER BY random() LIMIT 150`,
      [otherId, customerIds],
    );
    // The admin agent: adminAgent everywhere, helpdeskAgent in ~30 %; 20 other agents in ~5 % each; the other
    // partner's agent in all of its customers.
    await q(
      `INSERT INTO "DelegatedAccess" (id, "relationshipId", "partnerUserId", role, "tenantId")
       SELECT gen_random_uuid(), r.id, u.id, 'adminAgent'::"DelegatedRole", u."tenantId" FROM "PartnerRelationship" r, "User" u
        WHERE r."partnerTenantId" = $1 AND u.email = $2
       UNION ALL
       SELECT gen_random_uuid(), r.id, u.id, 'helpdeskAgent'::"DelegatedRole", u."tenantId" FROM "PartnerRelationship" r, "User" u
        WHERE r."partnerTenantId" = $1 AND u.email = $2 AND random() < 0.3
       UNION ALL
       SELECT gen_random_uuid(), r.id, u.id, (CASE WHEN random() < 0.5 THEN 'helpdeskAgent' ELSE 'salesAgent' END)::"DelegatedRole", u."tenantId"
         FROM "PartnerRelationship" r JOIN "User" u ON u."tenantId" = r."partnerTenantId"
        WHERE r."partnerTenantId" = $1 AND u.email LIKE 'agent%@bench-partner.test' AND u.email <> $2 AND random() < 0.05
       UNION ALL
       SELECT gen_random_uuid(), r.id, u.id, 'adminAgent'::"DelegatedRole", u."tenantId" FROM "PartnerRelationship" r, "User" u
        WHERE r."partnerTenantId" = $3 AND u.email = 'agent@other-partner.test'`,
      [partnerId, agent.email, otherId],
    );

    await q(
      `VACUUM (ANALYZE) "Tenant", "User", "PartnerRelationship", "DelegatedAccess", "RoleAssignment", "Subscription",
                        "TenantProduct", "LicenseAssignment", "LicenseRequest"`,
    );

    const [row] = await q(
      `WITH sizes AS (SELECT count(*)::int AS n FROM "User" WHERE "tenantId" = ANY($1::uuid[]) GROUP BY "tenantId"),
            rel AS (SELECT * FROM "PartnerRelationship" WHERE "partnerTenantId" = $2),
            granting AS (SELECT "customerTenantId" AS id FROM rel WHERE status = 'active' AND ("endsAt" IS NULL OR "endsAt" > now())),
            enabled AS (SELECT "tenantId", "productId", sum(seats) FILTER (WHERE state = 'active') AS seats
                          FROM "Subscription" WHERE "tenantId" IN (SELECT id FROM granting) GROUP BY 1, 2)
       SELECT (SELECT count(*) FROM sizes)::int AS customers, (SELECT sum(n) FROM sizes)::int AS users,
              (SELECT max(n) FROM sizes) AS largest, (SELECT min(n) FROM sizes) AS smallest,
              (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n) FROM sizes) AS median,
              (SELECT count(*) FROM "LicenseAssignment" WHERE "tenantId" = ANY($1::uuid[]))::int AS assignments,
              (SELECT count(*) FROM "Subscription" WHERE "tenantId" = ANY($1::uuid[]))::int AS subscriptions,
              (SELECT count(*) FROM "LicenseRequest" WHERE "tenantId" = ANY($1::uuid[]) AND status = 'pending')::int AS "pendingRequests",
              (SELECT count(*) FROM granting)::int AS granting,
              (SELECT count(*) FROM rel WHERE status = 'terminated')::int AS terminated,
              (SELECT count(*) FROM rel WHERE status = 'active' AND "endsAt" <= now())::int AS ended,
              (SELECT count(*) FROM enabled e JOIN "TenantProduct" tp USING ("tenantId", "productId")
                WHERE tp."consumedUnits" > COALESCE(e.seats, 0))::int AS conflicts,
              (SELECT count(*) FROM "Subscription" WHERE "tenantId" IN (SELECT id FROM granting) AND state = 'active'
                  AND NOT ("autoRenew" AND source <> 'trial' AND "cancelledAt" IS NULL)
                  AND "termEndsAt" > now() AND "termEndsAt" <= now() + interval '30 days')::int AS expiring`,
      [customerIds, partnerId],
    );
    return { partnerTenantId: partnerId, admin, agent, counts: row, loadMs: performance.now() - started };
  } finally {
    await client.end();
  }
}
