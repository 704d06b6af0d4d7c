import { AppShell } from "@/components/layouts/app-shell";
import { NotFound } from "@/components/status-pages";
import { useMe } from "@/lib/auth";
import { useCurrentTenant } from "@/lib/tenant";

/** An unknown address: inside a tenant the shell is already there (TenantLayout); elsewhere it is added. */
export function TenantNotFoundRoute() {
  const { data: me } = useMe();
  const context = useCurrentTenant();
  if (context) return <NotFound homeHref={`/t/${context.tenant.id}`} />;
  if (!me) return null;
  return (
    <AppShell me={me} context={null} section={undefined}>
      <NotFound />
    </AppShell>
  );
}
