import type {
  CreatedUser as CreatedUserAnswer,
  CreateUserRequest,
  Group,
  LicensedUser,
  Me,
  ReachableTenant,
  SubscribedSku,
  User,
  UserPage,
} from "@allot/contracts";
import {
  type APIRequestContext,
  type APIResponse,
  test as base,
  expect,
  type Locator,
  type Page,
} from "@playwright/test";

export const PASSWORD = "Allot-demo-1";

/** Contoso's demo sign-ins, as the seed makes them, and its domain. */
export const CONTOSO = {
  domain: "contoso.test",
  admin: "admin@contoso.test",
  billingAdmin: "billing@contoso.test",
  licenseAdmin: "licenses@contoso.test",
} as const;
const SHOTS_DIR = process.env.SHOTS_DIR;

/** A user a spec made for itself: the names it was given, to find it in the UI. */
export type CreatedUser = Pick<User, "id" | "displayName" | "email">;

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Signs in through the API with the demo password; the request context keeps the session cookie. */
async function logIn(request: APIRequestContext, email: string): Promise<Me> {
  const response = await request.post("/api/auth/login", { data: { email, password: PASSWORD } });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as Me;
}

function tenantOf(session: Me, email: string, domain: string): ReachableTenant {
  const tenant = session.tenants.find((candidate) => candidate.domain === domain);
  if (!tenant) throw new Error(`${email} does not reach ${domain}`);
  return tenant;
}

/** Lower case with dashes, for the local part of an email address made from a display name. */
function slug(label: string): string {
  return label.toLowerCase().replaceAll(" ", "-");
}

/** Reads seeded data through the API with its own cookie session, so a test picks real names instead of guessing. */
export class Api {
  constructor(private readonly request: APIRequestContext) {}

  async signIn(email: string): Promise<Me> {
    return logIn(this.request, email);
  }

  async tenant(email: string, domain: string): Promise<ReachableTenant> {
    return tenantOf(await logIn(this.request, email), email, domain);
  }

  async users(tenantId: string, search?: string): Promise<User[]> {
    const query = new URLSearchParams({ limit: "200" });
    if (search) query.set("search", search);
    const response = await this.request.get(`/api/tenants/${tenantId}/users?${query}`);
    expect(response.status()).toBe(200);
    return ((await response.json()) as UserPage).items;
  }
}

/**
 * The API of one tenant as a signed-in person, with the CSRF token mutations need, for specs that set up their own
 * users, groups and licenses. A spec extends it only with calls no other spec makes.
 */
export class TenantApi {
  private csrf = "";
  private domain = "";
  tenantId = "";
  constructor(protected readonly request: APIRequestContext) {}

  async signIn(email: string, domain: string): Promise<void> {
    const session = await logIn(this.request, email);
    this.csrf = session.csrfToken;
    this.tenantId = tenantOf(session, email, domain).id;
    this.domain = domain;
  }

  /** Calls a route below /api/tenants/:tenantId and answers the response as it is (for answers meant to fail). */
  raw(method: Method, path: string, data?: unknown): Promise<APIResponse> {
    return this.request.fetch(`/api/tenants/${this.tenantId}/${path}`, {
      method,
      headers: method === "GET" ? {} : { "X-CSRF-Token": this.csrf },
      ...(data === undefined ? {} : { data }),
    });
  }

