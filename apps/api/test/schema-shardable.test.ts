import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./database.js";

/**
 * The schema stays shardable by tenant (docs/scaling.md): on Citus, tenant tables are distributed by "tenantId",
 * the catalog and a few global tables are reference tables (a copy on every node), and the rest stays on the
 * coordinator. Citus then requires of a distributed table that every primary key and unique index includes the
 * distribution column, and that a foreign key to another distributed table pairs "tenantId" with "tenantId"
 * (co-located rows). A reference table may not reference a distributed table, and a distributed table may
 * reference a reference table but not a coordinator-only one.
 *
 * The rules are read from the migrated database's catalog (what Citus would see), not from schema.prisma.
 * Every table is in exactly one list below: a new table that is in none fails, so whoever adds it decides.
 */

/** The global catalog: the same for every tenant, written by releases, read by every license check. */
const REFERENCE = [
  "Product",
  "ServicePlan",
  "ProductServicePlan",
  "ProductExclusion",
  "ProductPrerequisite",
  "ProductUnavailableLocation",
];

/**
 * Not owned by one tenant. `reference`: small, rarely written, read together with tenant rows (a copy on every
 * node, so joins and foreign keys from tenant tables stay local). `coordinator`: looked up without a tenant and
 * never joined with tenant rows (stays a plain table on the coordinator). docs/scaling.md says why for each.
 */
const GLOBAL: Record<string, "reference" | "coordinator"> = {
  Tenant: "reference",
  PartnerRelationship: "reference",
  SignInThrottle: "coordinator",
  RateWindow: "coordinator",
};

/** Owned by one tenant: distributed by "tenantId", co-located with each other. */
const TENANT = [
  "User",
  "RoleAssignment",
  "Group",
  "GroupMember",
  "DelegatedAccess",
  "Subscription",
  "TenantProduct",
  "LicenseAssignment",
  "GroupLicense",
  "LicenseJob",
  "LicenseJobResult",
  "LicenseRequest",
  "Order",
  "Invoice",
  "InvoiceCounter",
  "InvoiceLine",
  "Environment",
  "CapacityAllocation",
  "Flow",
  "FlowCoOwner",
  "Machine",
  "DlpPolicy",
  "IndividualTrial",
  "AuditEvent",
  "Session",
  "IdempotencyKey",
  "Application",
  "ApplicationSecret",
  "PersonalAccessToken",
  "UserImport",
  "UserImportRow",
];

/**
 * The ratchet: what still stands between this schema and `create_distributed_table` (docs/scaling.md, "Work left
 * before a Citus move"). The test fails when a violation not listed here appears, and also when a listed one is
 * gone, so that whoever fixes one removes it here: the list only shrinks.
 */
