import type { BillingResult } from "@allot/contracts";
import {
  makeStyles,
  Spinner,
  Tab,
  TabList,
  Toolbar,
  ToolbarButton,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { ArrowClockwiseRegular, CartRegular, GiftRegular } from "@fluentui/react-icons";
import { useId, useState } from "react";
import { useNavigate } from "react-router";
import { GatedButton } from "@/components/gated-button";
import { useListPageStyles } from "@/components/list-page-styles";
import { useNotify } from "@/components/notify";
import { PageHeader } from "@/components/page-header";
import { useQueryParams } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import { useTenant } from "@/lib/tenant";
import { useSubscriptions } from "../api/get-subscriptions";
import { AddLicensesDialog } from "../components/add-licenses-dialog";
import { InvoicesPanel, OrdersPanel, SubscriptionsPanel } from "../components/billing-panels";
import { BuyDialog } from "../components/buy-dialog";
import { ConvertTrialDialog } from "../components/convert-trial-dialog";
import { LifecycleBanners } from "../components/lifecycle-banners";
import { RenewDialog } from "../components/renew-dialog";
import { SelfServicePolicies } from "../components/self-service-policies";
import { TrialDialog } from "../components/trial-dialog";
import { BILLING_TABS, type BillingTab, useBillingTab } from "../hooks/use-billing-tab";
import { useBuyMoreFromLink } from "../hooks/use-buy-more-from-link";
import { useBillingChangeTexts, useBillingTexts } from "../texts";

const useStyles = makeStyles({
  toolbar: {
    marginInlineStart: `calc(-1 * ${tokens.spacingHorizontalS})`,
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    marginBottom: tokens.spacingVerticalS,
  },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

/** Billing: subscriptions (Your products), orders, invoices and self-service purchase, one tab each. */
export function BillingRoute() {
  const styles = useStyles();
  const list = useListPageStyles();
  const { t } = useI18n();
  const b = useBillingTexts();
  const c = useBillingChangeTexts();
  const { tenant, can } = useTenant();
  const tenantId = tenant.id;
  const navigate = useNavigate();
  const notify = useNotify();
  const restoreFocusTarget = useRestoreFocusTarget();
  const queryParams = useQueryParams();
  const [tab, setTab] = useBillingTab(queryParams);
  const canManage = can("billing.manage");
  const tabIdPrefix = useId();

  // Subscriptions feed both the banners and the first tab.
  const [includeDeleted, setIncludeDeleted] = useState(false);
  const subscriptions = useSubscriptions(tenantId, includeDeleted);

  // Dialogs: opened by a button, or by a link from elsewhere (?buy=<skuId>&seats=<n>, ?renew=<subscriptionId>).
  const link = useBuyMoreFromLink(tenantId, canManage, subscriptions.data, queryParams);
  const [buyOpen, setBuyOpen] = useState(false);
  const [trialOpen, setTrialOpen] = useState(false);
  const renewSubscription = link.renewSubscription;

  const closeBuy = () => {
    setBuyOpen(false);
    link.closeBuy();
  };
  const openSubscription = (result: BillingResult) =>
    navigate(`/t/${tenantId}/billing/subscriptions/${result.subscription.id}`);

  const tabLabel: Record<BillingTab, string> = {
    subscriptions: b.tabs.subscriptions,
    orders: b.tabs.orders,
    invoices: b.tabs.invoices,
    selfService: b.tabs.selfService,
  };

  return (
    <>
      <PageHeader title={b.title} description={b.description} />
      <Toolbar aria-label={b.commands} className={styles.toolbar}>
        <GatedButton
          action="billing.manage"
          appearance="primary"
          icon={<CartRegular />}
          onClick={() => setBuyOpen(true)}
          {...restoreFocusTarget}
        >
          {c.buy.open}
        </GatedButton>
        <GatedButton
          action="billing.manage"
          icon={<GiftRegular />}
          onClick={() => setTrialOpen(true)}
          {...restoreFocusTarget}
        >
          {c.trial.open}
        </GatedButton>
        <ToolbarButton
          icon={
            subscriptions.isFetching && !subscriptions.isPending ? <Spinner size="tiny" /> : <ArrowClockwiseRegular />
          }
          onClick={() => subscriptions.refetch()}
          disabledFocusable={subscriptions.isFetching}
        >
          {t.common.refresh}
        </ToolbarButton>
      </Toolbar>

      {subscriptions.data ? (
        <LifecycleBanners subscriptions={subscriptions.data} tenantId={tenantId} onReactivate={link.openRenew} />
      ) : null}

      <TabList
        className={list.tabs}
        selectedValue={tab}
        onTabSelect={(_, data) => setTab(data.value as BillingTab)}
        aria-label={b.tabs.label}
      >
        {BILLING_TABS.map((value) => (
          <Tab key={value} value={value} id={`${tabIdPrefix}-${value}`} aria-controls={`${tabIdPrefix}-panel`}>
            {tabLabel[value]}
          </Tab>
        ))}
      </TabList>

      <div
        role="tabpanel"
        id={`${tabIdPrefix}-panel`}
        aria-labelledby={`${tabIdPrefix}-${tab}`}
        className={styles.panel}
      >
        {tab === "subscriptions" ? (
          <SubscriptionsPanel
            tenantId={tenantId}
            query={subscriptions}
            includeDeleted={includeDeleted}
            onIncludeDeletedChange={setIncludeDeleted}
            onBuy={() => setBuyOpen(true)}
          />
        ) : tab === "orders" ? (
          <OrdersPanel tenantId={tenantId} />
        ) : tab === "invoices" ? (
          <InvoicesPanel tenantId={tenantId} />
        ) : (
          <SelfServicePolicies tenantId={tenantId} />
        )}
      </div>

      {canManage ? (
        <>
          <BuyDialog
            open={buyOpen || link.buyOpen}
            tenantId={tenantId}
            initialSkuId={link.skuId}
            initialSeats={link.seats}
            onClose={closeBuy}
            onBought={(result) => {
              notify(c.buy.done(result.subscription.seats, result.subscription.productName));
              openSubscription(result);
            }}
          />
          <AddLicensesDialog
            open={link.addOpen}
            tenantId={tenantId}
            subscriptions={link.addTargets}
            initialCount={link.seats}
            onClose={closeBuy}
            onChanged={(result) => {
              notify(c.seats.done(result.subscription.seats, result.subscription.productName));
              openSubscription(result);
            }}
          />
          {link.trial ? (
            <ConvertTrialDialog
              open={link.convertOpen}
              tenantId={tenantId}
              subscription={link.trial}
              initialSeats={link.trial.seats + (link.seats ?? 1)}
              onClose={closeBuy}
              onConverted={(result) => {
                notify(c.convert.done(result.subscription.productName));
                openSubscription(result);
              }}
            />
          ) : null}
          <TrialDialog
            open={trialOpen}
            tenantId={tenantId}
            onClose={() => setTrialOpen(false)}
            onStarted={(result) => {
              notify(c.trial.done(result.subscription.productName));
              openSubscription(result);
            }}
          />
          <RenewDialog
            open={renewSubscription !== null}
            tenantId={tenantId}
            subscription={renewSubscription}
            onClose={link.closeRenew}
            onRenewed={(result) => {
              notify(
                renewSubscription && renewSubscription.state !== "active"
                  ? c.renew.reactivated(result.subscription.productName)
                  : c.renew.renewed(result.subscription.productName),
              );
              link.closeRenew();
            }}
          />
        </>
      ) : null}
    </>
  );
}
