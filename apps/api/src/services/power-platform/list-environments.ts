import type { Environment } from "@allot/contracts";
import type { TenantContext } from "../../types.js";
import { loadEnvironments } from "./environment-view.js";

/** The tenant's environments, by name, with their flow and machine counts. */
export async function listEnvironments(ctx: TenantContext): Promise<{ items: Environment[] }> {
  return { items: await loadEnvironments(ctx.db, ctx.tenantId) };
}
