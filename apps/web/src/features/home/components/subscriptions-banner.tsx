import type { SubscribedSku } from "@allot/contracts";
import { MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { RouterLink } from "@/components/router-link";
import { useI18n } from "@/lib/i18n";
import { useTenant } from "@/lib/tenant";

/**
 * A banner at the top of Home while any product has an expired subscription (in its 30 days of grace: users keep
 * access) or a disabled one (users lost access): issue 6's "admins see a banner and can reactivate". Billing roles
 * get a link to Billing, where Reactivate is; others are told who can.
 */
export function SubscriptionsBanner({
  skus,
  tenantId,
}: {
  skus: readonly SubscribedSku[] | undefined;
  tenantId: string;
}) {
  const { t } = useI18n();
  const { can } = useTenant();
  const suspended = (skus ?? []).filter((sku) => sku.prepaidUnits.suspended > 0).map((sku) => sku.displayName);
  const expired = (skus ?? []).filter((sku) => sku.prepaidUnits.warning > 0).map((sku) => sku.displayName);
  if (suspended.length === 0 && expired.length === 0) return null;
  return (
    <MessageBar intent={suspended.length > 0 ? "error" : "warning"} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t.dashboard.subscriptionsBannerTitle}</MessageBarTitle>
        {expired.length > 0 ? `${t.dashboard.subscriptionsExpired(expired.join(", "))} ` : null}
        {suspended.length > 0 ? t.dashboard.subscriptionsSuspended(suspended.join(", ")) : null}
        {can("billing.manage") ? null : ` ${t.dashboard.subscriptionsAskBilling}`}
      </MessageBarBody>
      {can("billing.read") ? (
        <MessageBarActions>
          <RouterLink to={`/t/${tenantId}/billing`}>{t.dashboard.subscriptionsBannerLink}</RouterLink>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
