import type { LicenseConflictReport } from "@allot/contracts";
import { MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { RouterLink } from "@/components/router-link";
import { useI18n } from "@/lib/i18n";
import { useTenant } from "@/lib/tenant";
import { useLicensingTexts } from "./texts";

type Fix = LicenseConflictReport["fixes"][number];
type RenewFix = Extract<Fix, { kind: "renewSubscription" }>;

/** The renewal (or, for a trial, the conversion) that keeps the access of the holders on an expired subscription. */
export function expiredRenewal(conflict: LicenseConflictReport): RenewFix | undefined {
  return conflict.fixes.find((fix): fix is RenewFix => fix.kind === "renewSubscription" && fix.state === "expired");
}

/** Where a renewal is done: Billing's Renew dialog, or a trial's page (trials are converted, not renewed). */
export function renewalPath(tenantId: string, fix: RenewFix): string {
  return fix.trial
    ? `/t/${tenantId}/billing/subscriptions/${fix.subscriptionId}`
    : `/t/${tenantId}/billing?renew=${encodeURIComponent(fix.subscriptionId)}`;
}

/**
 * A product whose holders depend on an expired subscription (seed 002: a license conflict from the day it expires):
 * how many lose access and when, with Renew as the fix for those who may, and the conflicts page. Shown on Home and
 * on the product's page, from the API's conflict report.
 */
export function ExpiredSubscriptionNotice({ conflict }: { conflict: LicenseConflictReport }) {
  const { formatDate } = useI18n();
  const l = useLicensingTexts();
  const { tenant, can } = useTenant();
  const renewal = expiredRenewal(conflict);
  if (conflict.expiring === 0 || !conflict.accessEndsAt) return null;
  const date = formatDate(conflict.accessEndsAt);
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{l.conflicts.expiredTitle(conflict.displayName)}</MessageBarTitle>
        {l.conflicts.expiredProblem(conflict.expiring, conflict.displayName, date)}
        {can("billing.manage") ? null : ` ${l.conflicts.askBillingToRenew}`}
      </MessageBarBody>
      <MessageBarActions>
        {renewal && can("billing.manage") ? (
          <RouterLink to={renewalPath(tenant.id, renewal)}>
            {renewal.trial ? l.conflicts.convertTrial : l.conflicts.renew}
          </RouterLink>
        ) : null}
        <RouterLink to={`/t/${tenant.id}/licenses/conflicts`}>{l.conflicts.viewConflicts}</RouterLink>
      </MessageBarActions>
    </MessageBar>
  );
}
