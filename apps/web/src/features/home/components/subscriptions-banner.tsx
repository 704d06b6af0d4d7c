import type { LicenseConflictReport } from "@allot/contracts";
import { MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { ExpiredSubscriptionNotice } from "@/components/licensing/expired-subscription-notice";
import { RouterLink } from "@/components/router-link";
import { useTenant } from "@/lib/tenant";
import { useHomeTexts } from "../texts";

/**
 * Banners at the top of Home for subscriptions people depend on, from the API's conflict report (who is affected is
 * counted there, from the holders and the other subscriptions): an expired one whose holders lose access when its
 * grace ends (with Renew and the date), and a disabled one whose holders have lost access. A subscription nobody
 * depends on (cancelled spare seats) raises no alarm.
 */
export function SubscriptionsBanner({
  conflicts,
  tenantId,
}: {
  conflicts: readonly LicenseConflictReport[] | undefined;
  tenantId: string;
}) {
  const h = useHomeTexts();
  const { can } = useTenant();
  const expiring = (conflicts ?? []).filter((conflict) => conflict.expiring > 0);
  const lost = (conflicts ?? []).filter(
    (conflict) =>
      conflict.shortfall > 0 &&
      conflict.fixes.some((fix) => fix.kind === "renewSubscription" && fix.state === "disabled"),
  );
  return (
    <>
      {lost.map((conflict) => (
        <MessageBar key={`lost-${conflict.skuId}`} intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{h.dashboard.lostTitle(conflict.displayName)}</MessageBarTitle>
            {h.dashboard.subscriptionsLost(conflict.displayName, conflict.shortfall)}
            {can("billing.manage") ? null : ` ${h.dashboard.subscriptionsAskBilling}`}
          </MessageBarBody>
          {can("billing.read") ? (
            <MessageBarActions>
              <RouterLink to={`/t/${tenantId}/billing`}>{h.dashboard.subscriptionsBannerLink}</RouterLink>
            </MessageBarActions>
          ) : null}
        </MessageBar>
      ))}
      {expiring.map((conflict) => (
        <ExpiredSubscriptionNotice key={`expiring-${conflict.skuId}`} conflict={conflict} />
      ))}
    </>
  );
}
