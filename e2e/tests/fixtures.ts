import { type APIRequestContext, test as base, expect, type Page } from "@playwright/test";

export const PASSWORD = "Allot-demo-1";

export interface SeededUser {
  id: string;
  displayName: string;
  email: string;
  roles: string[];
  deletedAt: string | null;
}

interface Tenant {
  id: string;
  name: string;
  domain: string;
  access: "member" | "delegated";
}

/** Reads seeded data through the API with its own cookie session, so a test picks real names instead of guessing. */
export class Api {
  constructor(private readonly request: APIRequestContext) {}

  async signIn(email: string): Promise<{ tenants: Tenant[] }> {
    const response = await this.request.post("/api/auth/login", { data: { email, password: PASSWORD } });
    expect(response.status(), await response.text()).toBe(200);
    return (await response.json()) as { tenants: Tenant[] };
  }

  async tenant(email: string, domain: string): Promise<Tenant> {
    const me = await this.signIn(email);
    const tenant = me.tenants.find((candidate) => candidate.domain === domain);
    if (!tenant) throw new Error(`${email} does not reach ${domain}`);
    return tenant;
  }

  async users(tenantId: string, search?: string): Promise<SeededUser[]> {
    const query = new URLSearchParams({ limit: "200" });
    if (search) query.set("search", search);
    const response = await this.request.get(`/api/tenants/${tenantId}/users?${query}`);
    expect(response.status()).toBe(200);
    return ((await response.json()) as { items: SeededUser[] }).items;
  }
}

/**
 * The API of one tenant as a signed-in admin, with the CSRF token mutations need, for specs that set up their own
 * users, groups and licenses. Each spec extends it with the few calls it needs.
 */
export class TenantApi {
  private csrf = "";
  tenantId = "";
  constructor(protected readonly request: APIRequestContext) {}

  async signIn(email: string, domain: string): Promise<void> {
    const response = await this.request.post("/api/auth/login", { data: { email, password: PASSWORD } });
    expect(response.status(), await response.text()).toBe(200);
    const me = (await response.json()) as { csrfToken: string; tenants: Array<{ id: string; domain: string }> };
    this.csrf = me.csrfToken;
    const tenant = me.tenants.find((candidate) => candidate.domain === domain);
    if (!tenant) throw new Error(`${email} does not reach ${domain}`);
    this.tenantId = tenant.id;
  }

  /** Calls a route below /api/tenants/:tenantId and expects success; answers the parsed body. */
  async send<T>(method: "GET" | "POST" | "PATCH", path: string, data?: unknown): Promise<T> {
    const response = await this.request.fetch(`/api/tenants/${this.tenantId}/${path}`, {
      method,
      headers: method === "GET" ? {} : { "X-CSRF-Token": this.csrf },
      ...(data === undefined ? {} : { data }),
    });
    const text = await response.text();
    expect(response.ok(), `${method} ${path}: ${text}`).toBe(true);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/** Signs in through the sign-in page, as a person would. */
export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** The left navigation (links are checked inside it, not in page content); its label follows the language. */
export function nav(page: Page) {
  return page.getByRole("navigation", { name: /^(Main navigation|Hoofdnavigatie)$/ });
}

export const test = base.extend<{ api: Api }>({
  api: async ({ request }, use) => {
    await use(new Api(request));
  },
  page: async ({ page }, use) => {
    // Start every test in English unless the test itself switches; a later page load keeps the test's choice.
    await page.addInitScript(() => {
      if (!window.localStorage.getItem("allot.language")) window.localStorage.setItem("allot.language", "en");
    });
    await use(page);
  },
});

export { expect };
