import type { DlpPolicies } from "@allot/contracts";
import type { TenantContext } from "../../types.js";
import { dlpState } from "./dlp-state.js";

/** The tenant's data loss prevention policies, by name, and the flows they suspend. */
export async function listDlpPolicies(ctx: TenantContext): Promise<DlpPolicies> {
  return ctx.db.$transaction((tx) => dlpState(tx, ctx.tenantId));
}
