import type { AddedStaff, addStaffRequestSchema } from "@allot/contracts";
import type { z } from "zod";
import { AppError } from "../../lib/app-error.js";
import { createUser } from "../users/create-user.js";
import { type PartnerContext, partnerTenantContext } from "./partner-context.js";
import { assertMayManageStaff } from "./staff-rights.js";
import { loadStaffMember } from "./staff-view.js";

/**
 * Adds a staff member: a user of the partner's tenant, created (and audited) as any user is, with the password
 * chosen or a temporary one generated and answered once. The email must be in the partner's domain: a staff
 * member signs in as the partner. They start with no role anywhere; access to customers is given separately.
 */
export async function addStaffMember(
  ctx: PartnerContext,
  data: z.output<typeof addStaffRequestSchema>,
): Promise<AddedStaff> {
  assertMayManageStaff(ctx);
  const { domain } = await ctx.db.tenant.findUniqueOrThrow({
    where: { id: ctx.partnerTenantId },
    select: { domain: true },
  });
  if (!data.email.endsWith(`@${domain.toLowerCase()}`)) {
    throw new AppError("EmailOutsideDomain", `A staff member's email must end in @${domain}.`, {
      errors: [{ path: "body.email", message: `must end in @${domain}` }],
    });
  }
  const created = await createUser(partnerTenantContext(ctx), {
    displayName: data.displayName,
    email: data.email,
    password: data.password,
    usageLocation: null,
    userType: "member",
    accountEnabled: true,
    assignedLicenses: [],
    dryRun: false,
  });
  const member = await loadStaffMember(ctx.db, ctx.partnerTenantId, created.id, ctx.clock.now());
  return { ...member, temporaryPassword: created.temporaryPassword };
}
