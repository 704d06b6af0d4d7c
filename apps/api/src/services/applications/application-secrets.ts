import { type CreatedSecret, type CreateSecret, DEFAULT_SECRET_DAYS } from "@allot/contracts";
import { notFound } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import { randomToken, sha256 } from "../../lib/tokens.js";
import type { TenantContext } from "../../types.js";
import { lockApplication } from "./application-view.js";

const DAY_MS = 86_400_000;
/** Characters of a secret kept in clear to tell secrets apart, as Entra shows them. */
const HINT_LENGTH = 3;

/**
 * Adds a client secret: 256 random bits, answered once and stored only as its SHA-256. It expires on server time
 * (a security timer, like a session: moving the rules' clock must not revive or end it).
 */
export async function createSecret(
  ctx: TenantContext,
  applicationId: string,
  body: CreateSecret,
): Promise<CreatedSecret> {
  const secretText = randomToken(32);
  const days = body.expiresInDays ?? DEFAULT_SECRET_DAYS;
  const expiresAt = new Date(Date.now() + days * DAY_MS);
  return ctx.db.$transaction(async (tx) => {
    await lockApplication(tx, ctx, applicationId);
    const secret = await tx.applicationSecret.create({
      data: {
        tenantId: ctx.tenantId,
        applicationId,
        displayName: body.displayName ?? `Secret of ${new Date().toISOString().slice(0, 10)}`,
        hint: secretText.slice(0, HINT_LENGTH),
        secretHash: sha256(secretText),
        expiresAt,
      },
      select: { id: true, displayName: true },
    });
    await audit(tx, ctx, {
      action: "application.secretAdded",
      targetType: "application",
      targetId: applicationId,
      after: { secretId: secret.id, displayName: secret.displayName, expiresAt: expiresAt.toISOString() },
    });
    return { id: secret.id, secretText, expiresAt: expiresAt.toISOString() };
  });
}

/** Removes a secret: tokens issued with it are refused from the next request on. */
export async function deleteSecret(ctx: TenantContext, applicationId: string, secretId: string): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    await lockApplication(tx, ctx, applicationId);
    const secret = await tx.applicationSecret.findFirst({
      where: { id: secretId, applicationId },
      select: { id: true, displayName: true },
    });
    if (!secret) throw notFound("Client secret");
    await tx.applicationSecret.delete({ where: { id: secretId } });
    await audit(tx, ctx, {
      action: "application.secretRemoved",
      targetType: "application",
      targetId: applicationId,
      before: { secretId, displayName: secret.displayName },
    });
  });
}
