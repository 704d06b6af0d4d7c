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

/**
 * The user names of a --users file: one per line, or a CSV whose header has a "User Name" (or "Gebruikersnaam")
 * column, comma- or semicolon-separated, with or without a BOM. Blank lines are skipped.
 */
export function readUserNames(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(`Cannot read ${path}: ${(error as Error).message}`);
  }
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const header = lines[0] ?? "";
  const delimiter = header.includes(";") && !header.includes(",") ? ";" : ",";
  const cells = (line: string) => line.split(delimiter).map((cell) => cell.trim().replace(/^"(.*)"$/, "$1"));
  const column = cells(header).findIndex((cell) => /^(user ?name|gebruikersnaam|userprincipalname|email)$/i.test(cell));
  if (column < 0) return lines.map((line) => cells(line)[0] ?? "").filter(Boolean);
  return lines
    .slice(1)
    .map((line) => cells(line)[column] ?? "")
    .filter(Boolean);
}

/** The users named (by sign-in name or id), each once; unknown names are a usage error naming the line. */
export async function resolveUsers(session: Session, names: readonly string[], source: string): Promise<UserRef[]> {
  const users = await allUsers(session);
  const byName = new Map(users.map((user) => [user.userPrincipalName.toLowerCase(), user]));
  const byId = new Map(users.map((user) => [user.id, user]));
  const found = new Map<string, UserRef>();
  const unknown: string[] = [];
  names.forEach((name, index) => {
    const user = isUuid(name) ? byId.get(name.toLowerCase()) : byName.get(name.toLowerCase());
    if (user) found.set(user.id, user);
    else unknown.push(`${source} ${index + 1}: ${name}`);
  });
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
  const [user] = await resolveUsers(session, [nameOrId], "user");
  if (!user) throw new UsageError(`No user ${nameOrId}.`);
  return user;
}
