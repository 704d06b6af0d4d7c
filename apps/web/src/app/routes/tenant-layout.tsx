import { useEffect } from "react";
import { Outlet, useMatches } from "react-router";
import { AppShell } from "@/components/layouts/app-shell";
import { canOpenSection, isSection, type Section } from "@/components/layouts/nav-items";
import { Forbidden, TenantNotFound } from "@/components/status-pages";
import { useMe } from "@/lib/auth";
import { rememberTenant, useCurrentTenant } from "@/lib/tenant";

/** The page's nav section, and whether the page is open to everyone in the tenant whatever the section needs. */
function useSection(): { section: Section | undefined; openToAll: boolean } {
  const matches = useMatches();
  for (const match of [...matches].reverse()) {
    const handle = match.handle as { section?: unknown; openToAll?: unknown } | undefined;
    if (isSection(handle?.section)) return { section: handle.section, openToAll: handle.openToAll === true };
  }
  return { section: undefined, openToAll: false };
}

/** `/t/:tenantId/*`: the shell for one tenant; a page the roles there don't allow shows "no access" instead. */
export function TenantLayout() {
  const { data: me } = useMe();
  const context = useCurrentTenant();
  const { section, openToAll } = useSection();
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
  const allowed = section === undefined || openToAll || canOpenSection(section, context.tenant);
  return (
    <AppShell me={me} context={context} section={section}>
      {allowed ? <Outlet /> : <Forbidden homeHref={`/t/${context.tenant.id}`} />}
    </AppShell>
  );
}
