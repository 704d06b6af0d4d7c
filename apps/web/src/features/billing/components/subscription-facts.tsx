import type { Subscription } from "@allot/contracts";
import { Field, makeStyles, Switch, Text, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { useNotify } from "@/components/notify";
import { useSetAutoRenew } from "@/lib/billing/subscription-mutations";
import { errorMessage } from "@/lib/errors";
import { useFormatMoney } from "@/lib/format-money";
import { useI18n } from "@/lib/i18n";
import { useBillingTexts } from "../texts";
import { Fact } from "./fact";
import { renews, sourceText, termText } from "./subscription-status";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  facts: {
    display: "grid",
    gridTemplateColumns: "minmax(160px, max-content) 1fr",
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    maxWidth: "820px",
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

/**
 * "Details" of a subscription: state, seats, source and owner, term, price, payment, dates, and the auto-renew
 * switch (for those who may manage it) of an active paid subscription.
 */
export function SubscriptionFacts({
  subscription,
  tenantId,
  canManage,
  next,
}: {
  subscription: Subscription;
  tenantId: string;
  canManage: boolean;
  /** What happens next in its lifecycle, and when ("" when nothing does). */
  next: string;
}) {
  const styles = useStyles();
  const { formatDate, formatNumber } = useI18n();
  const b = useBillingTexts();
  const money = useFormatMoney();
  const factsId = useId();
  const isTrial = subscription.source === "trial";
  const { state } = subscription;

  return (
    <section className={styles.section} aria-labelledby={factsId}>
      <Text as="h2" id={factsId} size={500} weight="semibold" className={styles.heading}>
        {b.subscription.details}
      </Text>
      <dl className={styles.facts}>
        <Fact label={b.columns.status}>
          {b.stateWithCapability(b.state[state], b.capability[subscription.capabilityStatus])}
        </Fact>
        <Fact label={b.columns.seats}>
          {formatNumber(subscription.seats)}
          {subscription.source === "selfService" ? (
            <span className={styles.muted}>
              {" · "}
              {b.assignedByOwner(subscription.assignedBySubscriptionOwner)}
            </span>
          ) : null}
        </Fact>
        <Fact label={b.columns.source}>{sourceText(subscription, b)}</Fact>
        {subscription.source === "selfService" ? (
          <Fact label={b.subscription.owner}>
            {subscription.owner?.displayName ?? b.unknownPerson}
            {subscription.takenOverAt ? (
              <span className={styles.muted}>
                {" · "}
                {b.subscription.takenOverOn(formatDate(subscription.takenOverAt))}
              </span>
            ) : null}
          </Fact>
        ) : null}
        <Fact label={b.columns.term}>{termText(subscription, b)}</Fact>
        <Fact label={b.subscription.currentTerm}>
          {b.period(formatDate(subscription.termStartsAt), formatDate(subscription.termEndsAt))}
        </Fact>
        {next ? <Fact label={b.columns.next}>{next}</Fact> : null}
        <Fact label={b.subscription.price}>
          {isTrial
            ? b.subscription.free
            : b.subscription.priceValue(
                money(subscription.pricePerSeatMonthCents, subscription.currency),
                money(subscription.pricePerSeatTermCents * subscription.seats, subscription.currency),
                subscription.billingTerm,
              )}
        </Fact>
        <Fact label={b.subscription.paymentMethod}>
          {paymentMethod(subscription, b.subscription.card, b.subscription.invoice)}
        </Fact>
        <Fact label={b.subscription.createdAt}>{formatDate(subscription.createdAt)}</Fact>
        {subscription.cancelledAt ? (
          <Fact label={b.subscription.cancelledAt}>{formatDate(subscription.cancelledAt)}</Fact>
        ) : null}
      </dl>
      {!isTrial && state === "active" ? (
        <AutoRenewField subscription={subscription} tenantId={tenantId} canManage={canManage} />
      ) : isTrial ? (
        <Text className={styles.muted}>{b.subscription.trialNoRenew}</Text>
      ) : null}
    </section>
  );
}

/** Turns auto-renew on or off; shows the choice being saved while it is. */
function AutoRenewField({
  subscription,
  tenantId,
  canManage,
}: {
  subscription: Subscription;
  tenantId: string;
  canManage: boolean;
}) {
  const { t, formatDate } = useI18n();
  const b = useBillingTexts();
  const notify = useNotify();
  const autoRenew = useSetAutoRenew(tenantId, subscription.id);

  return (
    <Field
      hint={
        subscription.autoRenew
          ? b.subscription.autoRenewOn(formatDate(subscription.termEndsAt))
          : b.subscription.autoRenewOff(formatDate(subscription.termEndsAt))
      }
    >
      <Switch
        checked={autoRenew.isPending ? (autoRenew.variables ?? subscription.autoRenew) : renews(subscription)}
        disabled={!canManage || autoRenew.isPending || subscription.cancelledAt !== null}
        label={b.autoRenew}
        onChange={(_, data) =>
          autoRenew.mutate(data.checked, {
            onSuccess: (updated) =>
              notify(
                updated.autoRenew
                  ? b.subscription.autoRenewTurnedOn(updated.productName)
                  : b.subscription.autoRenewTurnedOff(updated.productName),
              ),
            onError: (error) => notify(errorMessage(error, t), "error"),
          })
        }
      />
    </Field>
  );
}

function paymentMethod(subscription: Subscription, card: (last4: string) => string, invoice: string): string {
  return subscription.paymentProvider === "card" && subscription.cardLast4 ? card(subscription.cardLast4) : invoice;
}
