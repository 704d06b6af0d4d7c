import type { Subscription } from "@allot/contracts";
import {
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { PersonArrowLeftRegular } from "@fluentui/react-icons";
import { GatedButton } from "@/components/gated-button";
import { useNotify } from "@/components/notify";
import { errorMessage } from "@/lib/errors";
import { useI18n } from "@/lib/i18n";
import { useTakeOverSubscription } from "../api/take-over-subscription";
import { type BillingTexts, useBillingTexts } from "../texts";

const useStyles = makeStyles({
  banners: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalM,
  },
});

/**
 * Above a subscription's details: that a maker holds it (with "Take over" for billing admins), and what its
 * expiry, disabling or deletion means for the people who use it.
 */
export function SubscriptionBanners({
  subscription,
  tenantId,
  selfServiceHeld,
}: {
  subscription: Subscription;
  tenantId: string;
  selfServiceHeld: boolean;
}) {
  const styles = useStyles();
  const { t, formatDate } = useI18n();
  const b = useBillingTexts();
  const notify = useNotify();
  // Here rather than in the banner, which goes away once the take-over is done: its toast must still show.
  const takeOver = useTakeOverSubscription(tenantId, subscription.id);
  const { state } = subscription;
  const nextDate = subscription.nextLifecycleAt ? formatDate(subscription.nextLifecycleAt) : "";

  return (
    <div className={styles.banners}>
      {selfServiceHeld && state !== "deleted" ? (
        <SelfServiceBanner
          ownerName={subscription.owner?.displayName ?? b.unknownPerson}
          pending={takeOver.isPending}
          onTakeOver={() =>
            takeOver.mutate(undefined, {
              onSuccess: (result) => notify(b.subscription.takenOver(result.subscription.productName)),
              onError: (error) => notify(errorMessage(error, t), "error"),
            })
          }
        />
      ) : null}
      {state === "expired" || state === "disabled" ? (
        <MessageBar
          intent={subscription.holdersLosingAccess === 0 ? "info" : state === "expired" ? "warning" : "error"}
          layout="multiline"
        >
          <MessageBarBody>
            <MessageBarTitle>
              {state === "expired"
                ? b.banner.expiredTitle(subscription.productName)
                : b.banner.disabledTitle(subscription.productName)}
            </MessageBarTitle>
            {lifecycleBody(b, state, subscription.holdersLosingAccess, nextDate)}
          </MessageBarBody>
        </MessageBar>
      ) : state === "deleted" ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{b.subscription.deletedBody(formatDate(subscription.stateChangedAt))}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}

/** A maker bought it for themselves: billing admins may take it over (its seats then become the admins'). */
function SelfServiceBanner({
  ownerName,
  pending,
  onTakeOver,
}: {
  ownerName: string;
  pending: boolean;
  onTakeOver: () => void;
}) {
  const b = useBillingTexts();
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{b.subscription.selfServiceTitle}</MessageBarTitle>
        {b.subscription.selfServiceBody(ownerName)}
      </MessageBarBody>
      <MessageBarActions>
        <GatedButton
          action="billing.manage"
          icon={pending ? <Spinner size="tiny" /> : <PersonArrowLeftRegular />}
          disabledFocusable={pending}
          onClick={onTakeOver}
        >
          {b.subscription.takeOver}
        </GatedButton>
      </MessageBarActions>
    </MessageBar>
  );
}

/** What an expired or disabled subscription means for people: who depends on it, or that nobody does. */
function lifecycleBody(b: BillingTexts, state: "expired" | "disabled", people: number, date: string): string {
  if (state === "expired") return people > 0 ? b.banner.expiredBody(people, date) : b.banner.expiredNobody(date);
  return people > 0 ? b.banner.disabledBody(people, date) : b.banner.disabledNobody(date);
}