  /** Calls a route below /api/tenants/:tenantId and expects success; answers the parsed body. */
  async send<T>(method: Method, path: string, data?: unknown): Promise<T> {
    const response = await this.raw(method, path, data);
    const text = await response.text();
    expect(response.ok(), `${method} ${path}: ${text}`).toBe(true);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async createUser(user: CreateUserRequest): Promise<CreatedUserAnswer> {
    const response = await this.raw("POST", "users", user);
    const text = await response.text();
    expect(response.status(), text).toBe(201);
    return JSON.parse(text) as CreatedUserAnswer;
  }

  /**
   * One new member in the Netherlands named `<label> <stamp>`, e.g. "RQ Approve 1718…" (a spec's labels start with
   * its own prefix). With a password, someone who can sign in.
   */
  async createPerson(label: string, options: { password?: string } = {}): Promise<CreatedUser> {
    // Milliseconds alone repeat when a test makes two people in a row.
    const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
    const displayName = `${label} ${stamp}`;
    const email = `${slug(label)}-${stamp}@${this.domain}`;
    const user = await this.createUser({ displayName, email, usageLocation: "NL", ...options });
    return { id: user.id, displayName, email };
  }

  /** `count` new members in the Netherlands named `<label> <n> <stamp>`, n from 1: searching `label` finds them all. */
  async createUsers(label: string, count: number): Promise<CreatedUser[]> {
    const stamp = Date.now();
    const users: CreatedUser[] = [];
    for (let index = 1; index <= count; index++) {
      const displayName = `${label} ${index} ${stamp}`;
      const email = `${slug(label)}-${index}-${stamp}@${this.domain}`;
      const user = await this.createUser({ displayName, email, usageLocation: "NL" });
      users.push({ id: user.id, displayName, email });
    }
    return users;
  }

  createGroup(displayName: string, description: string): Promise<Group> {
    return this.send<Group>("POST", "groups", { displayName, description });
  }

  addMembers(groupId: string, userIds: string[]): Promise<void> {
    return this.send("POST", `groups/${groupId}/members`, { userIds });
  }

  /** The product with this part number (e.g. POWER_BI_PRO) as the tenant has it now: seats, use, plans. */
  async sku(partNumber: string): Promise<SubscribedSku> {
    const sku = (await this.subscribedSkus()).find((candidate) => candidate.skuPartNumber === partNumber);
    if (!sku) throw new Error(`no ${partNumber} in the tenant`);
    return sku;
  }

  async subscribedSkus(): Promise<SubscribedSku[]> {
    return (await this.send<{ value: SubscribedSku[] }>("GET", "subscribedSkus")).value;
  }

  /** Gives a user one product with all of its apps on. */
  assign(userId: string, skuId: string): Promise<void> {
    return this.send("POST", `users/${userId}/assignLicense`, {
      addLicenses: [{ skuId, disabledPlans: [] }],
      removeLicenses: [],
    });
  }

  /** The licenses in effect for a user (direct or from a group), each with the apps switched off in it. */
  licenses(userId: string): Promise<LicensedUser> {
    return this.send<LicensedUser>("GET", `users/${userId}/licenses`);
  }

  async skusOf(userId: string): Promise<string[]> {
    return (await this.licenses(userId)).assignedLicenses.map((license) => license.skuId);
  }

  async holds(userId: string, skuId: string): Promise<boolean> {
    return (await this.skusOf(userId)).includes(skuId);
  }
}

const SIGN_IN_FORM = {
  en: { email: "Email address", password: "Password", submit: "Sign in" },
  nl: { email: "E-mailadres", password: "Wachtwoord", submit: "Aanmelden" },
};

async function submitSignInForm(
  page: Page,
  labels: (typeof SIGN_IN_FORM)["en"],
  email: string,
  password: string,
): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password).fill(password);
  await page.getByRole("button", { name: labels.submit }).click();
}

/** Signs in through the sign-in page, as a person would. */
export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await submitSignInForm(page, SIGN_IN_FORM.en, email, password);
}

/** Signs in through the sign-in page shown in Dutch (its labels follow the language). */
export async function signInInDutch(page: Page, email: string): Promise<void> {
  await submitSignInForm(page, SIGN_IN_FORM.nl, email, PASSWORD);
}

/** Signs in through the sign-in page and, unlike `signIn`, waits until the portal shows. */
export async function signInAs(page: Page, email: string): Promise<void> {
  await signIn(page, email);
  await expect(nav(page)).toBeVisible();
}

/** Signs the page out (drops its cookies) and in again as someone else. */
export async function switchUser(page: Page, email: string): Promise<void> {
  await page.context().clearCookies();
  await signInAs(page, email);
}

/** The left navigation (links are checked inside it, not in page content); its label follows the language. */
export function nav(page: Page) {
  return page.getByRole("navigation", { name: /^(Main navigation|Hoofdnavigatie)$/ });
}

/**
 * Selects a tab and waits until it says it is selected. Once, in a full CI run, a click on a tab of a details panel
 * that had just opened left it unselected for the next 10 s (cause not found: 6 runs of that test under full CPU load
 * passed), so the click is repeated until the tab is selected; clicking a selected tab changes nothing.
 */
export async function selectTab(tab: Locator): Promise<void> {
  await expect(async () => {
    await tab.click();
    await expect(tab).toHaveAttribute("aria-selected", "true", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

/** Saves a screenshot as `<SHOTS_DIR>/<name>.png` when SHOTS_DIR is set, to look at the UI after a run. */
export async function shot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  if (SHOTS_DIR) await page.screenshot({ path: `${SHOTS_DIR}/${name}.png`, ...options });
}

/**
 * Like `shot`, for pages whose main area scrolls inside the window: taken in a tall window, which shows the whole
 * page, and the window is then put back to its size.
 */
export async function tallShot(page: Page, name: string): Promise<void> {
  if (!SHOTS_DIR) return;
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 1600 });
  await page.screenshot({ path: `${SHOTS_DIR}/${name}.png` });
  if (size) await page.setViewportSize(size);
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
