import type { Action } from "@allot/domain";
import { useEffect } from "react";
import { Outlet, useMatches } from "react-router";
import { AppShell } from "@/components/layouts/app-shell";
import { canOpenPage, isSection, type Section } from "@/components/layouts/nav-items";
import { Forbidden, TenantNotFound } from "@/components/status-pages";
import { useMe } from "@/lib/auth";
import { rememberTenant, useCurrentTenant } from "@/lib/tenant";

interface PageAccess {
  section: Section | undefined;
  /** Open to everyone in the tenant whatever the section needs. */
  openToAll: boolean;
  /** Open to those with any of these rights, instead of the section's. */
  anyOf: readonly Action[] | undefined;
}

/** The page's nav section, and who may open it (see RouteHandle). */
function useSection(): PageAccess {
  const matches = useMatches();
  for (const match of [...matches].reverse()) {
    const handle = match.handle as { section?: unknown; openToAll?: unknown; anyOf?: Action[] } | undefined;
    if (isSection(handle?.section)) {
      return { section: handle.section, openToAll: handle.openToAll === true, anyOf: handle.anyOf };
    }
  }
  return { section: undefined, openToAll: false, anyOf: undefined };
}

/** `/t/:tenantId/*`: the shell for one tenant; a page the roles there don't allow shows "no access" instead. */
export function TenantLayout() {
  const { data: me } = useMe();
  const context = useCurrentTenant();
  const { section, openToAll, anyOf } = useSection();
  const tenantId = context?.tenant.id;

  useEffect(() => {
    if (tenantId) rememberTenant(tenantId);
  }, [tenantId]);

  if (!me) return null;
  if (!context) {
    return (
      <AppShell me={me} context={null} section={undefined}>
        <TenantNotFound />
      </AppShell>
    );
  }
  // A page open to all (a maker's own self-service subscription) leaves the decision to the API, which answers 404.
  const allowed = section === undefined || openToAll || canOpenPage(section, anyOf, context.tenant);
  return (
    <AppShell me={me} context={context} section={section}>
      {allowed ? <Outlet /> : <Forbidden homeHref={`/t/${context.tenant.id}`} />}
    </AppShell>
  );
}
