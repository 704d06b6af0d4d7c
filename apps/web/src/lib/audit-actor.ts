import type { AuditEvent } from "@allot/contracts";
import type { Messages } from "./i18n";

export type AuditActor = Pick<AuditEvent, "actorDisplayName" | "actorApplication" | "actorToken">;

/** What made a change when it was not a person in a session: an app with its own token, or a person's token. */
export type ActorKind = "application" | "token" | "person" | "none";

export function actorKind(event: AuditActor): ActorKind {
  if (event.actorApplication) return "application";
  if (event.actorDisplayName === null) return "none";
  return event.actorToken ? "token" : "person";
}

/**
 * Who made a change, as the audit log and its summaries name them: "App: Payroll sync" for an app registration,
 * "Megan Bowen · token nightly-report" for a person's personal access token, the person's name otherwise; null when
 * no person or app is known (the system, or a deleted user the caller words).
 */
export function actorName(event: AuditActor, t: Messages): string | null {
  if (event.actorApplication) return t.audit.actor.application(event.actorApplication.displayName);
  if (event.actorDisplayName === null) return null;
  return event.actorToken ? t.audit.actor.token(event.actorDisplayName, event.actorToken.name) : event.actorDisplayName;
}
