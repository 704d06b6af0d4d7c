import type { Action } from "@allot/domain";
import { type ComponentType, useMemo } from "react";
import { createBrowserRouter, type RouteObject } from "react-router";
import { RouterProvider } from "react-router/dom";
import type { Section } from "@/components/layouts/nav-items";
import { PageSpinner } from "@/components/page-spinner";
import { loadRegisteredTexts, useI18n } from "@/lib/i18n";
import { RequireAuth } from "./routes/require-auth";
import { RouteError } from "./routes/route-error";

export interface RouteHandle {
  section: Section;
  /** Reachable by everyone in the tenant; the API decides what they may see (a buyer's own subscription). */
  openToAll?: boolean;
  /** Open to those with any of these rights instead of the section's (Buy products: billing or Power Platform admins). */
  anyOf?: readonly Action[];
}

function section(name: Section): RouteHandle {
  return { section: name };
}

function HydrateFallback() {
  const { t } = useI18n();
  return <PageSpinner label={t.common.loadingPage} />;
}

/**
 * A page loaded on demand: its module, then its feature's texts in the language shown, before it first renders (so
 * the page does not suspend again for them).
 */
function page(load: () => Promise<ComponentType>): RouteObject["lazy"] {
  return async () => {
    const Component = await load();
    // A failed load of texts is left to the page: it suspends on them and shows its error boundary.
    await loadRegisteredTexts().catch(() => undefined);
    return { Component };
  };
}

const notFound = page(async () => (await import("./routes/tenant-not-found")).TenantNotFoundRoute);

