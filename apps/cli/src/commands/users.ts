import type { User } from "@allot/contracts";
import type { Command } from "commander";
import { findUser } from "../directory.js";
import { type CommonOptions, start, withCommon } from "../options.js";
import { printRecord, printRows } from "../output.js";
import { requirePerson } from "../session.js";
import { registerUsersImport } from "./users-import.js";

const userColumns = [
  { header: "User Name", value: (u: User) => u.email },
  { header: "Display Name", value: (u: User) => u.displayName },
  { header: "Type", value: (u: User) => u.userType },
  { header: "Location", value: (u: User) => u.usageLocation },
  { header: "Sign-in", value: (u: User) => (u.accountEnabled ? "allowed" : "blocked") },
  { header: "Licenses", value: (u: User) => u.licenses.map((license) => license.displayName) },
  { header: "Last sign-in", value: (u: User) => u.lastSignInAt },
];

interface ListOptions extends CommonOptions {
  search?: string;
  licensed?: boolean;
  unlicensed?: boolean;
  deleted?: boolean;
}

export function registerUsers(program: Command): void {
  const users = program.command("users").description("List, read, export and import users");

  withCommon(users.command("list").description("List users (every page)"))
    .option("--search <text>", "name or email contains")
    .option("--licensed", "only users with a license")
    .option("--unlicensed", "only users without a license")
    .option("--deleted", "deleted users that can still be restored")
    .action(async (options: ListOptions) => {
      const { session, format } = await start(options);
      if (session.kind === "app") {
        const all = await session.client.graph.users();
        printRows(
          format,
          all,
          [
            { header: "User Name", value: (u) => u.userPrincipalName },
            { header: "Display Name", value: (u) => u.displayName },
            { header: "Location", value: (u) => u.usageLocation },
            { header: "Sign-in", value: (u) => (u.accountEnabled === false ? "blocked" : "allowed") },
            { header: "Licenses", value: (u) => u.assignedLicenses?.length ?? 0 },
          ],
          undefined,
          all,
        );
        return;
      }
      const licensed = options.licensed ? true : options.unlicensed ? false : undefined;
      const all = await session.client.users.listAll(session.tenantId, {
        search: options.search,
        licensed,
        deleted: options.deleted ? true : undefined,
      });
      printRows(format, all, userColumns, undefined, all);
    });

  withCommon(users.command("get").description("Read one user").argument("<user>", "user name (UPN) or id")).action(
    async (name: string, options: CommonOptions) => {
      const { session, format } = await start(options);
      const ref = await findUser(session, name);
      if (session.kind === "app") {
        const user = await session.client.graph.user(ref.id);
        printRecord(format, { ...user }, user);
        return;
      }
      const user = await session.client.users.get(session.tenantId, ref.id);
      printRecord(
        format,
        {
          id: user.id,
          userName: user.email,
          displayName: user.displayName,
          userType: user.userType,
          usageLocation: user.usageLocation,
          signIn: user.accountEnabled ? "allowed" : "blocked",
          roles: user.roles,
          licenses: user.licenses.map((license) => license.displayName),
          createdAt: user.createdAt,
          lastSignInAt: user.lastSignInAt,
        },
        user,
      );
    },
  );

  withCommon(
    users
      .command("export")
      .description("Export users as CSV (the Active users export: directory fields, licenses, sign-in dates)"),
  )
    .option("--search <text>", "name or email contains")
    .option("--delimiter <delimiter>", "comma or semicolon", "comma")
    .action(async (options: CommonOptions & { search?: string; delimiter: string }) => {
      const { session, format } = await start(options);
      requirePerson(session, "allot users export");
      if (format === "json") {
        const all = await session.client.users.listAll(session.tenantId, { search: options.search });
        process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
        return;
      }
      const csv = await session.client.users.exportCsv(session.tenantId, {
        search: options.search,
        delimiter: options.delimiter,
      });
      process.stdout.write(csv);
    });

  registerUsersImport(users);
}
