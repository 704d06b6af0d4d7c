import type { Db } from "@allot/db";

/**
 * Real values of the database, by the name of the parameter or property that takes them: `tenantId` → Tenant ids,
 * `userId`/`userIds`/`actorUserId` → User ids, `requestId` → LicenseRequest ids, `skuId` → Product.skuId, … The
 * table is found from the name at run time (its stem is a table's name or ends one: `jobId` → LicenseJob), so a
 * route added later with `invoiceId` or `relationshipId` gets real ids without a line here. Pools reload now and then,
 * so the rows the fuzz itself creates (users, subscriptions, requests, jobs) become targets too.
 */
interface Source {
  table: string;
  column: string;
  /** Set when the table has a tenantId column: values are also kept per tenant. */
  tenantColumn: string | null;
}

/** Names whose table the stem rule cannot find. */
const ALIASES: Record<string, { table: string; column: string }> = {
  skuId: { table: "Product", column: "skuId" },
  skuIds: { table: "Product", column: "skuId" },
  removeLicenses: { table: "Product", column: "skuId" },
  remove: { table: "Product", column: "skuId" },
  disabledPlans: { table: "ServicePlan", column: "id" },
  email: { table: "User", column: "email" },
  action: { table: "AuditEvent", column: "action" },
  displayName: { table: "Group", column: "displayName" },
  // People named by a role (a flow's co-owners and owner, whom a run check is for), not rows of a table of that name.
  coOwnerIds: { table: "User", column: "id" },
  ownerUserId: { table: "User", column: "id" },
  runAsUserId: { table: "User", column: "id" },
  // Graph's names: a user by id (or user principal name, see requests.ts), a group's member, a $ref's target.
  user: { table: "User", column: "id" },
  memberId: { table: "User", column: "id" },
  // An app registration's client id, as the token endpoint takes it.
  appId: { table: "Application", column: "appId" },
};

/** Names that stand for another column of the table relating several ids: a group's `memberId` is its `userId`. */
const RELATED_COLUMNS: Record<string, string> = { memberId: "userId" };

export interface PoolValues {
  all: string[];
  byTenant: Map<string, string[]>;
  /** Values of rows a user owns, requested, created or placed (the table's …UserId columns), by that user. */
  byOwner: Map<string, string[]>;
}

const EMPTY: PoolValues = { all: [], byTenant: new Map(), byOwner: new Map() };
/** Columns that say whose a row is: ownerUserId, requesterUserId, createdByUserId, placedByUserId, … */
const OWNER_COLUMN = /^[a-z]+UserId$/;

export class Pools {
  private readonly sources = new Map<string, Source | null>();
  private readonly values = new Map<string, PoolValues>();
  /** productId by skuId and service plan ids by skuId, for coherent license bodies. */
  plansBySku = new Map<string, string[]>();
  domains = new Map<string, string>();
  /** The products each tenant subscribes to (skuIds), for Graph's subscribedSku ids (`{tenantId}_{skuId}`). */
  subscribedSkus = new Map<string, string[]>();
  /** Cursors the API handed out, by route url (GET and HEAD share them). */
  readonly cursors = new Map<string, string[]>();
  /** Graph's `@odata.nextLink`s the API handed out, by route url. */
  readonly nextLinks = new Map<string, string[]>();
  /** Rows of the table that relates several ids (groupId + userId: GroupMember), by the names joined with "+". */
  private readonly related = new Map<string, Array<Record<string, string>>>();

  private constructor(
    private readonly db: Db,
    private readonly columns: Map<string, string[]>,
  ) {}

  static async load(db: Db): Promise<Pools> {
    const rows = await db.$queryRaw<Array<{ table: string; column: string }>>`
      SELECT table_name::text AS "table", column_name::text AS "column" FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name, ordinal_position`;
    const columns = new Map<string, string[]>();
    for (const { table, column } of rows) columns.set(table, [...(columns.get(table) ?? []), column]);
    const pools = new Pools(db, columns);
    await pools.refresh();
    return pools;
  }

  /** The table and column a name's values come from, or null when no table fits the name. */
  sourceOf(name: string): Source | null {
    if (this.sources.has(name)) return this.sources.get(name) ?? null;
    const source = this.resolve(name);
    this.sources.set(name, source);
    return source;
  }

  private resolve(name: string): Source | null {
    const tables = [...this.columns.keys()];
    const withTenant = (table: string, column: string): Source => ({
      table,
      column,
      tenantColumn: table === "Tenant" ? "id" : this.columns.get(table)?.includes("tenantId") ? "tenantId" : null,
    });
    const alias = ALIASES[name];
    if (alias) return withTenant(alias.table, alias.column);
    const stem = /^(.+?)Ids?$/.exec(name)?.[1]?.toLowerCase();
    if (!stem) return null;
    const lastWord = /([A-Z][a-z0-9]*)$/.exec(/^(.+?)Ids?$/.exec(name)?.[1] ?? "")?.[1]?.toLowerCase();
    // Only tables with an id column: GroupMember (keyed by groupId and userId) holds no "member id".
    const withId = tables.filter((t) => this.columns.get(t)?.includes("id"));
    const table =
      withId.find((t) => t.toLowerCase() === stem) ??
      withId.find((t) => t.toLowerCase().endsWith(stem)) ??
      (lastWord ? withId.find((t) => t.toLowerCase() === lastWord) : undefined);
    return table ? withTenant(table, "id") : null;
  }