/** Pages load on demand; each feature's route module exports the page component. */
export function createAppRouter() {
  const routes: RouteObject[] = [
    {
      id: "root",
      HydrateFallback,
      ErrorBoundary: RouteError,
      children: [
        {
          path: "sign-in",
          lazy: page(async () => (await import("@/features/auth/routes/sign-in")).SignInRoute),
        },
        {
          Component: RequireAuth,
          children: [
            {
              index: true,
              lazy: page(async () => (await import("./routes/tenant-redirect")).TenantRedirect),
            },
            {
              path: "account/password",
              lazy: page(async () => (await import("@/features/auth/routes/change-password")).ChangePasswordRoute),
            },
            {
              path: "t/:tenantId",
              // The shell (nav, top bar, menus, toasts) is not needed to sign in, so it loads with the first page in it.
              lazy: page(async () => (await import("./routes/tenant-layout")).TenantLayout),
              ErrorBoundary: RouteError,
              children: [
                {
                  index: true,
                  handle: section("home"),
                  lazy: page(async () => (await import("@/features/home/routes/home")).HomeRoute),
                },
                {
                  path: "customers",
                  handle: section("customers"),
                  lazy: page(async () => (await import("@/features/partners/routes/customers")).CustomersRoute),
                },
                {
                  path: "users-and-licenses",
                  handle: section("usersAndLicenses"),
                  lazy: page(
                    async () => (await import("@/features/customer-licenses/routes/users")).CustomerUsersRoute,
                  ),
                },
                {
                  path: "users-and-licenses/manage",
                  handle: section("usersAndLicenses"),
                  lazy: page(
                    async () => (await import("@/features/customer-licenses/routes/manage")).ManageLicensesRoute,
                  ),
                },
                {
                  path: "users-and-licenses/jobs/:jobId",
                  handle: section("usersAndLicenses"),
                  lazy: page(
                    async () => (await import("@/features/customer-licenses/routes/confirmation")).ConfirmationRoute,
                  ),
                },
                {
                  path: "staff",
                  handle: section("staff"),
                  lazy: page(async () => (await import("@/features/partners/routes/staff")).StaffRoute),
                },
                {
                  path: "activity",
                  handle: section("activity"),
                  lazy: page(async () => (await import("@/features/partners/routes/activity")).ActivityRoute),
                },
                {
                  path: "users",
                  handle: section("users"),
                  lazy: page(async () => (await import("@/features/users/routes/users")).UsersRoute),
                },
                {
                  path: "users/import",
                  handle: { ...section("users"), anyOf: ["users.manage"] },
                  lazy: page(async () => (await import("@/features/user-import/routes/users-import")).UsersImportRoute),
                },
                {
                  path: "users/import/:importId",
                  handle: { ...section("users"), anyOf: ["users.manage"] },
                  lazy: page(async () => (await import("@/features/user-import/routes/results")).ImportResultsRoute),
                },
                {
                  path: "groups",
                  handle: section("groups"),
                  lazy: page(async () => (await import("@/features/groups/routes/groups")).GroupsRoute),
                },
                {
                  path: "licenses",
                  handle: section("licenses"),
                  lazy: page(async () => (await import("@/features/licenses/routes/licenses")).LicensesRoute),
                },
                {
                  path: "licenses/conflicts",
                  handle: section("licenses"),
                  lazy: page(async () => (await import("@/features/conflicts/routes/conflicts")).ConflictsRoute),
                },
                {
                  path: "licenses/reclaim",
                  handle: section("licenses"),
                  lazy: page(async () => (await import("@/features/reclaim/routes/reclaim")).ReclaimRoute),
                },
                {
                  path: "licenses/import",
                  handle: { ...section("licenses"), anyOf: ["licenses.assign"] },
                  lazy: page(
                    async () => (await import("@/features/user-import/routes/users-import")).LicensesImportRoute,
                  ),
                },
                {
                  path: "licenses/import/:importId",
                  handle: { ...section("licenses"), anyOf: ["licenses.assign"] },
                  lazy: page(async () => (await import("@/features/user-import/routes/results")).ImportResultsRoute),
                },
                {
                  path: "licenses/jobs/:jobId",
                  handle: section("licenses"),
                  lazy: page(async () => (await import("@/features/jobs/routes/job")).JobRoute),
                },
                {
                  path: "licenses/:skuId",
                  handle: section("licenses"),
                  lazy: page(async () => (await import("@/features/licenses/routes/product")).ProductRoute),
                },
                {
                  path: "billing",
                  handle: section("billing"),
                  lazy: page(async () => (await import("@/features/billing/routes/billing")).BillingRoute),
                },
                {
                  path: "billing/buy",
                  handle: { ...section("billing"), anyOf: ["billing.manage", "powerPlatform.buy"] },
                  lazy: page(async () => (await import("@/features/billing/routes/buy")).BuyRoute),
                },
                {
                  path: "billing/subscriptions/:subscriptionId",
                  handle: { ...section("billing"), openToAll: true },
                  lazy: page(async () => (await import("@/features/billing/routes/subscription")).SubscriptionRoute),
                },
                {
                  path: "billing/invoices/:invoiceId",
                  handle: section("billing"),
                  lazy: page(async () => (await import("@/features/billing/routes/invoice")).InvoiceRoute),
                },
                // Power Platform: Flows is the makers' My flows too (section myFlows needs flows.create only).
                {
                  path: "power-platform/environments",
                  handle: section("powerPlatform"),
                  lazy: page(
                    async () => (await import("@/features/power-platform/routes/environments")).EnvironmentsRoute,
                  ),
                },
                {
                  path: "power-platform/capacity",
                  handle: section("powerPlatform"),
                  lazy: page(async () => (await import("@/features/power-platform/routes/capacity")).CapacityRoute),
                },
                {
                  path: "power-platform/flows",
                  handle: section("myFlows"),
                  lazy: page(async () => (await import("@/features/power-platform/routes/flows")).FlowsRoute),
                },
                {
                  path: "power-platform/machines",
                  handle: section("powerPlatform"),
                  lazy: page(async () => (await import("@/features/power-platform/routes/machines")).MachinesRoute),
                },
                {
                  path: "power-platform/dlp",
                  handle: section("powerPlatform"),
                  lazy: page(async () => (await import("@/features/power-platform/routes/dlp")).DlpRoute),
                },
                {
                  path: "pricing",
                  handle: section("pricing"),
                  lazy: page(async () => (await import("@/features/pricing/routes/pricing")).PricingRoute),
                },
                {
                  path: "account/licenses",
                  handle: section("account"),
                  lazy: page(async () => (await import("@/features/account/routes/my-licenses")).MyLicensesRoute),
                },
                {
                  path: "account/tokens",
                  handle: section("account"),
                  lazy: page(
                    async () => (await import("@/features/account/routes/personal-tokens")).PersonalTokensRoute,
                  ),
                },
                {
                  path: "requests",
                  handle: section("requests"),
                  lazy: page(async () => (await import("@/features/requests/routes/requests")).RequestsRoute),
                },
                {
                  path: "audit",
                  handle: section("audit"),
                  lazy: page(async () => (await import("@/features/audit/routes/audit")).AuditRoute),
                },
                {
                  path: "settings",
                  handle: section("settings"),
                  lazy: page(async () => (await import("@/features/settings/routes/settings")).SettingsRoute),
                },
                { path: "*", lazy: notFound },
              ],
            },
            { path: "*", lazy: notFound },
          ],
        },
      ],
    },
  ];
  return createBrowserRouter(routes);
}

export function AppRouter() {
  const router = useMemo(createAppRouter, []);
  return <RouterProvider router={router} />;
}
