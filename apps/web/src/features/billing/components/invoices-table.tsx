import type { Invoice } from "@allot/contracts";
import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
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
  return (
    <Table aria-label={label} className={styles.table}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{b.invoices.columns.number}</TableHeaderCell>
          <TableHeaderCell>{b.invoices.columns.issued}</TableHeaderCell>
          <TableHeaderCell>{b.invoices.columns.due}</TableHeaderCell>
          <TableHeaderCell>{b.invoices.columns.status}</TableHeaderCell>
          <TableHeaderCell button={{ className: styles.moneyHeader }}>{b.invoices.columns.total}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {invoices.map((invoice) => (
          <TableRow key={invoice.id}>
            <TableCell>
              <RouterLink to={`/t/${tenantId}/billing/invoices/${invoice.id}`}>{invoice.number}</RouterLink>
            </TableCell>
            <TableCell>{formatDate(invoice.issuedAt)}</TableCell>
            <TableCell>{formatDate(invoice.dueAt)}</TableCell>
            <TableCell>
              <InvoiceStatusBadge status={invoice.status} />
            </TableCell>
            <TableCell className={styles.money}>{money(invoice.totalCents, invoice.currency)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
