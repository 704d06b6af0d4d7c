import type { Command } from "commander";
import { readUserNames, resolveUsers, type UserRef } from "../directory.js";
import { UsageError } from "../exit-codes.js";
import { start, withCommon } from "../options.js";
import { findProduct, type Product, planIds, products } from "../products.js";
import { progressBar, sleep } from "../progress.js";
import type { Session } from "../session.js";
import { changeForApp } from "./licenses-app.js";
import { changeForGroup } from "./licenses-group.js";
import { type ChangeOptions, finishRows, reportRows, type Verb } from "./licenses-results.js";

async function changeForUsers(
  session: Session,
  verb: Verb,
  options: ChangeOptions,
  product: Product,
  users: UserRef[],
) {
  const byId = new Map(users.map((user) => [user.id, user]));
  const change =
    verb === "assign"
      ? { add: [{ skuId: product.skuId, disabledPlans: planIds(product, options.disablePlan ?? []) }], remove: [] }
      : { add: [], remove: [product.skuId] };
  const mode = options.replace ? "replace" : "add";
  const userIds = users.map((user) => user.id);
  const what = `${verb === "assign" ? "Assign" : "Remove"} ${product.skuPartNumber}${options.dryRun ? " (dry run)" : ""}`;
  if (options.dryRun) {
    // A dry run is the one-transaction run with nothing committed: exactly what a real run would do.
    const report = await session.client.licenses.bulk(session.tenantId, {
      userIds,
      ...change,
      mode,
      atomic: false,
      dryRun: true,
    });
    for (const seat of report.seats) {
      process.stderr.write(`  ${seat.skuPartNumber}: available ${seat.before.available} → ${seat.after.available}\n`);
    }
    finishRows(options, reportRows(report.results, byId, product), report, what);
    return;
  }
  const job = await session.client.licenses.startJob(session.tenantId, { userIds, ...change, mode });
  const bar = progressBar(what);
  let progress = job;
  while (progress.status === "queued" || progress.status === "running") {
    bar.update(progress.processed, progress.total);
    await sleep(400);
    progress = await session.client.licenses.job(session.tenantId, job.id, false);
  }
  bar.update(progress.processed, progress.total);
  bar.done();
  const details = await session.client.licenses.job(session.tenantId, job.id, true);
  if (details.status === "failed" && details.error) {
    process.stderr.write(`The job stopped: ${details.error} (${details.errorCode ?? "Failed"}).\n`);
  }
  const rows = reportRows(details.results, byId, product);
  // Users the job never reached (it stopped) failed too.
  for (const user of users) {
    if (!details.results.some((result) => result.userId === user.id)) {
      rows.push({
        user: user.userPrincipalName,
        ok: false,
        change: "",
        code: details.errorCode ?? "",
        reason: "not processed",
      });
    }
  }
  finishRows(options, rows, details, what);
}

export function registerLicenseChanges(licenses: Command): void {
  for (const verb of ["assign", "remove"] as const) {
    const command = withCommon(
      licenses
        .command(verb)
        .description(
          verb === "assign"
            ? "Assign a product to users (a file, names, or a group), optionally with service plans off"
            : "Remove a product from users (a file, names, or a group)",
        ),
    )
      .requiredOption("--sku <product>", "the product's part number (e.g. POWER_BI_PRO), name or skuId")
      .option("--users <file>", "a file of user names: one a line, or a CSV with a User Name column")
      .option("--user <upn...>", "user names (repeatable)", undefined)
      .option("--group <name>", "a group: the product goes to (or comes off) the group, members inherit it")
      .option("--disable-plan <plan...>", "service plans to switch off, by name (assign only)")
      .option(
        "--replace",
        "assign: the users end up with exactly this product as their direct license (others removed)",
      )
      .option("--dry-run", "report what would happen, change nothing")
      .addHelpText(
        "after",
        `\nExample:\n  allot licenses ${verb} --sku SPE_E3 --users people.csv${verb === "assign" ? " --disable-plan YAMMER_ENTERPRISE" : ""} --dry-run`,
      );
    command.action(async (options: ChangeOptions) => {
      const sources = [options.users, options.user, options.group].filter((source) => source !== undefined);
      if (sources.length !== 1) throw new UsageError("Name the users with exactly one of --users, --user and --group.");
      if (verb === "remove" && (options.replace || options.disablePlan?.length)) {
        throw new UsageError("--replace and --disable-plan go with assign only.");
      }
      if (options.replace && options.group) throw new UsageError("--replace goes with --users or --user only.");
      const { session } = await start(options);
      const product = findProduct(await products(session), options.sku);
      if (options.group) return changeForGroup(session, verb, options, product);
      const names = options.users
        ? readUserNames(options.users)
        : (options.user ?? []).map((name, index) => ({ name, line: index + 1 }));
      if (names.length === 0) throw new UsageError(`${options.users ?? "--user"}: no user names.`);
      const users = await resolveUsers(session, names, options.users ? `${options.users} line` : "--user");
      if (session.kind === "app") return changeForApp(session, verb, options, product, users);
      return changeForUsers(session, verb, options, product, users);
    });
  }
}
