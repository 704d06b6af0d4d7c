import type { Command } from "commander";
import { UsageError } from "../exit-codes.js";
import { type CommonOptions, start, wholeNumber, withCommon } from "../options.js";
import { printRows } from "../output.js";
import { requirePerson } from "../session.js";

/** `--since 30d`, `12h`, a date (2025-01-31, midnight UTC) or an instant with an offset, as the API's ISO form. */
export function sinceInstant(value: string, now = new Date()): string {
  const relative = /^(\d{1,5})([dhm])$/.exec(value);
  if (relative) {
    const unit = { d: 86_400_000, h: 3_600_000, m: 60_000 }[relative[2] as "d" | "h" | "m"];
    return new Date(now.getTime() - Number(relative[1]) * unit).toISOString();
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    return `${value}T00:00:00Z`;
  }
  if (/^\d{4}-\d{2}-\d{2}T.+(Z|[+-]\d{2}:\d{2})$/i.test(value) && !Number.isNaN(Date.parse(value))) return value;
  throw new UsageError(`--since ${value}: give a date (2025-01-31), an instant with an offset, or an age (30d, 12h).`);
}

export function registerAdmin(program: Command): void {
  withCommon(
    program.command("conflicts").description("Products with more holders than usable seats, and the fixes"),
  ).action(async (options: CommonOptions) => {
    const { session, format } = await start(options);
    requirePerson(session, "allot conflicts");
    const report = await session.client.licenses.conflicts(session.tenantId);
    printRows(
      format,
      report.value,
      [
        { header: "Product", value: (c) => c.skuPartNumber },
        { header: "Kind", value: (c) => c.kind },
        { header: "Assigned", value: (c) => c.consumedUnits },
        { header: "Usable", value: (c) => c.usableUnits },
        { header: "Short", value: (c) => c.shortfall },
        { header: "Expiring", value: (c) => c.expiring },
        { header: "Resolve by", value: (c) => c.resolveBy ?? c.accessEndsAt },
        { header: "Fixes", value: (c) => c.fixes.map((fix) => fix.kind) },
      ],
      undefined,
      report,
    );
  });

  withCommon(
    program.command("reclaim").description("Users inactive for N days who hold paid licenses: seats to take back"),
  )
    .option("--inactive-days <days>", "days without a sign-in", wholeNumber(1, 3650), 90)
    .action(async (options: CommonOptions & { inactiveDays: number }) => {
      const { session, format } = await start(options);
      requirePerson(session, "allot reclaim");
      const items = [];
      let cursor: string | undefined;
      let last: Awaited<ReturnType<typeof session.client.licenses.reclaimCandidates>> | undefined;
      do {
        last = await session.client.licenses.reclaimCandidates(session.tenantId, {
          inactiveDays: options.inactiveDays,
          limit: 200,
          cursor,
        });
        items.push(...last.items);
        cursor = last.nextCursor ?? undefined;
      } while (cursor);
      printRows(
        format,
        items,
        [
          { header: "User Name", value: (c) => c.email },
          { header: "Display Name", value: (c) => c.displayName },
          { header: "Last sign-in", value: (c) => c.lastSignInAt ?? "never" },
          { header: "Licenses", value: (c) => c.licenses.map((license) => license.skuPartNumber) },
          { header: "Monthly", value: (c) => (c.monthlyCostCents / 100).toFixed(2) },
        ],
        undefined,
        { ...last, items, nextCursor: null },
      );
      if (format === "table" && last) {
        process.stderr.write(
          `${last.totalUsers} user(s) inactive since ${last.inactiveSince}: ${(last.totalMonthlyCostCents / 100).toFixed(2)} ${last.currency} a month.\n`,
        );
      }
    });

  const audit = program.command("audit").description("The audit log");
  withCommon(audit.command("export").description("Export the audit log as CSV (or --json: the events)"))
    .requiredOption("--since <when>", "from this date, instant, or age (30d, 12h)")
    .option("--until <when>", "before this date, instant, or age")
    .option("--action <codes>", "action codes, comma-separated (user.created,license.assigned)")
    .option("--delimiter <delimiter>", "comma or semicolon", "comma")
    .action(async (options: CommonOptions & { since: string; until?: string; action?: string; delimiter: string }) => {
      const query = {
        from: sinceInstant(options.since),
        to: options.until ? sinceInstant(options.until) : undefined,
        action: options.action,
      };
      const { session, format } = await start(options);
      requirePerson(session, "allot audit export");
      if (format === "json") {
        const events = [];
        let cursor: string | undefined;
        do {
          const page = await session.client.audit.list(session.tenantId, { ...query, limit: 200, cursor });
          events.push(...page.items);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        process.stdout.write(`${JSON.stringify(events, null, 2)}\n`);
        return;
      }
      process.stdout.write(
        await session.client.audit.exportCsv(session.tenantId, { ...query, delimiter: options.delimiter }),
      );
    });
}
