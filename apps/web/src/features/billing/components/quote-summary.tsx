import type { Quote, QuoteRequest } from "@allot/contracts";
import { makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import { type ReactNode, useId } from "react";
import { DataTable } from "@/components/data-table";
import { ErrorMessage } from "@/components/error-message";
import { LiveStatus } from "@/components/visually-hidden";
import { useDebouncedQuote } from "@/lib/billing/quote";
import { useFormatMoney } from "@/lib/format-money";
import { useI18n } from "@/lib/i18n";
import { useBillingChangeTexts, useBillingTexts } from "../texts";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minHeight: "72px",
  },
  heading: { margin: 0, display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
  money: { textAlign: "end", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  moneyHeader: { justifyContent: "flex-end" },
  total: {
    display: "flex",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalM,
    fontVariantNumeric: "tabular-nums",
  },
});

/**
 * The price of a change before it is confirmed: one row per invoice line (credits negative) and what is billed now.
 * A polite live region, so the new total is announced as seats or term change.
 */
export function QuoteSummary({
  quote,
  loading,
  updating,
  error,
  hint,
}: {
  quote: Quote | undefined;
  /** No quote yet, one is being asked for. */
  loading: boolean;
  /** A quote is shown but is for earlier inputs; the next one is on its way. */
  updating: boolean;
  error: unknown;
  /** Shown when there is nothing to quote yet (for example no product chosen). */
  hint?: string;
}) {
  const styles = useStyles();
  const { formatDate } = useI18n();
  const b = useBillingTexts();
  const c = useBillingChangeTexts();
  const money = useFormatMoney();
  const headingId = useId();

  // Announced on its own (not the whole table) each time the price changes or fails.
  const announcement = error
    ? c.quote.error
    : quote && !updating
      ? `${quote.amountCents < 0 ? c.quote.creditNow : c.quote.dueNow}: ${money(Math.abs(quote.amountCents), quote.currency)}`
      : loading
        ? c.quote.loading
        : "";
  let body: ReactNode;
  if (error) {
    body = <ErrorMessage error={error} title={c.quote.error} />;
  } else if (quote) {
    const credit = quote.amountCents < 0;
    body = (
      <>
        {quote.lines.length > 0 ? (
          <DataTable
            size="small"
            label={c.quote.title}
            columns={[
              {
                id: "description",
                header: c.quote.columns.description,
                cell: ({ line }) => (
                  <>
                    <div>{line.description}</div>
                    <Text size={200} className={styles.muted}>
                      {b.period(formatDate(line.periodStart), formatDate(line.periodEnd))}
                    </Text>
                  </>
                ),
              },
              {
                id: "quantity",
                header: c.quote.columns.quantity,
                cell: ({ line }) => c.quote.times(line.quantity, money(line.unitPriceCents, quote.currency)),
              },
              {
                id: "amount",
                header: c.quote.columns.amount,
                className: styles.money,
                headerClassName: styles.moneyHeader,
                cell: ({ line }) => money(line.amountCents, quote.currency),
              },
            ]}
            // Lines have no id; their order is the invoice's.
            rows={quote.lines.map((line, index) => ({ line, key: String(index) }))}
            rowKey={(row) => row.key}
          />
        ) : null}
        {quote.daysLeft !== null && quote.termDays !== null && quote.daysLeft !== quote.termDays ? (
          <Text size={200} className={styles.muted}>
            {c.quote.prorated(quote.daysLeft, quote.termDays)}
          </Text>
        ) : null}
        <Text weight="semibold" className={styles.total}>
          <span>{credit ? c.quote.creditNow : c.quote.dueNow}</span>
          <span>{money(credit ? -quote.amountCents : quote.amountCents, quote.currency)}</span>
        </Text>
      </>
    );
  } else if (loading) {
    body = <Spinner size="tiny" label={c.quote.loading} labelPosition="after" />;
  } else {
    body = <Text className={styles.muted}>{hint ?? c.quote.hint}</Text>;
  }

  return (
    <section className={styles.root} aria-labelledby={headingId} aria-busy={loading || updating}>
      <LiveStatus message={announcement} />
      <Text as="h3" id={headingId} weight="semibold" className={styles.heading}>
        {c.quote.title}
        {updating && quote ? <Spinner size="extra-tiny" aria-label={c.quote.loading} /> : null}
      </Text>
      {body}
    </section>
  );
}

/**
 * The live quote of a dialog and how to show it: `ready` once the quote shown is for the inputs as they are now
 * (the confirm button waits for it, so nobody confirms a price they have not seen).
 */
export function useQuoteView(tenantId: string, request: QuoteRequest | null) {
  const query = useDebouncedQuote(tenantId, request);
  const waiting = request !== null && (!query.settled || query.isFetching);
  const quote = request === null ? undefined : query.data;
  return {
    quote,
    loading: waiting && !quote,
    updating: waiting || query.isPlaceholderData,
    error: request !== null && query.settled && query.isError ? query.error : null,
    ready: request !== null && query.current && !query.isFetching,
  };
}
