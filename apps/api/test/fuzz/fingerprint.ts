import pg from "pg";

/**
 * Did a request change data? Two instruments, installed in the fuzz's own copy of the database:
 *
 * - Write counters: a statement-level trigger on every table bumps that table's sequence, and one for all tables,
 *   after each INSERT, UPDATE, DELETE or TRUNCATE. Sequences are not transactional, so a statement whose transaction
 *   was rolled back bumps them too. A table whose counter did not move across a request was not written at all: it
 *   is unchanged, for free. Most requests write nothing, and reading the one global counter tells so.
 * - A fingerprint of the tables whose counter moved: per table, the row count and the sum of a 64-bit hash of each
 *   row's text (order-free, so no sort; one statement). Any committed insert, delete or changed value, however
 *   partial, changes the table's entry; a rolled-back one does not. Columns that change without meaning are left
 *   out: Session's lastSeenAt and expiresAt slide on use.
 *
 * Every so often the whole database is fingerprinted anyway and compared with what the counters let the fuzz carry
 * over, so a change that escaped the counters would be seen (see the fuzz's "sampled" figure).
 *
 * A refused sign-in legitimately writes (services/auth/sign-in-throttle.ts: its failure count and lock, an audit
 * event for a real account): those are entries of their own, SIGN_IN_ENTRIES, which only the sign-in route's
 * refusals may change. A refused token request counts its failure the same way, without an audit event
 * (TOKEN_ENDPOINT_ENTRIES). A bearer token stamps when it was last used (services/auth/bearer.ts: the personal
 * access token's, or the app's and its secret's lastUsedAt) on whatever request it is checked for: those columns are
 * entries of their own too, TOKEN_USE_ENTRIES, which any request that carries a bearer token may change.
 *
 * Rate counters (RateWindow: lib/rate-budget.ts, the budgets, the Graph throttle and the sign-in limits shared by all
 * API processes) are spent by reads and refusals alike, on purpose: they are not data, and are left out.
 */
export type Fingerprint = Record<string, string>;

/** Columns that change on every use of a row without meaning anything (a session's sliding expiry). */
const VOLATILE_COLUMNS: Record<string, string[]> = { Session: ["lastSeenAt", "expiresAt"] };

/** What a refused sign-in writes: the throttle's rows, and the audit events of failed and locked sign-ins. */
const SIGN_IN_TABLES = new Set(["SignInThrottle"]);
const SIGN_IN_ROWS: Record<string, string> = { AuditEvent: `action IN ('auth.signInFailed', 'auth.accountLocked')` };
export const SIGN_IN_ENTRIES: ReadonlySet<string> = new Set([...SIGN_IN_TABLES, "AuditEvent (sign-in failures)"]);
/** What a refused token request writes: the throttle's rows (a client id is not an account: nothing is audited). */
export const TOKEN_ENDPOINT_ENTRIES: ReadonlySet<string> = new Set(SIGN_IN_TABLES);

/** Columns a bearer token's use stamps, by table. */
const TOKEN_USE_COLUMNS: Record<string, string[]> = {
  PersonalAccessToken: ["lastUsedAt"],
  Application: ["lastUsedAt"],
  ApplicationSecret: ["lastUsedAt"],
};
const lastUsed = (table: string) => `${table} (last used)`;
export const TOKEN_USE_ENTRIES: ReadonlySet<string> = new Set(Object.keys(TOKEN_USE_COLUMNS).map(lastUsed));

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const counterOf = (table: string) => `fuzz_writes:${table}`;

export class ChangeDetector {
  private constructor(
    private readonly client: pg.Client,
    /** Per table, the fingerprint entries it owns, as SELECT list items. */
    private readonly entries: Map<string, string[]>,
  ) {}

  get tables(): string[] {
    return [...this.entries.keys()];
  }

