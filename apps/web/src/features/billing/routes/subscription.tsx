import type { Subscription } from "@allot/contracts";
import {
  Button,
  type ButtonProps,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Spinner,
  Switch,
  Text,
  Toolbar,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import {
  ArrowSyncRegular,
  DismissCircleRegular,
  PeopleEditRegular,
  PersonArrowLeftRegular,
  ReceiptRegular,
  RocketRegular,
} from "@fluentui/react-icons";
import { forwardRef, type ReactNode, useId, useState } from "react";
import { useNavigate, useParams } from "react-router";
import { BackLink } from "@/components/back-link";
import { DetailPageState } from "@/components/detail-page-state";
import { GatedButton } from "@/components/gated-button";
import { useListPageStyles } from "@/components/list-page-styles";
import { useNotify } from "@/components/notify";
import { PageHeader } from "@/components/page-header";
import { useMe } from "@/lib/auth";
import { useSetAutoRenew } from "@/lib/billing/subscription-mutations";
import { errorMessage } from "@/lib/errors";
import { useFormatMoney } from "@/lib/format-money";
import { useI18n } from "@/lib/i18n";
import { useTenant } from "@/lib/tenant";
import { type SubscriptionDetails, useSubscription } from "../api/get-subscription";
import { useTakeOverSubscription } from "../api/take-over-subscription";
import { CancelDialog } from "../components/cancel-dialog";
import { ChangeSeatsDialog } from "../components/change-seats-dialog";
import { ConvertTrialDialog } from "../components/convert-trial-dialog";
import { OrdersTable } from "../components/orders-table";
import { RenewDialog } from "../components/renew-dialog";
import {
  lifecycleText,
  renews,
  SubscriptionSourceBadges,
  SubscriptionStatusBadge,
  sourceText,
  termText,
} from "../components/subscription-status";
import { useBillingTexts } from "../texts";

const useStyles = makeStyles({
  badges: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  banners: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalM,
  },
  toolbar: {
    marginInlineStart: `calc(-1 * ${tokens.spacingHorizontalS})`,
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    marginBottom: tokens.spacingVerticalM,
  },
  sections: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXL },
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
  term: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** Billing › a subscription: what it is, what happens next, and the changes an admin (or its buyer) can make. */
export function SubscriptionRoute() {
  const b = useBillingTexts();
  const tenantId = useTenant().tenant.id;
  const { subscriptionId = "" } = useParams();
  const subscription = useSubscription(tenantId, subscriptionId);

  const back = <BackLink to={`/t/${tenantId}/billing`}>{b.backToBilling}</BackLink>;

  if (subscription.isPending || subscription.isError) {
    return (
      <DetailPageState
        back={back}
        title={b.subscription.title}
        query={subscription}
        loading={b.subscription.loading}
        notFound={b.subscription.notFound}
        notFoundIcon={<ReceiptRegular />}
        loadError={b.subscription.loadError}
      />
    );
  }
  return (
    <>
      {back}
      <SubscriptionPage key={subscription.data.id} subscription={subscription.data} tenantId={tenantId} />
    </>
  );
}

type DialogName = "seats" | "renew" | "cancel" | "convert";

/**
 * A button for a change the signed-in person may make on this subscription (a billing manager, or the maker who
 * bought it while it is not taken over); for the others the gated button, disabled with the roles it takes.
 */
const ManageButton = forwardRef<HTMLButtonElement, ButtonProps & { allowed: boolean }>(function ManageButton(
  { allowed, ...props },
  ref,
) {
  if (allowed) return <Button ref={ref} appearance="subtle" {...props} />;
  return <GatedButton ref={ref} action="billing.manage" appearance="subtle" {...props} />;
});

function SubscriptionPage({ subscription, tenantId }: { subscription: SubscriptionDetails; tenantId: string }) {
  const styles = useStyles();
  const list = useListPageStyles();
  const { t, formatDate, formatNumber } = useI18n();
  const b = useBillingTexts();
  const money = useFormatMoney();
  const notify = useNotify();
  const context = useTenant();
  const me = useMe().data;
  const restoreFocusTarget = useRestoreFocusTarget();
  const factsId = useId();
  const ordersId = useId();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<DialogName | null>(null);
  const takeOver = useTakeOverSubscription(tenantId, subscription.id);
  const autoRenew = useSetAutoRenew(tenantId, subscription.id);

  const isBillingManager = context.can("billing.manage");
  const isOwner = me !== undefined && me !== null && subscription.owner?.id === me.user.id;
  const selfServiceHeld = subscription.source === "selfService" && subscription.takenOverAt === null;
  const canManage = isBillingManager || (isOwner && selfServiceHeld);
  const { state } = subscription;
  const isTrial = subscription.source === "trial";
  const live = state === "active" || state === "expired";
  const next = lifecycleText(subscription, b, formatDate);
  const nextDate = subscription.nextLifecycleAt ? formatDate(subscription.nextLifecycleAt) : "";

  const closeDialog = () => setDialog(null);
  const done = (message: string) => {
    notify(message);
    setDialog(null);
  };

  return (
    <>
      <PageHeader title={subscription.productName} description={next}>
        <div className={styles.badges}>
          <SubscriptionStatusBadge subscription={subscription} />
          <SubscriptionSourceBadges subscription={subscription} />
        </div>
      </PageHeader>

      <div className={styles.banners}>
        {selfServiceHeld && state !== "deleted" ? (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{b.subscription.selfServiceTitle}</MessageBarTitle>
              {b.subscription.selfServiceBody(subscription.owner?.displayName ?? b.unknownPerson)}
            </MessageBarBody>
            <MessageBarActions>
              <GatedButton
                action="billing.manage"
                icon={takeOver.isPending ? <Spinner size="tiny" /> : <PersonArrowLeftRegular />}
                disabledFocusable={takeOver.isPending}
                onClick={() =>
                  takeOver.mutate(undefined, {
                    onSuccess: (result) => notify(b.subscription.takenOver(result.subscription.productName)),
                    onError: (error) => notify(errorMessage(error, t), "error"),
                  })
                }
              >
                {b.subscription.takeOver}
              </GatedButton>
            </MessageBarActions>
          </MessageBar>
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

      {state !== "deleted" ? (
        <Toolbar aria-label={b.subscription.actions} className={styles.toolbar}>
          {state === "active" ? (
            <ManageButton
              allowed={canManage}
              icon={<PeopleEditRegular />}
              onClick={() => setDialog("seats")}
              {...restoreFocusTarget}
            >
              {b.subscription.changeSeats}
            </ManageButton>
          ) : null}
          {isTrial ? null : state !== "active" || !subscription.autoRenew ? (
            <ManageButton
              allowed={canManage}
              icon={<ArrowSyncRegular />}
              onClick={() => setDialog("renew")}
              {...restoreFocusTarget}
            >
              {state === "active" ? b.renew.renewNow : b.renew.reactivate}
            </ManageButton>
          ) : null}
          {isTrial && live ? (
            <ManageButton
              allowed={isBillingManager}
              icon={<RocketRegular />}
              onClick={() => setDialog("convert")}
              {...restoreFocusTarget}
            >
              {b.convert.open}
            </ManageButton>
          ) : null}
          {live ? (
            <ManageButton
              allowed={canManage}
              icon={<DismissCircleRegular />}
              onClick={() => setDialog("cancel")}
              {...restoreFocusTarget}
            >
              {b.cancel.open}
            </ManageButton>
          ) : null}
        </Toolbar>
      ) : null}

      <div className={styles.sections}>
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
          ) : isTrial ? (
            <Text className={styles.muted}>{b.subscription.trialNoRenew}</Text>
          ) : null}
        </section>

        <section className={styles.section} aria-labelledby={ordersId}>
          <Text as="h2" id={ordersId} size={500} weight="semibold" className={styles.heading}>
            {b.tabs.orders}
          </Text>
          {subscription.orders.length === 0 ? (
            <Text className={styles.muted}>{b.orders.noneForSubscription}</Text>
          ) : (
            <div className={list.surface}>
              <OrdersTable
                orders={subscription.orders}
                tenantId={tenantId}
                label={b.subscription.ordersLabel(subscription.productName)}
                showProduct={false}
              />
            </div>
          )}
        </section>
      </div>

      {canManage ? (
        <>
          <ChangeSeatsDialog
            open={dialog === "seats"}
            tenantId={tenantId}
            subscription={subscription}
            onClose={closeDialog}
            onChanged={(result) => done(b.seats.done(result.subscription.seats, result.subscription.productName))}
          />
          <RenewDialog
            open={dialog === "renew"}
            tenantId={tenantId}
            subscription={subscription}
            onClose={closeDialog}
            onRenewed={(result) =>
              done(
                state === "active"
                  ? b.renew.renewed(result.subscription.productName)
                  : b.renew.reactivated(result.subscription.productName),
              )
            }
          />
          <CancelDialog
            open={dialog === "cancel"}
            tenantId={tenantId}
            subscription={subscription}
            onClose={closeDialog}
            onCancelled={(result) => done(b.cancel.done(result.subscription.productName))}
          />
        </>
      ) : null}
      {isBillingManager && isTrial ? (
        <ConvertTrialDialog
          open={dialog === "convert"}
          tenantId={tenantId}
          subscription={subscription}
          onClose={closeDialog}
          onConverted={(result) => {
            done(b.convert.done(result.subscription.productName));
            // Converting may open a new paid subscription in the trial's place.
            if (result.subscription.id !== subscription.id) {
              navigate(`/t/${tenantId}/billing/subscriptions/${result.subscription.id}`);
            }
          }}
        />
      ) : null}
    </>
  );
}

/** What an expired or disabled subscription means for people: who depends on it, or that nobody does. */
function lifecycleBody(
  b: ReturnType<typeof useBillingTexts>,
  state: "expired" | "disabled",
  people: number,
  date: string,
): string {
  if (state === "expired") return people > 0 ? b.banner.expiredBody(people, date) : b.banner.expiredNobody(date);
  return people > 0 ? b.banner.disabledBody(people, date) : b.banner.disabledNobody(date);
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <>
      <dt className={styles.term}>{label}</dt>
      <dd className={styles.value}>{children}</dd>
    </>
  );
}

function paymentMethod(subscription: Subscription, card: (last4: string) => string, invoice: string): string {
  return subscription.paymentProvider === "card" && subscription.cardLast4 ? card(subscription.cardLast4) : invoice;
}
