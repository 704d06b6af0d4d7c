import type { Subscription } from "@allot/contracts";
import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useNavigate } from "react-router";
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

  return (
    <Table aria-label={label} className={styles.table}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.productColumn}>{b.columns.product}</TableHeaderCell>
          <TableHeaderCell className={styles.narrowColumn}>{b.columns.seats}</TableHeaderCell>
          <TableHeaderCell>{b.columns.status}</TableHeaderCell>
          <TableHeaderCell>{b.columns.source}</TableHeaderCell>
          <TableHeaderCell>{b.columns.term}</TableHeaderCell>
          <TableHeaderCell>{b.columns.next}</TableHeaderCell>
          <TableHeaderCell className={styles.narrowColumn}>{b.columns.autoRenew}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {subscriptions.map((subscription) => (
          <TableRow
            key={subscription.id}
            className={styles.row}
            onClick={(event) => {
              // The link itself navigates (and opens new tabs); the rest of the row is a larger target for mice.
              if ((event.target as HTMLElement).closest("a")) return;
              navigate(pathOf(subscription));
            }}
          >
            <TableCell>
              <span className={styles.stack}>
                <RouterLink to={pathOf(subscription)}>{subscription.productName}</RouterLink>
                <SubscriptionSourceBadges subscription={subscription} />
              </span>
            </TableCell>
            <TableCell>
              <span className={styles.stack}>
                <span className={styles.number}>{formatNumber(subscription.seats)}</span>
                {subscription.source === "selfService" ? (
                  <Text size={200} className={styles.muted}>
                    {b.assignedByOwner(subscription.assignedBySubscriptionOwner)}
                  </Text>
                ) : null}
              </span>
            </TableCell>
            <TableCell>
              <SubscriptionStatusBadge subscription={subscription} />
            </TableCell>
            <TableCell>{sourceText(subscription, b)}</TableCell>
            <TableCell>{termText(subscription, b)}</TableCell>
            <TableCell>{lifecycleText(subscription, b, formatDate)}</TableCell>
            <TableCell>
              {subscription.source === "trial" || subscription.state === "deleted"
                ? b.notApplicable
                : subscription.autoRenew
                  ? b.on
                  : b.off}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