  /** Connects on its own (cheaper than the app's ORM for these two queries), installs the counters. */
  static async install(connectionString: string): Promise<ChangeDetector> {
    const client = new pg.Client({ connectionString });
    await client.connect();
    const { rows } = await client.query<{ table: string; column: string }>(`
      SELECT c.table_name::text AS "table", c.column_name::text AS "column"
        FROM information_schema.columns c JOIN information_schema.tables t
          ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
       WHERE c.table_schema = 'public' AND c.table_name NOT IN ('_prisma_migrations', 'RateWindow')
       ORDER BY c.table_name, c.ordinal_position`);
    const columns = new Map<string, string[]>();
    for (const { table, column } of rows) columns.set(table, [...(columns.get(table) ?? []), column]);

    await client.query(`
      CREATE OR REPLACE FUNCTION fuzz_count_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM nextval('fuzz_writes'), nextval(quote_ident('fuzz_writes:' || TG_TABLE_NAME)); RETURN NULL; END $$`);
    await client.query(`CREATE SEQUENCE IF NOT EXISTS fuzz_writes`);
    for (const table of columns.keys()) {
      await client.query(`CREATE SEQUENCE IF NOT EXISTS ${quote(counterOf(table))}`);
      await client.query(`DROP TRIGGER IF EXISTS fuzz_count_write ON ${quote(table)}`);
      await client.query(
        `CREATE TRIGGER fuzz_count_write AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${quote(table)}
           FOR EACH STATEMENT EXECUTE FUNCTION fuzz_count_write()`,
      );
    }

    const entry = (name: string, table: string, cols: string[], where?: string) => {
      const row = `ROW(${cols.map((c) => `t.${quote(c)}`).join(", ")})::text`;
      return `(SELECT count(*) || ':' || COALESCE(sum(hashtextextended(${row}, 0)), 0) FROM ${quote(table)} t${
        where ? ` WHERE ${where}` : ""
      }) AS ${quote(name)}`;
    };
    const entries = new Map<string, string[]>();
    for (const [table, all] of columns) {
      const volatile = VOLATILE_COLUMNS[table] ?? [];
      const stamps = TOKEN_USE_COLUMNS[table] ?? [];
      const kept = all.filter((c) => !volatile.includes(c) && !stamps.includes(c));
      const signInRows = SIGN_IN_ROWS[table];
      const own = [entry(table, table, kept, signInRows ? `NOT (${signInRows})` : undefined)];
      if (signInRows) own.push(entry(`${table} (sign-in failures)`, table, kept, signInRows));
      // The stamps with the row's id, so a row's stamp moving is seen, and not a row coming or going twice.
      if (stamps.length > 0) own.push(entry(lastUsed(table), table, ["id", ...stamps]));
      entries.set(table, own);
    }
    return new ChangeDetector(client, entries);
  }

  /** How many writing statements ran so far on all tables (rolled back or not). */
  async writes(): Promise<string> {
    const { rows } = await this.client.query<{ n: string }>(
      "SELECT CASE WHEN is_called THEN last_value ELSE 0 END::text AS n FROM fuzz_writes",
    );
    return rows[0]?.n ?? "0";
  }

  /** How many writing statements ran so far on each table (rolled back or not). */
  async counters(): Promise<Map<string, string>> {
    const { rows } = await this.client.query<{ table: string; n: string }>(
      this.tables
        .map(
          (table) =>
            `SELECT '${table}' AS "table", CASE WHEN is_called THEN last_value ELSE 0 END::text AS n ` +
            `FROM ${quote(counterOf(table))}`,
        )
        .join(" UNION ALL "),
    );
    return new Map(rows.map((row) => [row.table, row.n]));
  }

  /** The fingerprint entries of these tables (all of them when none are named). */
  async fingerprint(tables: readonly string[] = this.tables): Promise<Fingerprint> {
    if (tables.length === 0) return {};
    const list = tables.flatMap((table) => this.entries.get(table) ?? []);
    const { rows } = await this.client.query<Fingerprint>(`SELECT ${list.join(",\n")}`);
    return rows[0] as Fingerprint;
  }

  close(): Promise<void> {
    return this.client.end();
  }
}

/** The tables whose write counter moved between two readings. */
export function writtenTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((table) => before.get(table) !== after.get(table));
}

/** The entries of two fingerprints that differ, except those `allowed` to. */
export function changedEntries(before: Fingerprint, after: Fingerprint, allowed: ReadonlySet<string> = new Set()) {
  return Object.keys({ ...before, ...after }).filter((key) => !allowed.has(key) && before[key] !== after[key]);
}
