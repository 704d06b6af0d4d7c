// A running API (the real start command) on a fresh copy of the seeded test database, and the credentials a script
// holds: a global admin's personal access token and an app registration's client id and secret.
import type { CreatedPersonalToken, CreatedSecret, Me } from "@allot/contracts";
import { DEMO_PASSWORD } from "@allot/db";
import { allowedActions } from "@allot/domain";
import { type ApiProcess, startApiProcess } from "../../api/test/api-process.js";
import { createTestDatabase } from "../../api/test/database.js";

export interface RunningApi {
  api: ApiProcess;
  url: string;
  tenantId: string;
  personalToken: string;
  app: { clientId: string; clientSecret: string };
  /** Requests with the personal token, to set up and check what the CLI did. */
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  stop(): Promise<void>;
}

async function signIn(url: string, email: string) {
  const response = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const me = (await response.json()) as Me;
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const answer = await fetch(`${url}${path}`, {
      method,
      headers: { cookie, "x-csrf-token": me.csrfToken, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!answer.ok) throw new Error(`${method} ${path}: ${answer.status} ${await answer.text()}`);
    return (await answer.json()) as T;
  };
}

export async function startApi(name: string): Promise<RunningApi> {
  const database = await createTestDatabase("allot_cli");
  const api = await startApiProcess(database.url, name);
  const url = api.origin;
  const admin = await signIn(url, "admin@contoso.test");
  const me = await admin<Me>("GET", "/api/me");
  const tenantId = me.user.tenantId;
  const scopes = allowedActions(me.tenants.flatMap((tenant) => tenant.roles)).filter(
    (action) => action !== "applications.manage",
  );
  const { token } = await admin<CreatedPersonalToken>("POST", "/api/me/tokens", { name: "allot cli test", scopes });
  const registered = await admin<{ id: string; appId: string }>("POST", `/api/tenants/${tenantId}/applications`, {
    displayName: "allot cli test app",
    permissions: ["User.Read.All", "LicenseAssignment.ReadWrite.All"],
  });
  const secret = await admin<CreatedSecret>(
    "POST",
    `/api/tenants/${tenantId}/applications/${registered.id}/secrets`,
    {},
  );
  return {
    api,
    url,
    tenantId,
    personalToken: token,
    app: { clientId: registered.appId, clientSecret: secret.secretText },
    async get<T>(path: string) {
      const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    async post<T>(path: string, body: unknown) {
      const response = await fetch(`${url}${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    async stop() {
      await api.kill();
      await database.drop();
    },
  };
}
