import type { BillingResult, Subscription } from "@allot/contracts";
import { planAddLicenses } from "@allot/domain";
import {
  makeStyles,
  Spinner,
  Switch,
  Tab,
  TabList,
  Toolbar,
  ToolbarButton,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import {
  ArrowClockwiseRegular,
  CartRegular,
  DocumentTableRegular,
  GiftRegular,
  ReceiptRegular,
} from "@fluentui/react-icons";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { CsvExportButton } from "@/components/csv-export-button";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { GatedButton } from "@/components/gated-button";
import { useListPageStyles } from "@/components/list-page-styles";
import { LoadMore } from "@/components/load-more";
import { useNotify } from "@/components/notify";
import { PageHeader } from "@/components/page-header";
import { LiveStatus } from "@/components/visually-hidden";
import { useQueryParams } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import { useTenant } from "@/lib/tenant";
import { invoicesExportUrl, useInvoices } from "../api/get-invoices";
import { ordersExportUrl, useOrders } from "../api/get-orders";
import { useSubscription } from "../api/get-subscription";
import { useSubscriptions } from "../api/get-subscriptions";
import { AddLicensesDialog } from "../components/add-licenses-dialog";
import { BuyDialog } from "../components/buy-dialog";
import { ConvertTrialDialog } from "../components/convert-trial-dialog";
import { InvoicesTable } from "../components/invoices-table";
import { LifecycleBanners } from "../components/lifecycle-banners";
import { OrdersTable } from "../components/orders-table";
import { RenewDialog } from "../components/renew-dialog";
import { SelfServicePolicies } from "../components/self-service-policies";
import { SubscriptionsTable } from "../components/subscriptions-table";
import { TrialDialog } from "../components/trial-dialog";
import { useBillingTexts } from "../texts";

const TABS = ["subscriptions", "orders", "invoices", "selfService"] as const;
type BillingTab = (typeof TABS)[number];

function isTab(value: string | null): value is BillingTab {
  return value !== null && (TABS as readonly string[]).includes(value);
}

const useStyles = makeStyles({
  toolbar: {
    marginInlineStart: `calc(-1 * ${tokens.spacingHorizontalS})`,
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    marginBottom: tokens.spacingVerticalS,
  },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  panelBar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** Billing: subscriptions (Your products), orders, invoices and self-service purchase, one tab each. */
export function BillingRoute() {
  const styles = useStyles();
  const list = useListPageStyles();
  const { t } = useI18n();
  const b = useBillingTexts();
  const { tenant, can } = useTenant();
  const tenantId = tenant.id;
  const navigate = useNavigate();
  const notify = useNotify();
  const restoreFocusTarget = useRestoreFocusTarget();
  const [params, setParams] = useQueryParams();
  const tabParam = params.get("tab");
  const tab: BillingTab = isTab(tabParam) ? tabParam : "subscriptions";
  const canManage = can("billing.manage");
  const tabIdPrefix = useId();

  // Subscriptions feed both the banners and the first tab.
  const [includeDeleted, setIncludeDeleted] = useState(false);
  const subscriptions = useSubscriptions(tenantId, includeDeleted);

  // Dialogs: opened by a button, or by a link from elsewhere (?buy=<skuId>&seats=<n>, ?renew=<subscriptionId>).
  // A link's dialog opens one render after the page, once the app has moved focus to the new page: the dialog then
  // takes focus from there and gives it back to the page when it closes.
  const [linkDialogsReady, setLinkDialogsReady] = useState(false);
  useEffect(() => {
    // Opened by its address with such a link (nothing focused yet): focus returns to the page when the dialog closes.
    const fromLink = ["buy", "renew"].some((name) => new URLSearchParams(window.location.search).has(name));
    if (fromLink && document.activeElement === document.body) {
      document.getElementById("main")?.focus({ preventScroll: true });
    }
    setLinkDialogsReady(true);
  }, []);
  const buyParam = params.get("buy");
  const seatsParam = Number(params.get("seats") ?? "");
  const seatsWanted = Number.isInteger(seatsParam) && seatsParam > 0 ? seatsParam : undefined;
  const renewParam = params.get("renew");
  const [buyOpen, setBuyOpen] = useState(false);
  const [trialOpen, setTrialOpen] = useState(false);
  const [renewTarget, setRenewTarget] = useState<Subscription | null>(null);
  const renewFromUrl = useSubscription(tenantId, canManage && !renewTarget ? renewParam : null);
  const renewSubscription =
    renewTarget ?? (renewParam && canManage && linkDialogsReady ? (renewFromUrl.data ?? null) : null);

  // "Buy more" of a product (?buy=): licenses are added to a subscription of it the tenant has; a trial is converted
  // with the seats needed; only without either is a new subscription bought (planAddLicenses).
  const productSubscriptions =
    buyParam !== null && canManage && linkDialogsReady && subscriptions.data
      ? subscriptions.data.filter((subscription) => subscription.skuId === buyParam)
      : null;
  const plan = productSubscriptions
    ? planAddLicenses(
        productSubscriptions.map((subscription) => ({
          id: subscription.id,
          state: subscription.state,
          source: subscription.source,
          takenOver: subscription.takenOverAt !== null,
        })),
      )
    : null;
  const addTargets =
    plan?.kind === "addToSubscription"
      ? (productSubscriptions ?? []).filter((subscription) => plan.subscriptionIds.includes(subscription.id))
      : null;
  const trialToConvert =
    plan?.kind === "convertTrial"
      ? (productSubscriptions ?? []).find((subscription) => subscription.id === plan.subscriptionId)
      : undefined;
  // Kept while a dialog closes, so its content does not go blank during the exit animation.
  const shownAddTargets = useRef<readonly Subscription[]>([]);
  if (addTargets) shownAddTargets.current = addTargets;
  const shownTrial = useRef<Subscription | null>(null);
  if (trialToConvert) shownTrial.current = trialToConvert;

  const closeBuy = () => {
    setBuyOpen(false);
    if (buyParam !== null) setParams({ buy: undefined, seats: undefined });
  };
  const closeRenew = () => {
    setRenewTarget(null);
    if (renewParam !== null) setParams({ renew: undefined });
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
      <PageHeader title={t.billing.title} description={t.billing.description} />
      <Toolbar aria-label={b.commands} className={styles.toolbar}>
        <GatedButton
          action="billing.manage"
          appearance="primary"
          icon={<CartRegular />}
          onClick={() => setBuyOpen(true)}
          {...restoreFocusTarget}
        >
          {b.buy.open}
        </GatedButton>
        <GatedButton
          action="billing.manage"
          icon={<GiftRegular />}
          onClick={() => setTrialOpen(true)}
          {...restoreFocusTarget}
        >
          {b.trial.open}
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
        <LifecycleBanners
          subscriptions={subscriptions.data}
          tenantId={tenantId}
          onReactivate={(subscription) => setRenewTarget(subscription)}
        />
      ) : null}

      <TabList
        className={list.tabs}
        selectedValue={tab}
        onTabSelect={(_, data) => setParams({ tab: data.value === "subscriptions" ? undefined : String(data.value) })}
        aria-label={b.tabs.label}
      >
        {TABS.map((value) => (
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
            open={buyOpen || plan?.kind === "buy"}
            tenantId={tenantId}
            initialSkuId={buyParam ?? undefined}
            initialSeats={seatsWanted}
            onClose={closeBuy}
            onBought={(result) => {
              notify(b.buy.done(result.subscription.seats, result.subscription.productName));
              openSubscription(result);
            }}
          />
          <AddLicensesDialog
            open={addTargets !== null}
            tenantId={tenantId}
            subscriptions={shownAddTargets.current}
            initialCount={seatsWanted}
            onClose={closeBuy}
            onChanged={(result) => {
              notify(b.seats.done(result.subscription.seats, result.subscription.productName));
              openSubscription(result);
            }}
          />
          {shownTrial.current ? (
            <ConvertTrialDialog
              open={trialToConvert !== undefined}
              tenantId={tenantId}
              subscription={shownTrial.current}
              initialSeats={shownTrial.current.seats + (seatsWanted ?? 1)}
              onClose={closeBuy}
              onConverted={(result) => {
                notify(b.convert.done(result.subscription.productName));
                openSubscription(result);
              }}
            />
          ) : null}
          <TrialDialog
            open={trialOpen}
            tenantId={tenantId}
            onClose={() => setTrialOpen(false)}
            onStarted={(result) => {
              notify(b.trial.done(result.subscription.productName));
              openSubscription(result);
            }}
          />
          <RenewDialog
            open={renewSubscription !== null}
            tenantId={tenantId}
            subscription={renewSubscription}
            onClose={closeRenew}
            onRenewed={(result) => {
              notify(
                renewSubscription && renewSubscription.state !== "active"
                  ? b.renew.reactivated(result.subscription.productName)
                  : b.renew.renewed(result.subscription.productName),
              );
              closeRenew();
            }}
          />
        </>
      ) : null}
    </>
  );
}

function SubscriptionsPanel({
  tenantId,
  query,
  includeDeleted,
  onIncludeDeletedChange,
  onBuy,
}: {
  tenantId: string;
  query: ReturnType<typeof useSubscriptions>;
  includeDeleted: boolean;
  onIncludeDeletedChange: (value: boolean) => void;
  onBuy: () => void;
}) {
  const styles = useStyles();
  const list = useListPageStyles();
  const b = useBillingTexts();
  const items = query.data ?? [];
  const status = query.isPending ? b.loading : query.isError ? "" : b.subscriptionCount(items.length);

  return (
    <>
      <div className={styles.panelBar}>
        <Switch
          checked={includeDeleted}
          label={b.showDeleted}
          onChange={(_, data) => onIncludeDeletedChange(data.checked)}
        />
        <LiveStatus message={status} visible />
      </div>
      {query.isPending ? (
        <Spinner label={b.loading} />
      ) : query.isError ? (
        <ErrorMessage error={query.error} title={b.loadError} onRetry={() => query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<ReceiptRegular />}
          title={b.emptyTitle}
          actions={
            <GatedButton action="billing.manage" appearance="primary" icon={<CartRegular />} onClick={onBuy}>
              {b.buy.open}
            </GatedButton>
          }
        >
          {b.emptyBody}
        </EmptyState>
      ) : (
        <div className={list.surface} aria-busy={query.isFetching}>
          <SubscriptionsTable subscriptions={items} tenantId={tenantId} label={b.tabs.subscriptions} />
        </div>
      )}
    </>
  );
}

function OrdersPanel({ tenantId }: { tenantId: string }) {
  const styles = useStyles();
  const list = useListPageStyles();
  const b = useBillingTexts();
  const orders = useOrders(tenantId);
  const items = useMemo(() => orders.data?.pages.flatMap((page) => page.items) ?? [], [orders.data]);
  const status = orders.isPending
    ? b.orders.loading
    : orders.isError
      ? ""
      : b.orders.shown(items.length, orders.hasNextPage);

  return (
    <>
      <div className={styles.panelBar}>
        <CsvExportButton label={b.orders.export} hrefFor={(delimiter) => ordersExportUrl(tenantId, delimiter)} />
        <LiveStatus message={status} visible />
      </div>
      {orders.isPending ? (
        <Spinner label={b.orders.loading} />
      ) : orders.isError ? (
        <ErrorMessage error={orders.error} onRetry={() => orders.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState icon={<DocumentTableRegular />} title={b.orders.emptyTitle}>
          {b.orders.emptyBody}
        </EmptyState>
      ) : (
        <div className={list.surface} aria-busy={orders.isFetching}>
          <OrdersTable orders={items} tenantId={tenantId} label={b.tabs.orders} />
        </div>
      )}
      <LoadMore
        hasMore={orders.hasNextPage && !orders.isError}
        loading={orders.isFetchingNextPage}
        onLoadMore={() => void orders.fetchNextPage()}
      />
    </>
  );
}

function InvoicesPanel({ tenantId }: { tenantId: string }) {
  const styles = useStyles();
  const list = useListPageStyles();
  const b = useBillingTexts();
  const invoices = useInvoices(tenantId);
  const items = useMemo(() => invoices.data?.pages.flatMap((page) => page.items) ?? [], [invoices.data]);
  const status = invoices.isPending
    ? b.invoices.loading
    : invoices.isError
      ? ""
      : b.invoices.shown(items.length, invoices.hasNextPage);

  return (
    <>
      <div className={styles.panelBar}>
        <CsvExportButton label={b.invoices.export} hrefFor={(delimiter) => invoicesExportUrl(tenantId, delimiter)} />
        <LiveStatus message={status} visible />
      </div>
      {invoices.isPending ? (
        <Spinner label={b.invoices.loading} />
      ) : invoices.isError ? (
        <ErrorMessage error={invoices.error} onRetry={() => invoices.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState icon={<ReceiptRegular />} title={b.invoices.emptyTitle}>
          {b.invoices.emptyBody}
        </EmptyState>
      ) : (
        <div className={list.surface} aria-busy={invoices.isFetching}>
          <InvoicesTable invoices={items} tenantId={tenantId} label={b.tabs.invoices} />
        </div>
      )}
      <LoadMore
        hasMore={invoices.hasNextPage && !invoices.isError}
        loading={invoices.isFetchingNextPage}
        onLoadMore={() => void invoices.fetchNextPage()}
      />
    </>
  );
}