const KNOWN_VIOLATIONS: string[] = [
  // Primary keys on id alone: (tenantId, id) changes every findUnique/update by id of the model (docs/scaling.md).
  "Application: primary key (id) lacks tenantId",
  "ApplicationSecret: primary key (id) lacks tenantId",
  "AuditEvent: primary key (id) lacks tenantId",
  "CapacityAllocation: primary key (id) lacks tenantId",
  "DelegatedAccess: primary key (id) lacks tenantId",
  "DlpPolicy: primary key (id) lacks tenantId",
  "Environment: primary key (id) lacks tenantId",
  "Flow: primary key (id) lacks tenantId",
  "Group: primary key (id) lacks tenantId",
  "GroupLicense: primary key (id) lacks tenantId",
  "IdempotencyKey: primary key (id) lacks tenantId",
  "IndividualTrial: primary key (id) lacks tenantId",
  "Invoice: primary key (id) lacks tenantId",
  "InvoiceLine: primary key (id) lacks tenantId",
  "LicenseAssignment: primary key (id) lacks tenantId",
  "LicenseJob: primary key (id) lacks tenantId",
  "LicenseRequest: primary key (id) lacks tenantId",
  "Machine: primary key (id) lacks tenantId",
  "Order: primary key (id) lacks tenantId",
  "PersonalAccessToken: primary key (id) lacks tenantId",
  "RoleAssignment: primary key (id) lacks tenantId",
  "Session: primary key (id) lacks tenantId",
  "Subscription: primary key (id) lacks tenantId",
  "User: primary key (id) lacks tenantId",
  "UserImport: primary key (id) lacks tenantId",
  // Lookups that come without a tenant (sign-in name, client id, secret and token digests): they need a routing
  // table or a tenant inside the token before Citus (docs/scaling.md).
  "Application: unique index Application_appId_key (appId) lacks tenantId",
  "ApplicationSecret: unique index ApplicationSecret_secretHash_key (secretHash) lacks tenantId",
  "PersonalAccessToken: unique index PersonalAccessToken_tokenHash_key (tokenHash) lacks tenantId",
  "User: unique index User_email_key (email) lacks tenantId",
  // Foreign keys between tenant tables on id alone: they become (tenantId, xId) -> (tenantId, id).
  "AuditEvent(actorUserId) -> User(id): foreign key between tenant tables without tenantId on both sides",
  "InvoiceLine(orderId) -> Order(id): foreign key between tenant tables without tenantId on both sides",
  "LicenseAssignment(subscriptionId) -> Subscription(id): foreign key between tenant tables without tenantId on both sides",
  "LicenseJob(createdByUserId) -> User(id): foreign key between tenant tables without tenantId on both sides",
  "LicenseRequest(decidedByUserId) -> User(id): foreign key between tenant tables without tenantId on both sides",
  "Order(placedByUserId) -> User(id): foreign key between tenant tables without tenantId on both sides",
  "Order(subscriptionId) -> Subscription(id): foreign key between tenant tables without tenantId on both sides",
  "Subscription(ownerUserId) -> User(id): foreign key between tenant tables without tenantId on both sides",
  "UserImport(createdByUserId) -> User(id): foreign key between tenant tables without tenantId on both sides",
];

type Index = { table: string; name: string; columns: string[]; primary: boolean };
type ForeignKey = { table: string; name: string; columns: string[]; refTable: string; refColumns: string[] };

let drop: () => Promise<void>;
let client: pg.Client;
let tables: string[];
let tenantColumns: Map<string, { nullable: boolean }>;
let indexes: Index[];
let foreignKeys: ForeignKey[];

