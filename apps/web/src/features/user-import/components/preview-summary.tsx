import type { UserImport, UserImportKind } from "@allot/contracts";
import { Checkbox, MessageBar, MessageBarBody, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { DataTable } from "@/components/data-table";
import { DataLossWarning } from "@/components/licensing/data-loss-warning";
import { useListPageStyles } from "@/components/list-page-styles";
import { useI18n } from "@/lib/i18n";
import { previewCounts, seatShortages } from "../lib/import-summary";
import { useUserImportTexts } from "../texts";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  counts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXXL, margin: 0 },
  count: { display: "flex", flexDirection: "column-reverse", margin: 0 },
  number: { margin: 0, fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold },
  label: { color: tokens.colorNeutralForeground2 },
  numeric: { fontVariantNumeric: "tabular-nums" },
  short: { color: tokens.colorPaletteRedForeground1 },
});

type Seats = NonNullable<UserImport["preview"]>["seats"][number];

/**
 * Step 3's summary: how many rows each action takes, the seats of each product before → after (with a warning for
 * each product that would run short) and, for a license file that removes licenses, the data-loss warning with its
 * confirmation.
 */
export function PreviewSummary({
  kind,
  preview,
  removalConfirmed,
  onRemovalConfirmed,
}: {
  kind: UserImportKind;
  preview: NonNullable<UserImport["preview"]>;
  removalConfirmed: boolean;
  onRemovalConfirmed: (confirmed: boolean) => void;
}) {
  const styles = useStyles();
  const list = useListPageStyles();
  const x = useUserImportTexts();
  const { formatNumber } = useI18n();
  const countsId = useId();
  const seatsId = useId();
  const shortages = seatShortages(preview.seats);
  const removals = preview.counts.remove ?? 0;
  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby={countsId}>
        <Text as="h3" id={countsId} size={400} weight="semibold" className={styles.heading}>
          {x.preview.countsHeading}
        </Text>
        <dl className={styles.counts}>
          {previewCounts(kind, preview.counts).map(({ action, count }) => (
            <div key={action} className={styles.count}>
              <dt className={styles.label}>{x.counts[action]}</dt>
              <dd className={styles.number}>{formatNumber(count)}</dd>
            </div>
          ))}
        </dl>
      </section>
      {preview.seats.length > 0 ? (
        <section className={styles.section} aria-labelledby={seatsId}>
          <Text as="h3" id={seatsId} size={400} weight="semibold" className={styles.heading}>
            {x.preview.seatsHeading}
          </Text>
          {shortages.map(({ seats, missing }) => (
            <MessageBar key={seats.skuId} intent="warning" layout="multiline">
              <MessageBarBody>{x.preview.short(seats.displayName, missing)}</MessageBarBody>
            </MessageBar>
          ))}
          <div className={list.surface}>
            <DataTable<Seats>
              label={x.preview.seatsHeading}
              size="small"
              rows={preview.seats}
              rowKey={(seats) => seats.skuId}
              columns={[
                { id: "product", header: x.preview.product, cell: (seats) => seats.displayName },
                {
                  id: "seats",
                  header: x.preview.availableBeforeAfter,
                  className: styles.numeric,
                  cell: (seats) => (
                    <span className={seats.availableAfter < 0 ? styles.short : undefined}>
                      {x.preview.beforeAfter(seats.availableBefore, seats.availableAfter)}
                    </span>
                  ),
                },
              ]}
            />
          </div>
        </section>
      ) : null}
      {removals > 0 ? (
        <div className={styles.section}>
          <DataLossWarning licenses={removals} users={null} />
          <Checkbox
            label={x.preview.removalConfirm}
            checked={removalConfirmed}
            onChange={(_, data) => onRemovalConfirmed(data.checked === true)}
          />
        </div>
      ) : null}
    </div>
  );
}
