import type { Subscription } from "@allot/contracts";
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { useNavigate } from "react-router";
import { type DataColumn, DataTable } from "@/components/data-table";
import { RouterLink } from "@/components/router-link";
import { useI18n } from "@/lib/i18n";
import { useBillingTexts } from "../texts";
import {
  lifecycleText,
  SubscriptionSourceBadges,
  SubscriptionStatusBadge,
  sourceText,
  termText,
} from "./subscription-status";

const useStyles = makeStyles({
  table: { minWidth: "960px" },
  productColumn: { width: "24%" },
  narrowColumn: { width: "9%" },
  row: { cursor: "pointer" },
  stack: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground2 },
  number: { fontVariantNumeric: "tabular-nums" },
});

/**
 * Every subscription with its seats, status, source, term, what happens next and auto-renew. The product name links
 * to the subscription's page; clicking anywhere on the row goes there too.
 */
export function SubscriptionsTable({
  subscriptions,
  tenantId,
  label,
}: {
  subscriptions: readonly Subscription[];
  tenantId: string;
  label: string;
}) {
  const styles = useStyles();
  const { formatDate, formatNumber } = useI18n();
  const b = useBillingTexts();
  const navigate = useNavigate();
  const pathOf = (subscription: Subscription) => `/t/${tenantId}/billing/subscriptions/${subscription.id}`;

  const columns: Array<DataColumn<Subscription>> = [
    {
      id: "product",
      header: b.columns.product,
      headerCellClassName: styles.productColumn,
      cell: (subscription) => (
        <span className={styles.stack}>
          <RouterLink to={pathOf(subscription)}>{subscription.productName}</RouterLink>
          <SubscriptionSourceBadges subscription={subscription} />
        </span>
      ),
    },
    {
      id: "seats",
      header: b.columns.seats,
      headerCellClassName: styles.narrowColumn,
      cell: (subscription) => (
        <span className={styles.stack}>
          <span className={styles.number}>{formatNumber(subscription.seats)}</span>
          {subscription.source === "selfService" ? (
            <Text size={200} className={styles.muted}>
              {b.assignedByOwner(subscription.assignedBySubscriptionOwner)}
            </Text>
          ) : null}
        </span>
      ),
    },
    {
      id: "status",
      header: b.columns.status,
      cell: (subscription) => <SubscriptionStatusBadge subscription={subscription} />,
    },
    { id: "source", header: b.columns.source, cell: (subscription) => sourceText(subscription, b) },
    { id: "term", header: b.columns.term, cell: (subscription) => termText(subscription, b) },
    { id: "next", header: b.columns.next, cell: (subscription) => lifecycleText(subscription, b, formatDate) },
    {
      id: "autoRenew",
      header: b.columns.autoRenew,
      headerCellClassName: styles.narrowColumn,
      cell: (subscription) =>
        subscription.source === "trial" || subscription.state === "deleted"
          ? b.notApplicable
          : subscription.autoRenew
            ? b.on
            : b.off,
    },
  ];
  return (
    <DataTable
      label={label}
      className={styles.table}
      columns={columns}
      rows={subscriptions}
      rowKey={(subscription) => subscription.id}
      rowClassName={styles.row}
      onRowClick={(subscription, event) => {
        // The link itself navigates (and opens new tabs); the rest of the row is a larger target for mice.
        if ((event.target as HTMLElement).closest("a")) return;
        navigate(pathOf(subscription));
      }}
    />
  );
}
