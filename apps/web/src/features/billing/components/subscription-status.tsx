import type { Subscription } from "@allot/contracts";
import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import { type BillingTexts, useBillingTexts } from "../texts";

const useStyles = makeStyles({
  row: { display: "inline-flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS },
});

const STATE_COLOR = {
  active: "success",
  expired: "warning",
  disabled: "danger",
  deleted: "subtle",
} as const;

/** Active, Expired, Disabled or Deleted, coloured as the admin center does. */
export function SubscriptionStatusBadge({ subscription }: { subscription: Pick<Subscription, "state"> }) {
  const b = useBillingTexts();
  return (
    <Badge appearance="tint" color={STATE_COLOR[subscription.state]}>
      {b.state[subscription.state]}
    </Badge>
  );
}

/** Trial, Self-service and Taken over markers next to a subscription. */
export function SubscriptionSourceBadges({ subscription }: { subscription: Subscription }) {
  const styles = useStyles();
  const b = useBillingTexts();
  return (
    <span className={styles.row}>
      {subscription.source === "trial" ? (
        <Badge appearance="outline" color="informative">
          {b.source.trial}
        </Badge>
      ) : null}
      {subscription.source === "selfService" ? (
        <Badge appearance="outline" color="brand">
          {b.source.selfServiceShort}
        </Badge>
      ) : null}
      {subscription.takenOverAt ? (
        <Badge appearance="tint" color="informative">
          {b.takenOver}
        </Badge>
      ) : null}
    </span>
  );
}

/** "Purchased", "Trial" or "Self-service by Mia Maker". */
export function sourceText(subscription: Subscription, b: BillingTexts): string {
  switch (subscription.source) {
    case "admin":
      return b.source.admin;
    case "trial":
      return b.source.trial;
    case "selfService":
      return b.source.selfServiceBy(subscription.owner?.displayName ?? b.unknownPerson);
  }
}

/** Whether the subscription starts its next term by itself at the end of this one (trials and cancelled never). */
export function renews(subscription: Subscription): boolean {
  return subscription.autoRenew && subscription.source !== "trial" && subscription.cancelledAt === null;
}

/**
 * What happens next if nobody acts, in words: "Renews on 3 Aug 2026", "Expires on …", "Disabled on …",
 * "Deleted on …" (or when it was deleted).
 */
export function lifecycleText(
  subscription: Subscription,
  b: BillingTexts,
  formatDate: (iso: string) => string,
): string {
  const next = subscription.nextLifecycleAt;
  switch (subscription.state) {
    case "active":
      if (!next) return "";
      if (subscription.source === "trial") return b.lifecycle.trialEnds(formatDate(next));
      return renews(subscription) ? b.lifecycle.renews(formatDate(next)) : b.lifecycle.expires(formatDate(next));
    case "expired":
      return next ? b.lifecycle.disabledOn(formatDate(next)) : "";
    case "disabled":
      return next ? b.lifecycle.deletedOn(formatDate(next)) : "";
    case "deleted":
      return b.lifecycle.deletedAt(formatDate(subscription.stateChangedAt));
  }
}

/** "Monthly", "Annual" or, for a trial, "Free trial". */
export function termText(subscription: Subscription, b: BillingTexts): string {
  if (subscription.source === "trial") return b.term.trial;
  return b.term[subscription.billingTerm];
}
