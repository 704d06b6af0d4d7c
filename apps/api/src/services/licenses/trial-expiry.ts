import { Prisma } from "@allot/db";
import { POWER_AUTOMATE_TRIAL, trialLicenseExpiry } from "@allot/domain";

/**
 * A new assignment's own end, as SQL for the statements that insert assignments: a license of the trial product
 * (Power Automate Free) ends 90 days after it was assigned to that user, whoever assigned it (the person signing up
 * or an admin; groups cannot hold it, see group-licenses.ts); every other license lasts as long as its subscription
 * (NULL). `productId` is the SQL of the
 * inserted row's product id.
 */
export function trialExpirySql(productId: Prisma.Sql, now: Date): Prisma.Sql {
  return Prisma.sql`(SELECT ${trialLicenseExpiry(now)}::timestamptz FROM "Product" p
                      WHERE p.id = ${productId} AND p."skuPartNumber" = ${POWER_AUTOMATE_TRIAL.skuPartNumber})`;
}
