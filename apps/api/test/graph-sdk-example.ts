// allot-graph.ts: lists who holds a product, then gives it to one more user, with the Microsoft Graph SDK.
//   npm install @microsoft/microsoft-graph-client@3
//   ALLOT_URL=https://allot.example.com ALLOT_CLIENT_ID=<appId> ALLOT_CLIENT_SECRET=<secret> \
//     npx tsx allot-graph.ts <skuId> <userPrincipalName>
import { pathToFileURL } from "node:url";
import {
  type AuthenticationProvider,
  Client,
  GraphError,
  type PageCollection,
  PageIterator,
} from "@microsoft/microsoft-graph-client";

/** Client credentials at Allot's token endpoint; a token is reused until a minute before it expires. */
export function clientCredentials(origin: string, clientId: string, clientSecret: string): AuthenticationProvider {
  let cached: { token: string; expiresAt: number } | undefined;
  return {
    async getAccessToken() {
      if (cached && Date.now() < cached.expiresAt - 60_000) return cached.token;
      const response = await fetch(`${origin}/oauth2/v2.0/token`, {
        method: "POST",
        body: new URLSearchParams({
          grant_type: "client_credentials",
          client_id: clientId,
          client_secret: clientSecret,
          scope: "api://allot/.default",
        }),
      });
      if (!response.ok) throw new Error(`The token endpoint answered ${response.status}: ${await response.text()}`);
      const body = (await response.json()) as { access_token: string; expires_in: number };
      cached = { token: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 };
      return cached.token;
    },
  };
}

/** The SDK pointed at Allot: it sends the token only to https hosts named in customHosts. */
export function allotClient(origin: string, authProvider: AuthenticationProvider): Client {
  return Client.initWithMiddleware({
    authProvider,
    baseUrl: `${origin}/graph`,
    defaultVersion: "v1.0",
    customHosts: new Set([new URL(origin).hostname]),
  });
}

export interface ListedUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
}

/** Every user the $filter matches, 999 a page (the most Allot answers), following @odata.nextLink. */
export async function usersWhere(client: Client, filter: string): Promise<ListedUser[]> {
  const users: ListedUser[] = [];
  const firstPage: PageCollection = await client
    .api("/users")
    .filter(filter)
    .select(["displayName", "userPrincipalName"])
    .top(999)
    .get();
  await new PageIterator(client, firstPage, (user: ListedUser) => {
    users.push(user);
    return true; // false would stop after this user
  }).iterate();
  return users;
}

export type AssignOutcome =
  | { ok: true }
  | { ok: false; status: number; code: string; reason: string; target?: string; message: string };

/**
 * Gives a user (id or userPrincipalName) a product. A refusal is Graph's 400 Request_BadRequest; Allot's reason
 * (CountViolation, UsageLocationRequired, MutuallyExclusiveViolation, DependencyViolation, …) and the skuId it is
 * about are in error.details, which the SDK keeps in GraphError.body: the JSON of the envelope's `error`.
 */
export async function assignLicense(client: Client, user: string, skuId: string): Promise<AssignOutcome> {
  try {
    await client
      .api(`/users/${encodeURIComponent(user)}/assignLicense`)
      .post({ addLicenses: [{ skuId, disabledPlans: [] }], removeLicenses: [] });
    return { ok: true };
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    const body = typeof error.body === "string" && error.body.startsWith("{") ? JSON.parse(error.body) : {};
    const detail: { code?: string; target?: string } = body.details?.[0] ?? {};
    return {
      ok: false,
      status: error.statusCode,
      code: error.code ?? "",
      reason: detail.code ?? error.code ?? "",
      ...(detail.target ? { target: detail.target } : {}),
      message: error.message,
    };
  }
}

export async function main(env: NodeJS.ProcessEnv, args: string[], print: (line: string) => void): Promise<void> {
  const { ALLOT_URL: origin, ALLOT_CLIENT_ID: clientId, ALLOT_CLIENT_SECRET: secret } = env;
  const [skuId, user] = args;
  if (!origin || !clientId || !secret || !skuId || !user) {
    throw new Error("Set ALLOT_URL, ALLOT_CLIENT_ID and ALLOT_CLIENT_SECRET; give a skuId and a userPrincipalName.");
  }
  const client = allotClient(origin, clientCredentials(origin, clientId, secret));
  const holders = await usersWhere(client, `assignedLicenses/any(x:x/skuId eq ${skuId})`);
  print(`${holders.length} users hold ${skuId}`);
  const outcome = await assignLicense(client, user, skuId);
  print(outcome.ok ? `${user} now holds ${skuId}` : `${outcome.status} ${outcome.reason}: ${outcome.message}`);
}

// Run as a script (not imported): ESM and CommonJS alike, hence no top-level await.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.env, process.argv.slice(2), console.log).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
