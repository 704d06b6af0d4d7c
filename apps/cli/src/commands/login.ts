import { ApiError, clientCredentialsToken, createClient } from "@allot/client";
import type { Command } from "commander";
import { configPath, readLogin, removeLogin, writeLogin } from "../config.js";
import { AuthError, UsageError } from "../exit-codes.js";
import { isUuid, PERSONAL_TOKEN_PREFIX, tenantOfAccessToken } from "../session.js";

const DEFAULT_URL = "http://localhost:3000";

interface LoginOptions {
  url?: string;
  token?: string;
  tenant?: string;
  clientId?: string;
  clientSecret?: string;
}

/** A rejected credential is an auth error (exit 3), whatever status the API or the token endpoint chose. */
function asAuthError(error: unknown): never {
  if (error instanceof ApiError && (error.status === 400 || error.status === 401 || error.status === 403)) {
    throw new AuthError(`The API refused the credentials: ${error.message} (${error.code})`);
  }
  throw error;
}

async function loginWithToken(url: string, token: string, tenant: string | undefined) {
  if (!token.startsWith(PERSONAL_TOKEN_PREFIX)) {
    throw new UsageError(`--token takes a personal access token (${PERSONAL_TOKEN_PREFIX}…); apps use --client-id.`);
  }
  const me = await createClient({ baseUrl: url, token }).me().catch(asAuthError);
  let tenantId = me.user.tenantId;
  if (tenant) {
    const needle = tenant.toLowerCase();
    const match = me.tenants.find(
      (t) => t.id === needle || t.domain.toLowerCase() === needle || t.name.toLowerCase() === needle,
    );
    if (!match) throw new UsageError(`You reach no tenant named "${tenant}" (see \`allot tenants\`).`);
    tenantId = match.id;
  }
  writeLogin({ kind: "personal", url, token, tenantId });
  const name = me.tenants.find((t) => t.id === tenantId)?.name ?? tenantId;
  process.stdout.write(`Signed in as ${me.user.displayName} <${me.user.email}>, tenant ${name}.\n`);
}

async function loginWithClientCredentials(url: string, options: LoginOptions) {
  if (!options.clientId || !options.clientSecret || !options.tenant) {
    throw new UsageError("Client credentials need --tenant, --client-id and --client-secret.");
  }
  if (!isUuid(options.tenant)) throw new UsageError("--tenant takes the app's tenant id (a UUID) with --client-id.");
  const issued = await clientCredentialsToken({
    baseUrl: url,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
  }).catch(asAuthError);
  const tenantId = tenantOfAccessToken(issued.accessToken);
  if (tenantId?.toLowerCase() !== options.tenant.toLowerCase()) {
    throw new AuthError(`The app is registered in tenant ${tenantId ?? "(unknown)"}, not ${options.tenant}.`);
  }
  writeLogin({
    kind: "app",
    url,
    tenantId,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    accessToken: issued.accessToken,
    expiresAt: issued.expiresAt.toISOString(),
  });
  process.stdout.write(`Signed in as app ${options.clientId}, tenant ${tenantId}.\n`);
}

export function registerLogin(program: Command): void {
  program
    .command("login")
    .description(
      "Sign in with a personal access token (--token) or an app's client credentials (--tenant, --client-id, " +
        "--client-secret); saved in your config folder, readable by you only",
    )
    .option("--url <url>", `the API's address (default: ALLOT_URL, the last login's, or ${DEFAULT_URL})`)
    .option("--token <token>", "a personal access token (allot_pat_…), made under My account › Tokens")
    .option(
      "--tenant <tenant>",
      "with --token: the tenant to act in (id, domain or name); with --client-id: the app's tenant id",
    )
    .option("--client-id <id>", "an app registration's application (client) id")
    .option("--client-secret <secret>", "one of the app's client secrets")
    .addHelpText(
      "after",
      `\nThe login is saved in ${configPath()} (mode 0600). ALLOT_URL and ALLOT_TOKEN override it.\n` +
        "Examples:\n  allot login --url https://allot.example.com --token allot_pat_…\n" +
        "  allot login --tenant 0b6c…-… --client-id 5f1e…-… --client-secret …",
    )
    .action(async (options: LoginOptions) => {
      const url = (options.url ?? process.env.ALLOT_URL ?? readLogin()?.url ?? DEFAULT_URL).replace(/\/+$/, "");
      try {
        new URL(url);
      } catch {
        throw new UsageError(`--url must be an address such as ${DEFAULT_URL}.`);
      }
      const appLogin = options.clientId !== undefined || options.clientSecret !== undefined;
      if (options.token !== undefined && appLogin) {
        throw new UsageError("Use either --token or --client-id with --client-secret, not both.");
      }
      if (options.token !== undefined) return loginWithToken(url, options.token, options.tenant);
      if (appLogin) return loginWithClientCredentials(url, options);
      throw new UsageError("Name the credentials: --token allot_pat_…, or --tenant, --client-id and --client-secret.");
    });

  program
    .command("logout")
    .description("Forget the saved login")
    .action(() => {
      process.stdout.write(removeLogin() ? "Signed out.\n" : "Not signed in.\n");
    });
}
