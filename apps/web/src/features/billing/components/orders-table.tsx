import type { Order } from "@allot/contracts";
import { makeStyles, tokens } from "@fluentui/react-components";
import { type DataColumn, DataTable } from "@/components/data-table";
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
  const none = <span className={styles.muted}>—</span>;
  const columns: Array<DataColumn<Order> | false> = [
    { id: "date", header: b.orders.columns.date, cell: (order) => formatDateTime(order.createdAt) },
    {
      id: "kind",
      header: b.orders.columns.kind,
      cell: (order) =>
        `${b.orders.kind[order.kind]}${order.status !== "completed" ? ` (${b.orders.status[order.status]})` : ""}`,
    },
    showProduct && {
      id: "product",
      header: b.orders.columns.product,
      cell: (order) =>
        order.subscriptionId ? (
          <RouterLink to={`/t/${tenantId}/billing/subscriptions/${order.subscriptionId}`}>
            {order.productName}
          </RouterLink>
        ) : (
          order.productName
        ),
    },
    {
      id: "seats",
      header: b.orders.columns.seats,
      className: styles.number,
      cell: (order) => (order.seatsDelta === 0 ? none : b.seatsDelta(order.seatsDelta)),
    },
    {
      id: "amount",
      header: b.orders.columns.amount,
      className: styles.money,
      headerClassName: styles.moneyHeader,
      cell: (order) => money(order.amountCents, order.currency),
    },
    {
      id: "placedBy",
      header: b.orders.columns.placedBy,
      cell: (order) => order.placedBy?.displayName ?? <span className={styles.muted}>{b.system}</span>,
    },
    {
      id: "invoice",
      header: b.orders.columns.invoice,
      cell: (order) =>
        order.invoiceId ? (
          <RouterLink to={`/t/${tenantId}/billing/invoices/${order.invoiceId}`}>
            {order.invoiceNumber ?? b.orders.viewInvoice}
          </RouterLink>
        ) : (
          none
        ),
    },
  ];
  return (
    <DataTable label={label} className={styles.table} columns={columns} rows={orders} rowKey={(order) => order.id} />
  );
}
