import type { Order } from "@allot/contracts";
import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { RouterLink } from "@/components/router-link";
import { useFormatMoney } from "@/lib/format-money";
import { useI18n } from "@/lib/i18n";
import { useBillingTexts } from "../texts";

const useStyles = makeStyles({
  table: { minWidth: "880px" },
  number: { fontVariantNumeric: "tabular-nums" },
  money: { textAlign: "end", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  moneyHeader: { justifyContent: "flex-end" },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Orders: what was bought or changed, by whom, for how much, and the invoice it went on. */
export function OrdersTable({
  orders,
  tenantId,
  label,
  showProduct = true,
}: {
  orders: readonly Order[];
  tenantId: string;
  label: string;
  /** Leave the product out where every order is of the same subscription. */
  showProduct?: boolean;
}) {
  const styles = useStyles();
  const { formatDateTime } = useI18n();
  const b = useBillingTexts();
  const money = useFormatMoney();
  return (
    <Table aria-label={label} className={styles.table}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{b.orders.columns.date}</TableHeaderCell>
          <TableHeaderCell>{b.orders.columns.kind}</TableHeaderCell>
          {showProduct ? <TableHeaderCell>{b.orders.columns.product}</TableHeaderCell> : null}
          <TableHeaderCell>{b.orders.columns.seats}</TableHeaderCell>
          <TableHeaderCell button={{ className: styles.moneyHeader }}>{b.orders.columns.amount}</TableHeaderCell>
          <TableHeaderCell>{b.orders.columns.placedBy}</TableHeaderCell>
          <TableHeaderCell>{b.orders.columns.invoice}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {orders.map((order) => (
          <TableRow key={order.id}>
            <TableCell>{formatDateTime(order.createdAt)}</TableCell>
            <TableCell>
              {b.orders.kind[order.kind]}
              {order.status !== "completed" ? ` (${b.orders.status[order.status]})` : ""}
            </TableCell>
            {showProduct ? (
              <TableCell>
                {order.subscriptionId ? (
                  <RouterLink to={`/t/${tenantId}/billing/subscriptions/${order.subscriptionId}`}>
                    {order.productName}
                  </RouterLink>
                ) : (
                  order.productName
                )}
              </TableCell>
            ) : null}
            <TableCell className={styles.number}>
              {order.seatsDelta === 0 ? <span className={styles.muted}>—</span> : b.seatsDelta(order.seatsDelta)}
            </TableCell>
            <TableCell className={styles.money}>{money(order.amountCents, order.currency)}</TableCell>
            <TableCell>{order.placedBy?.displayName ?? <span className={styles.muted}>{b.system}</span>}</TableCell>
            <TableCell>
              {order.invoiceId ? (
                <RouterLink to={`/t/${tenantId}/billing/invoices/${order.invoiceId}`}>
                  {order.invoiceNumber ?? b.orders.viewInvoice}
                </RouterLink>
              ) : (
                <span className={styles.muted}>—</span>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
