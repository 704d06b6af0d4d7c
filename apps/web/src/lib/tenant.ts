import type { ReachableTenant } from "@allot/contracts";
import { type Action, can, canResetPassword, type Role } from "@allot/domain";
import { useParams } from "react-router";
import { useMe } from "./auth";

const LAST_TENANT_KEY = "allot.lastTenant";

export function rememberTenant(tenantId: string): void {
  try {
    window.localStorage.setItem(LAST_TENANT_KEY, tenantId);
  } catch {
    // Not remembered when storage is unavailable.
  }
}

/** The tenant to open after sign-in: the last one used if still reachable, else the first. */
export function defaultTenant(tenants: readonly ReachableTenant[]): ReachableTenant | undefined {
  let last: string | null = null;
  try {
    last = window.localStorage.getItem(LAST_TENANT_KEY);
  } catch {
    last = null;
  }
  return tenants.find((tenant) => tenant.id === last) ?? tenants[0];
}

export interface TenantContext {
  tenant: ReachableTenant;
  roles: readonly Role[];
  can: (action: Action) => boolean;
  canResetPassword: (targetIsAdmin: boolean) => boolean;
}

/** The tenant in the URL (`/t/:tenantId/...`) with the current user's roles there, or null if not reachable. */
export function useCurrentTenant(): TenantContext | null {
  const { tenantId } = useParams();
  const { data: me } = useMe();
  const tenant = me?.tenants.find((candidate) => candidate.id === tenantId);
  if (!tenant) return null;
  return {
    tenant,
    roles: tenant.roles,
    can: (action) => can(tenant.roles, action),
    canResetPassword: (targetIsAdmin) => canResetPassword(tenant.roles, targetIsAdmin),
  };
}

/** For pages inside the tenant layout, which renders them only when the tenant is reachable. */
export function useTenant(): TenantContext {
  const context = useCurrentTenant();
  if (!context) throw new Error("useTenant must be used inside the tenant layout");
  return context;
}
