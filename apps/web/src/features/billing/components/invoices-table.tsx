import type { Invoice } from "@allot/contracts";
import { makeStyles } from "@fluentui/react-components";
import { type DataColumn, DataTable } from "@/components/data-table";
import { RouterLink } from "@/components/router-link";
import { useFormatMoney } from "@/lib/format-money";
import { useI18n } from "@/lib/i18n";
import { useBillingTexts } from "../texts";
import { InvoiceStatusBadge } from "./invoice-status";

const useStyles = makeStyles({
  table: { minWidth: "720px" },
  money: { textAlign: "end", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  moneyHeader: { justifyContent: "flex-end" },
});

/** Invoices: number (to the invoice), dates, status and total. */
export function InvoicesTable({
  invoices,
  tenantId,
  label,
}: {
  invoices: readonly Invoice[];
  tenantId: string;
  label: string;
}) {
  const styles = useStyles();
  const { formatDate } = useI18n();
  const b = useBillingTexts();
  const money = useFormatMoney();
  const columns: Array<DataColumn<Invoice>> = [
    {
      id: "number",
      header: b.invoices.columns.number,
      cell: (invoice) => <RouterLink to={`/t/${tenantId}/billing/invoices/${invoice.id}`}>{invoice.number}</RouterLink>,
    },
    { id: "issued", header: b.invoices.columns.issued, cell: (invoice) => formatDate(invoice.issuedAt) },
    { id: "due", header: b.invoices.columns.due, cell: (invoice) => formatDate(invoice.dueAt) },
    {
      id: "status",
      header: b.invoices.columns.status,
      cell: (invoice) => <InvoiceStatusBadge status={invoice.status} />,
    },
    {
      id: "total",
      header: b.invoices.columns.total,
      className: styles.money,
      headerClassName: styles.moneyHeader,
      cell: (invoice) => money(invoice.totalCents, invoice.currency),
    },
  ];
  return (
    <DataTable
      label={label}
      className={styles.table}
      columns={columns}
      rows={invoices}
      rowKey={(invoice) => invoice.id}
    />
  );
}
