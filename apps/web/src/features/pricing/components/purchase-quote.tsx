import { makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import type { useQuote } from "@/lib/billing/quote";
import { errorMessage } from "@/lib/errors";
import { useFormatMoney } from "@/lib/format-money";
import { useI18n } from "@/lib/i18n";
import { usePricingTexts } from "../texts";

const useStyles = makeStyles({
  quote: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    minHeight: "48px",
  },
  lines: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

/**
 * The price of the purchase before paying, line by line, announced as it changes: shown once it is for the seats
 * and term in the form (`current`), a spinner while a new one is on its way.
 */
export function PurchaseQuote({
  quote,
  current,
  seatsValid,
}: {
  quote: ReturnType<typeof useQuote>;
  current: boolean;
  seatsValid: boolean;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const tx = usePricingTexts();
  const money = useFormatMoney();
  return (
    <section className={styles.quote} aria-label={tx.buy.quoteTitle} aria-live="polite" aria-busy={quote.isFetching}>
      <Text weight="semibold">{tx.buy.quoteTitle}</Text>
      {quote.isError ? (
        <Text role="alert">{errorMessage(quote.error, t)}</Text>
      ) : current && quote.data ? (
        <>
          <ul className={styles.lines}>
            {quote.data.lines.map((line) => (
              <li key={`${line.description}-${line.periodStart}`}>
                {tx.buy.quoteLine(line.description, money(line.amountCents, quote.data.currency))}
              </li>
            ))}
          </ul>
          <Text weight="semibold">{tx.buy.total(money(quote.data.amountCents, quote.data.currency))}</Text>
        </>
      ) : seatsValid ? (
        <Spinner size="tiny" labelPosition="after" label={tx.buy.quoteLoading} />
      ) : null}
    </section>
  );
}
