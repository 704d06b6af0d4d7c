import { Navigate } from "react-router";
import { AppShell } from "@/components/layouts/app-shell";
import { TenantNotFound } from "@/components/status-pages";
import { useMe } from "@/lib/auth";
import { defaultTenant } from "@/lib/tenant";

/** `/`: open the tenant used last, or the first one the user reaches. */
export function TenantRedirect() {
  const { data: me } = useMe();
  if (!me) return null;
  const tenant = defaultTenant(me.tenants);
  if (!tenant) {
    return (
      <AppShell me={me} context={null} section={undefined}>
        <TenantNotFound />
      </AppShell>
    );
  }
  return <Navigate to={`/t/${tenant.id}`} replace />;
}
