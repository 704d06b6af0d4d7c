import { readFileSync } from "node:fs";
import { UsageError } from "./exit-codes.js";
import { isUuid, type Session } from "./session.js";

/** A user as the CLI needs one to act on: id and sign-in name. */
export interface UserRef {
  id: string;
  userPrincipalName: string;
  displayName: string | null;
}

/** Every live user of the tenant, from /api (a person) or Graph (an app). */
export async function allUsers(session: Session): Promise<UserRef[]> {
  if (session.kind === "app") {
    return (await session.client.graph.users()).map((user) => ({
      id: user.id,
      userPrincipalName: user.userPrincipalName ?? "",
      displayName: user.displayName ?? null,
    }));
  }
  return (await session.client.users.listAll(session.tenantId)).map((user) => ({
    id: user.id,
    userPrincipalName: user.email,
    displayName: user.displayName,
  }));
}

/** A user name as a file or the command line gave it, with where it came from (for error messages). */
export interface NamedUser {
  name: string;
  /** The file's line (1-based), or the position among --user values. */
  line: number;
}

/**
 * The user names of a --users file: one per line, or a CSV whose header has a "User Name" (or "Gebruikersnaam")
 * column, comma- or semicolon-separated, with or without a BOM. Blank lines are skipped.
 */
export function readUserNamesFromText(text: string): NamedUser[] {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .map((line, index) => ({ text: line.trim(), line: index + 1 }))
    .filter((line) => line.text !== "");
  const header = lines[0]?.text ?? "";
  const delimiter = header.includes(";") && !header.includes(",") ? ";" : ",";
  const cells = (line: string) => line.split(delimiter).map((cell) => cell.trim().replace(/^"(.*)"$/, "$1"));
  const column = cells(header).findIndex((cell) => /^(user ?name|gebruikersnaam|userprincipalname|email)$/i.test(cell));
  const named = column < 0 ? lines : lines.slice(1);
  return named
    .map((line) => ({ name: cells(line.text)[Math.max(column, 0)] ?? "", line: line.line }))
    .filter((user) => user.name !== "");
}

export function readUserNames(path: string): NamedUser[] {
  try {
    return readUserNamesFromText(readFileSync(path, "utf8"));
  } catch (error) {
    throw new UsageError(`Cannot read ${path}: ${(error as Error).message}`);
  }
}

/** The users named (by sign-in name or id), each once; unknown names are a usage error naming the line. */
export async function resolveUsers(session: Session, names: readonly NamedUser[], source: string): Promise<UserRef[]> {
  const users = await allUsers(session);
  const byName = new Map(users.map((user) => [user.userPrincipalName.toLowerCase(), user]));
  const byId = new Map(users.map((user) => [user.id, user]));
  const found = new Map<string, UserRef>();
  const unknown: string[] = [];
  for (const { name, line } of names) {
    const user = isUuid(name) ? byId.get(name.toLowerCase()) : byName.get(name.toLowerCase());
    if (user) found.set(user.id, user);
    else unknown.push(`${source} ${line}: ${name}`);
  }
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 20).join("\n  ");
    const more = unknown.length > 20 ? `\n  … and ${unknown.length - 20} more` : "";
    throw new UsageError(`${unknown.length} user(s) not found (UnknownUser):\n  ${shown}${more}`);
  }
  return [...found.values()];
}

/** One user by sign-in name or id. */
export async function findUser(session: Session, nameOrId: string): Promise<UserRef> {
  if (isUuid(nameOrId)) return { id: nameOrId.toLowerCase(), userPrincipalName: nameOrId, displayName: null };
  const [user] = await resolveUsers(session, [{ name: nameOrId, line: 1 }], "user");
  if (!user) throw new UsageError(`No user ${nameOrId}.`);
  return user;
}
