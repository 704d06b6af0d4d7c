import type { Subscription } from "@allot/contracts";
import {
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { ArrowSyncRegular } from "@fluentui/react-icons";
import { GatedButton } from "@/components/gated-button";
import { RouterLink } from "@/components/router-link";
import { useI18n } from "@/lib/i18n";
import { useBillingChangeTexts, useBillingTexts } from "../texts";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalM,
  },
});

/**
 * One banner per expired or disabled subscription that people depend on (the API counts them: holders beyond the
 * seats of the product's other subscriptions), as the admin center shows them: who is affected, what happens next
 * and when, and Reactivate (trials are converted on their page instead). A subscription nobody depends on raises no
 * alarm; its state shows in the list.
 */
export function LifecycleBanners({
  subscriptions,
  tenantId,
  onReactivate,
}: {
  subscriptions: readonly Subscription[];
  tenantId: string;
  onReactivate: (subscription: Subscription) => void;
}) {
  const styles = useStyles();
  const { formatDate } = useI18n();
  const b = useBillingTexts();
  const c = useBillingChangeTexts();
  const restoreFocusTarget = useRestoreFocusTarget();
  const troubled = subscriptions.filter(
    (subscription) =>
      (subscription.state === "expired" || subscription.state === "disabled") && subscription.holdersLosingAccess > 0,
  );
  if (troubled.length === 0) return null;
  return (
    <section className={styles.root} aria-label={b.banner.label}>
      {troubled.map((subscription) => {
        const next = subscription.nextLifecycleAt ? formatDate(subscription.nextLifecycleAt) : "";
        const expired = subscription.state === "expired";
        return (
          <MessageBar key={subscription.id} intent={expired ? "warning" : "error"} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>
                {expired
                  ? b.banner.expiredTitle(subscription.productName)
                  : b.banner.disabledTitle(subscription.productName)}
              </MessageBarTitle>
              {expired
                ? b.banner.expiredBody(subscription.holdersLosingAccess, next)
                : b.banner.disabledBody(subscription.holdersLosingAccess, next)}
            </MessageBarBody>
            <MessageBarActions>
              {subscription.source === "trial" ? (
                <RouterLink to={`/t/${tenantId}/billing/subscriptions/${subscription.id}`}>
                  {b.banner.openTrial}
                </RouterLink>
              ) : (
                <GatedButton
                  action="billing.manage"
                  icon={<ArrowSyncRegular />}
                  onClick={() => onReactivate(subscription)}
                  aria-label={b.banner.reactivateLabel(subscription.productName)}
                  {...restoreFocusTarget}
                >
                  {c.renew.reactivate}
                </GatedButton>
              )}
            </MessageBarActions>
          </MessageBar>
        );
      })}
    </section>
  );
}
