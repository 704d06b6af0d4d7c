import type { Db } from "@allot/db";
import type { Actor } from "../../types.js";

/** Ends the session (and audits it, like every other change). */
export async function logout(db: Db, actor: Actor, requestId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.session.deleteMany({ where: { id: actor.sessionId } });
    await tx.auditEvent.create({
      data: {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        action: "auth.signedOut",
        targetType: "user",
        targetId: actor.userId,
        requestId,
      },
    });
  });
}
