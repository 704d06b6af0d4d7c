import type { UpdateMeRequest } from "@allot/contracts";
import type { Db } from "@allot/db";
import type { Actor } from "../../types.js";

/** Saves the signed-in user's own preferences (today: the portal language). */
export async function updateMe(db: Db, actor: Actor, changes: UpdateMeRequest, requestId: string): Promise<Actor> {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: changes });
    await tx.auditEvent.create({
      data: {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        action: "user.preferencesUpdated",
        targetType: "user",
        targetId: actor.userId,
        before: { preferredLanguage: actor.preferredLanguage },
        after: changes,
        requestId,
      },
    });
  });
  return { ...actor, ...changes };
}
