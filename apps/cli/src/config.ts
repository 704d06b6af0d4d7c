import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { z } from "zod";

/** What `allot login` keeps between runs: where the API is, the credentials, and the tenant commands act in. */
export const storedLoginSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("personal"),
    url: z.string(),
    token: z.string(),
    tenantId: z.string(),
  }),
  z.object({
    kind: z.literal("app"),
    url: z.string(),
    tenantId: z.string(),
    clientId: z.string(),
    /** Kept (in a file only its owner can read) so an expired access token can be renewed without a new login. */
    clientSecret: z.string(),
    accessToken: z.string(),
    expiresAt: z.string(),
  }),
]);
export type StoredLogin = z.infer<typeof storedLoginSchema>;

/** The config file: $XDG_CONFIG_HOME/allot/config.json, or ~/.config/allot/config.json. */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), ".config");
  return join(base, "allot", "config.json");
}

export function readLogin(path = configPath()): StoredLogin | null {
  if (!existsSync(path)) return null;
  try {
    return storedLoginSchema.parse(JSON.parse(readFileSync(path, "utf8")));
  } catch {
    return null;
  }
}

/**
 * Saves the login readable by its owner only (0600, in a 0700 folder): it holds a token or a client secret. The
 * mode is set again after writing, as an existing file keeps its old mode and the umask may narrow a new one's.
 */
export function writeLogin(login: StoredLogin, path = configPath()): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, `${JSON.stringify(login, null, 2)}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
}

export function removeLogin(path = configPath()): boolean {
  if (!existsSync(path)) return false;
  rmSync(path);
  return true;
}
