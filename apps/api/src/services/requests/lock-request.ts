import type { LicenseRequest } from "@allot/contracts";
import type { Tx } from "@allot/db";
import { AppError, notFound } from "../../lib/app-error.js";

/** A request row as the decisions change it. */
export interface RequestRecord {
  id: string;
  requesterUserId: string;
  productId: string;
  status: LicenseRequest["status"];
}

/**
 * Reads and locks a request of the tenant (404 when it is not one): two approvers deciding at once queue here, and
 * the second one finds it decided.
 */
export async function lockRequest(tx: Tx, tenantId: string, requestId: string): Promise<RequestRecord> {
  const [row] = await tx.$queryRaw<RequestRecord[]>`
    SELECT id::text AS id, "requesterUserId"::text AS "requesterUserId", "productId"::text AS "productId",
           status::text AS status
      FROM "LicenseRequest" WHERE id = ${requestId}::uuid AND "tenantId" = ${tenantId}::uuid FOR UPDATE`;
  if (!row) throw notFound("License request");
  return row;
}

/** Only a pending request can be approved, denied or withdrawn. */
export function assertPending(request: RequestRecord): void {
  if (request.status !== "pending") {
    throw new AppError("RequestNotPending", `This request was already ${request.status}.`);
  }
}
