import type { GraphCreateUser, GraphUser } from "@allot/contracts";
import { AppError } from "../../lib/app-error.js";
import type { TenantContext } from "../../types.js";
import { createUser } from "../users/create-user.js";
import { getGraphUser } from "./get-graph-user.js";
import { graphDirectoryOf } from "./graph-directory-fields.js";

/**
 * POST /users with Graph's body: the admin center's own use case (audited, the same rules), Graph's names mapped on
 * Allot's (userPrincipalName is the sign-in email; forceChangePasswordNextSignIn asks for a new password first), and
 * a refusal that names a field names it as the Graph client sent it.
 */
export async function createGraphUser(ctx: TenantContext, body: GraphCreateUser): Promise<GraphUser> {
  try {
    const created = await createUser(
      ctx,
      {
        displayName: body.displayName,
        email: body.userPrincipalName,
        usageLocation: body.usageLocation ?? null,
        userType: "member",
        accountEnabled: body.accountEnabled,
        password: body.passwordProfile.password,
        assignedLicenses: [],
        dryRun: false,
        ...graphDirectoryOf(body),
      },
      { passwordChangeRequired: body.passwordProfile.forceChangePasswordNextSignIn },
    );
    return await getGraphUser(ctx, created.id, undefined);
  } catch (error) {
    if (error instanceof AppError && error.code === "EmailTaken") {
      throw new AppError("EmailTaken", `Another user already has the userPrincipalName ${body.userPrincipalName}.`, {
        errors: [{ path: "body.userPrincipalName", message: "is already taken" }],
      });
    }
    throw error;
  }
}
