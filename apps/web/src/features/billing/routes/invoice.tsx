import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { PrintRegular, ReceiptRegular } from "@fluentui/react-icons";
import type { ReactNode } from "react";
import { useParams } from "react-router";
import { BackLink } from "@/components/back-link";
import { DataTable } from "@/components/data-table";
import { DetailPageState } from "@/components/detail-page-state";
import { PageHeader } from "@/components/page-header";
import { usePrintAreaStyles } from "@/components/print-area";
import { useFormatMoney } from "@/lib/format-money";
import { useI18n } from "@/lib/i18n";
import { useTenant } from "@/lib/tenant";
import { useInvoice } from "../api/get-invoice";
import { Fact } from "../components/fact";
import { InvoiceStatusBadge } from "../components/invoice-status";
import { useBillingTexts } from "../texts";

const useStyles = makeStyles({
  headerRow: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  facts: {
    display: "grid",
    gridTemplateColumns: "minmax(140px, max-content) 1fr",
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalS,
    margin: `0 0 ${tokens.spacingVerticalL}`,
    maxWidth: "640px",
  },
  surface: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
    overflowX: "auto",
    maxWidth: "1100px",
  },
  table: { minWidth: "720px" },
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  numberHeader: { justifyContent: "flex-end" },
  total: { fontWeight: tokens.fontWeightSemibold },
  heading: { margin: `${tokens.spacingVerticalL} 0 ${tokens.spacingVerticalS}` },
});

/** A row of the invoice's table: a line, or the total below the lines (which leaves period, quantity and price empty). */
interface InvoiceRow {
  key: string;
  description: ReactNode;
  period?: string;
  quantity?: string;
  unitPrice?: string;
  amount: ReactNode;
}

/** Billing › an invoice: its lines (one per billing change), totals and status, printable. */
export function InvoiceRoute() {
  // Printing the invoice prints the invoice only.
  usePrintAreaStyles();
  const styles = useStyles();
  const { formatDate, formatNumber } = useI18n();
  const b = useBillingTexts();
  const money = useFormatMoney();
  const { tenant } = useTenant();
  const tenantId = tenant.id;
  const { invoiceId = "" } = useParams();
  const invoice = useInvoice(tenantId, invoiceId);

  const back = (
    <span data-no-print="">
      <BackLink to={`/t/${tenantId}/billing?tab=invoices`}>{b.invoice.back}</BackLink>
    </span>
  );

  if (invoice.isPending || invoice.isError) {
    return (
      <DetailPageState
        back={back}
        title={b.invoice.title}
        query={invoice}
        loading={b.invoice.loading}
        notFound={b.invoice.notFound}
        notFoundIcon={<ReceiptRegular />}
        loadError={b.invoice.loadError}
      />
    );
  }

  const data = invoice.data;
  const currency = data.currency;
  const numberColumn = { className: styles.number, headerClassName: styles.numberHeader };
  return (
    <div data-print-area="">
      {back}
      <PageHeader title={b.invoice.heading(data.number)}>
        <div className={styles.headerRow}>
          <InvoiceStatusBadge status={data.status} />
          <span data-no-print="">
            <Button icon={<PrintRegular />} onClick={() => window.print()}>
              {b.invoice.print}
            </Button>
          </span>
        </div>
      </PageHeader>

      <dl className={styles.facts}>
        <Fact label={b.invoice.billedTo}>{tenant.name}</Fact>
        <Fact label={b.invoices.columns.number}>{data.number}</Fact>
        <Fact label={b.invoices.columns.issued}>{formatDate(data.issuedAt)}</Fact>
        <Fact label={b.invoices.columns.due}>{formatDate(data.dueAt)}</Fact>
        <Fact label={b.invoices.columns.status}>{b.invoices.status[data.status]}</Fact>
        <Fact label={b.invoices.columns.total}>{money(data.totalCents, currency)}</Fact>
      </dl>

      <Text as="h2" size={500} weight="semibold" className={styles.heading}>
        {b.invoice.lines}
      </Text>
      <div className={styles.surface}>
        <DataTable<InvoiceRow>
          label={b.invoice.lines}
          className={styles.table}
          columns={[
            { id: "description", header: b.invoice.columns.description, cell: (row) => row.description },
            { id: "period", header: b.invoice.columns.period, cell: (row) => row.period },
            { id: "quantity", header: b.invoice.columns.quantity, ...numberColumn, cell: (row) => row.quantity },
            { id: "unitPrice", header: b.invoice.columns.unitPrice, ...numberColumn, cell: (row) => row.unitPrice },
            { id: "amount", header: b.invoice.columns.amount, ...numberColumn, cell: (row) => row.amount },
          ]}
          // Invoice lines are positional and never reordered; the total is the last row.
          rows={[
            ...data.lines.map((line, index) => ({
              key: String(index),
              description: line.description,
              period: b.period(formatDate(line.periodStart), formatDate(line.periodEnd)),
              quantity: formatNumber(line.quantity),
              unitPrice: money(line.unitPriceCents, currency),
              amount: money(line.amountCents, currency),
            })),
            {
              key: "total",
              description: <span className={styles.total}>{b.invoice.total}</span>,
              amount: <span className={styles.total}>{money(data.totalCents, currency)}</span>,
            },
          ]}
          rowKey={(row) => row.key}
        />
      </div>
    </div>
  );
}