  /** The values for a name now (live: reloaded by `refresh`); empty when no table fits. */
  of(name: string): PoolValues {
    const source = this.sourceOf(name);
    if (!source) return EMPTY;
    const key = `${source.table}.${source.column}`;
    if (!this.values.has(key)) this.values.set(key, { all: [], byTenant: new Map(), byOwner: new Map() });
    return this.values.get(key) as PoolValues;
  }

  /** Values of a name in one tenant (all of them for tenant-less tables such as the catalog). */
  inTenant(name: string, tenantId: string | undefined): string[] {
    const pool = this.of(name);
    const source = this.sourceOf(name);
    if (!source?.tenantColumn || tenantId === undefined) return pool.all;
    return pool.byTenant.get(tenantId) ?? [];
  }

  /** Values of a name in rows this user owns (requested, created, placed), in any tenant. */
  ownedBy(name: string, userId: string): string[] {
    return this.of(name).byOwner.get(userId) ?? [];
  }

  /**
   * Rows that hold all these ids together, as `{ name: value }` — a route with a groupId and a userId gets a member
   * of that group. Empty when no table has a column for each name.
   */
  relatedRows(names: readonly string[]): Array<Record<string, string>> {
    const key = names.join("+");
    if (!this.related.has(key)) this.related.set(key, []);
    return this.related.get(key) as Array<Record<string, string>>;
  }

  /** Every id any pool holds: the fallback for a name no table fits. */
  anyIds(): string[] {
    return [...this.values.entries()].filter(([key]) => key.endsWith(".id")).flatMap(([, pool]) => pool.all);
  }

  /** Reloads every pool in use, in a stable order (so a seed replays the same picks from the same rows). */
  async refresh(): Promise<void> {
    // The pools every run uses, whether or not a generator asked for them yet.
    for (const name of ["tenantId", "userId", "groupId", "skuId", "disabledPlans", "email"]) this.of(name);
    for (const [key, pool] of this.values) {
      const [table, column] = key.split(".") as [string, string];
      const source = [...this.sources.values()].find((s) => s && s.table === table && s.column === column);
      const tenantColumn = source?.tenantColumn ?? null;
      const owners = (this.columns.get(table) ?? []).filter((c) => OWNER_COLUMN.test(c));
      const rows = await this.db.$queryRawUnsafe<Array<{ value: string; tenant: string | null; owners: string[] }>>(
        `SELECT DISTINCT "${column}"::text AS value, ${tenantColumn ? `"${tenantColumn}"::text` : "NULL"} AS tenant,
                ARRAY[${owners.map((c) => `"${c}"::text`).join(", ")}]::text[] AS owners
           FROM "${table}" WHERE "${column}" IS NOT NULL ORDER BY 1 LIMIT 5000`,
      );
      pool.all = [...new Set(rows.map((row) => row.value))];
      pool.byTenant = new Map();
      pool.byOwner = new Map();
      for (const row of rows) {
        if (row.tenant !== null) pool.byTenant.set(row.tenant, [...(pool.byTenant.get(row.tenant) ?? []), row.value]);
        for (const owner of new Set(row.owners)) {
          if (owner !== null) pool.byOwner.set(owner, [...(pool.byOwner.get(owner) ?? []), row.value]);
        }
      }
    }
    for (const [key, rows] of this.related) {
      const names = key.split("+");
      const columnOf = (name: string) => RELATED_COLUMNS[name] ?? name;
      const table = [...this.columns].find(([, cols]) => names.every((name) => cols.includes(columnOf(name))))?.[0];
      if (!table) continue;
      const found = await this.db.$queryRawUnsafe<Array<Record<string, string>>>(
        `SELECT ${names.map((n) => `"${columnOf(n)}"::text AS "${n}"`).join(", ")} FROM "${table}" ORDER BY 1, 2 LIMIT 5000`,
      );
      rows.splice(0, rows.length, ...found);
    }
    const plans = await this.db.$queryRaw<Array<{ skuId: string; planId: string }>>`
      SELECT p."skuId"::text AS "skuId", psp."servicePlanId"::text AS "planId"
        FROM "Product" p JOIN "ProductServicePlan" psp ON psp."productId" = p.id ORDER BY 1, 2`;
    this.plansBySku = new Map();
    for (const { skuId, planId } of plans) this.plansBySku.set(skuId, [...(this.plansBySku.get(skuId) ?? []), planId]);
    const subscribed = await this.db.$queryRaw<Array<{ tenantId: string; skuId: string }>>`
      SELECT DISTINCT s."tenantId"::text AS "tenantId", p."skuId"::text AS "skuId"
        FROM "Subscription" s JOIN "Product" p ON p.id = s."productId" ORDER BY 1, 2`;
    this.subscribedSkus = new Map();
    for (const { tenantId, skuId } of subscribed) {
      this.subscribedSkus.set(tenantId, [...(this.subscribedSkus.get(tenantId) ?? []), skuId]);
    }
    const tenants = await this.db.tenant.findMany({ select: { id: true, domain: true }, orderBy: { domain: "asc" } });
    this.domains = new Map(tenants.map((tenant) => [tenant.id, tenant.domain]));
  }

  /** Remembers a cursor an answer carried, for later requests of the same list (at most a few per route). */
  harvestCursor(routeUrl: string, cursor: string): void {
    keep(this.cursors, routeUrl, cursor);
  }

  /** Remembers a Graph collection's next page link, to follow it (or take its $skiptoken) later. */
  harvestNextLink(routeUrl: string, link: string): void {
    keep(this.nextLinks, routeUrl, link);
  }
}

function keep(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key) ?? [];
  if (list.length >= 20 || list.includes(value)) return;
  list.push(value);
  map.set(key, list);
}