beforeAll(async () => {
  const database = await createTestDatabase("allot_shardable");
  drop = database.drop;
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  tables = (
    await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
        ORDER BY 1`,
    )
  ).rows.map((r) => r.name);
  tenantColumns = new Map(
    (
      await client.query<{ table: string; nullable: string }>(
        `SELECT table_name AS table, is_nullable AS nullable FROM information_schema.columns
          WHERE table_schema = 'public' AND column_name = 'tenantId'`,
      )
    ).rows.map((r) => [r.table, { nullable: r.nullable === "YES" }]),
  );
  // Unique indexes (primary keys included) with their key columns in order; expression columns show as null.
  indexes = (
    await client.query<Index>(
      `SELECT t.relname AS table, i.relname AS name, x.indisprimary AS primary,
              ARRAY(SELECT a.attname FROM unnest(x.indkey[0:x.indnkeyatts - 1]) WITH ORDINALITY k(attnum, n)
                      LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                     ORDER BY k.n)::text[] AS columns
         FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = 'public' AND x.indisunique AND t.relname <> '_prisma_migrations'`,
    )
  ).rows;
  foreignKeys = (
    await client.query<ForeignKey>(
      `SELECT t.relname AS table, c.conname AS name, r.relname AS "refTable",
              ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(attnum, n)
                      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.n)::text[]
                AS columns,
              ARRAY(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(attnum, n)
                      JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.n)::text[]
                AS "refColumns"
         FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = 'public' AND c.contype = 'f'`,
    )
  ).rows;
});

afterAll(async () => {
  await client?.end();
  await drop?.();
});

type Placement = "distributed" | "reference" | "coordinator" | "unclassified";

function placement(table: string): Placement {
  if (TENANT.includes(table)) return "distributed";
  if (REFERENCE.includes(table)) return "reference";
  return GLOBAL[table] ?? "unclassified";
}

/** Every way the migrated schema breaks a rule Citus would enforce, one line each. */
function violations(): string[] {
  const found: string[] = [];
  for (const table of TENANT) {
    const column = tenantColumns.get(table);
    if (!column) found.push(`${table}: no tenantId column`);
    else if (column.nullable) found.push(`${table}: tenantId is nullable`);
  }
  for (const index of indexes) {
    if (placement(index.table) !== "distributed" || index.columns.includes("tenantId")) continue;
    const kind = index.primary ? "primary key" : `unique index ${index.name}`;
    found.push(`${index.table}: ${kind} (${index.columns.join(", ")}) lacks tenantId`);
  }
  for (const fk of foreignKeys) {
    const from = placement(fk.table);
    const to = placement(fk.refTable);
    const edge = `${fk.table}(${fk.columns.join(", ")}) -> ${fk.refTable}(${fk.refColumns.join(", ")})`;
    if (from === "distributed" && to === "distributed") {
      const paired = fk.columns.some((c, i) => c === "tenantId" && fk.refColumns[i] === "tenantId");
      if (!paired) found.push(`${edge}: foreign key between tenant tables without tenantId on both sides`);
    } else if (from === "distributed" && to === "coordinator") {
      found.push(`${edge}: a tenant table may not reference a coordinator table`);
    } else if (from === "reference" && to !== "reference") {
      found.push(`${edge}: a reference table may only reference reference tables`);
    } else if (from === "coordinator" && to === "distributed") {
      found.push(`${edge}: a coordinator table may not reference a tenant table`);
    }
  }
  return found.sort();
}

describe("the schema stays shardable by tenant", () => {
  it("puts every table in exactly one class", () => {
    const classified = [...REFERENCE, ...Object.keys(GLOBAL), ...TENANT];
    expect(classified.length, "a table is in two lists").toBe(new Set(classified).size);
    const unclassified = tables.filter((t) => !classified.includes(t));
    expect(unclassified, "new tables: add each to TENANT, REFERENCE or GLOBAL (docs/scaling.md)").toEqual([]);
    const gone = classified.filter((t) => !tables.includes(t));
    expect(gone, "tables listed here that the schema no longer has").toEqual([]);
  });

  it("adds no violation of Citus' rules, and every fixed one leaves the list of known ones", () => {
    const found = violations();
    const added = found.filter((v) => !KNOWN_VIOLATIONS.includes(v));
    const fixed = KNOWN_VIOLATIONS.filter((v) => !found.includes(v));
    expect(added, "new violations: include tenantId (docs/scaling.md)").toEqual([]);
    expect(fixed, "fixed violations: remove them from KNOWN_VIOLATIONS").toEqual([]);
  });

  it("can tell a violation from a shardable shape", () => {
    // The checks themselves: the catalog query sees composite keys and foreign keys (UserImportRow is the model).
    const row = indexes.find((i) => i.table === "UserImportRow" && i.primary);
    expect(row?.columns).toEqual(["tenantId", "importId", "line"]);
    const importFk = foreignKeys.find((f) => f.table === "UserImportRow" && f.refTable === "UserImport");
    expect(importFk).toMatchObject({ columns: ["tenantId", "importId"], refColumns: ["tenantId", "id"] });
    // …and a key without tenantId is reported: Tenant's own primary key, were it a tenant table.
    expect(indexes.some((i) => i.table === "Tenant" && i.primary && !i.columns.includes("tenantId"))).toBe(true);
  });
});
