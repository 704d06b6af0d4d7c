/**
 * Query keys of every tenant-scoped resource, in one place so a mutation in one area can refresh what it changed in
 * another (deleting a user changes group member counts) without features importing each other.
 */
export const queryKeys = {
  tenant: (tenantId: string) => ["tenants", tenantId] as const,
  users: (tenantId: string) => ["tenants", tenantId, "users"] as const,
  groups: (tenantId: string) => ["tenants", tenantId, "groups"] as const,
  audit: (tenantId: string) => ["tenants", tenantId, "audit"] as const,
  /** Seats, conflicts, group licenses, reclaim candidates, bulk jobs: everything a license change can move. */
  licensing: (tenantId: string) => ["tenants", tenantId, "licensing"] as const,
  requests: (tenantId: string) => ["tenants", tenantId, "requests"] as const,
  /** Subscriptions, orders, invoices, quotes and self-service policies. */
  billing: (tenantId: string) => ["tenants", tenantId, "billing"] as const,
  /** The pricing page and My licenses: what the signed-in person holds, requested and bought. */
  account: (tenantId: string) => ["tenants", tenantId, "account"] as const,
  /** A partner tenant's customers and its products overview across them. */
  partnerCenter: (tenantId: string) => ["tenants", tenantId, "partnerCenter"] as const,
  /** Environments, capacity allocations, flows, machines and DLP policies: one change can move any of them. */
  powerPlatform: (tenantId: string) => ["tenants", tenantId, "powerPlatform"] as const,
};
