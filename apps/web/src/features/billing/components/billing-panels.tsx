import type { CsvDelimiter } from "@allot/contracts";
import { makeStyles, Spinner, Switch, tokens } from "@fluentui/react-components";
import { CartRegular, DocumentTableRegular, ReceiptRegular } from "@fluentui/react-icons";
import { type ReactElement, type ReactNode, useMemo } from "react";
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

/** What a panel of paged rows reads of its infinite query (orders, invoices). */
interface PagedQuery<Item> {
  data: { pages: ReadonlyArray<{ items: readonly Item[] }> } | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  isFetching: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  refetch: () => unknown;
  fetchNextPage: () => unknown;
}

interface PagedTexts {
  loading: string;
  shown: (count: number, more: boolean) => string;
  export: string;
  emptyTitle: string;
  emptyBody: string;
}

/** Rows newest first, one page at a time, with their CSV export and a live count; loading, failed or empty says so. */
function PagedPanel<Item>({
  query,
  texts,
  exportUrl,
  emptyIcon,
  children,
}: {
  query: PagedQuery<Item>;
  texts: PagedTexts;
  exportUrl: (delimiter: CsvDelimiter) => string;
  emptyIcon: ReactElement;
  /** The table of the rows loaded so far. */
  children: (items: readonly Item[]) => ReactNode;
}) {
  const styles = useStyles();
  const list = useListPageStyles();
  const items = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const status = query.isPending ? texts.loading : query.isError ? "" : texts.shown(items.length, query.hasNextPage);

  return (
    <>
      <div className={styles.panelBar}>
        <CsvExportButton label={texts.export} hrefFor={exportUrl} />
        <LiveStatus message={status} visible />
      </div>
      {query.isPending ? (
        <Spinner label={texts.loading} />
      ) : query.isError ? (
        <ErrorMessage error={query.error} onRetry={() => query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState icon={emptyIcon} title={texts.emptyTitle}>
          {texts.emptyBody}
        </EmptyState>
      ) : (
        <div className={list.surface} aria-busy={query.isFetching}>
          {children(items)}
        </div>
      )}
      <LoadMore
        hasMore={query.hasNextPage && !query.isError}
        loading={query.isFetchingNextPage}
        onLoadMore={() => void query.fetchNextPage()}
      />
    </>
  );
}

/** Orders, newest first, one page at a time, with their CSV export. */
export function OrdersPanel({ tenantId }: { tenantId: string }) {
  const b = useBillingTexts();
  return (
    <PagedPanel
      query={useOrders(tenantId)}
      texts={b.orders}
      exportUrl={(delimiter) => ordersExportUrl(tenantId, delimiter)}
      emptyIcon={<DocumentTableRegular />}
    >
      {(orders) => <OrdersTable orders={orders} tenantId={tenantId} label={b.tabs.orders} />}
    </PagedPanel>
  );
}

/** Invoices, newest first, one page at a time, with their CSV export. */
export function InvoicesPanel({ tenantId }: { tenantId: string }) {
  const b = useBillingTexts();
  return (
    <PagedPanel
      query={useInvoices(tenantId)}
      texts={b.invoices}
      exportUrl={(delimiter) => invoicesExportUrl(tenantId, delimiter)}
      emptyIcon={<ReceiptRegular />}
    >
      {(invoices) => <InvoicesTable invoices={invoices} tenantId={tenantId} label={b.tabs.invoices} />}
    </PagedPanel>
  );
}
