import { makeStyles, Spinner, Switch, tokens } from "@fluentui/react-components";
import { CartRegular, DocumentTableRegular, ReceiptRegular } from "@fluentui/react-icons";
import { useMemo } from "react";
import { CsvExportButton } from "@/components/csv-export-button";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { GatedButton } from "@/components/gated-button";
import { useListPageStyles } from "@/components/list-page-styles";
import { LoadMore } from "@/components/load-more";
import { LiveStatus } from "@/components/visually-hidden";
import { invoicesExportUrl, useInvoices } from "../api/get-invoices";
import { ordersExportUrl, useOrders } from "../api/get-orders";
import type { useSubscriptions } from "../api/get-subscriptions";
import { useBillingChangeTexts, useBillingTexts } from "../texts";
import { InvoicesTable } from "./invoices-table";
import { OrdersTable } from "./orders-table";
import { SubscriptionsTable } from "./subscriptions-table";

const useStyles = makeStyles({
  panelBar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalL },
});

/** Your products: the tenant's subscriptions (deleted ones on request), or a way to buy the first one. */
export function SubscriptionsPanel({
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
  const c = useBillingChangeTexts();
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
              {c.buy.open}
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

/** Orders, newest first, one page at a time, with their CSV export. */
export function OrdersPanel({ tenantId }: { tenantId: string }) {
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

/** Invoices, newest first, one page at a time, with their CSV export. */
export function InvoicesPanel({ tenantId }: { tenantId: string }) {
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
