import type { BulkLicenseReport } from "@allot/contracts";
import { MessageBar, MessageBarBody, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { type DataColumn, DataTable } from "@/components/data-table";
import { useLicensingTexts } from "./texts";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  negative: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

type SeatChange = BulkLicenseReport["seats"][number];

/** Products whose seats the change leaves short: more holders than seats. */
export function seatConflicts(seats: readonly SeatChange[]): SeatChange[] {
  return seats.filter((seat) => seat.after.available < 0);
}

/**
 * Seats per product before and after a bulk change (assigned and available), with a warning for every product the
 * change leaves in a license conflict.
 */
export function SeatChanges({
  seats,
  productName,
}: {
  seats: readonly SeatChange[];
  productName: (skuId: string, fallback?: string) => string;
}) {
  const styles = useStyles();
  const l = useLicensingTexts();
  const headingId = useId();
  if (seats.length === 0) return null;
  const conflicts = seatConflicts(seats);
  const columns: Array<DataColumn<SeatChange>> = [
    { id: "product", header: l.seatsProduct, cell: (seat) => productName(seat.skuId, seat.skuPartNumber) },
    {
      id: "assigned",
      header: l.seatsAssigned,
      cell: (seat) => l.beforeAfter(seat.before.consumedUnits, seat.after.consumedUnits),
    },
    {
      id: "available",
      header: l.seatsAvailable,
      cell: (seat) => (
        <span className={seat.after.available < 0 ? styles.negative : undefined}>
          {l.beforeAfter(seat.before.available, seat.after.available)}
        </span>
      ),
    },
  ];
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Text as="h3" id={headingId} size={400} weight="semibold" className={styles.heading}>
        {l.seatsHeading}
      </Text>
      {conflicts.map((seat) => {
        const name = productName(seat.skuId, seat.skuPartNumber);
        const short = -seat.after.available;
        return (
          <MessageBar key={seat.skuId} intent="warning" layout="multiline">
            <MessageBarBody>
              {seat.before.available >= 0 ? l.conflictCreated(name, short) : l.conflictRemains(name, short)}
            </MessageBarBody>
          </MessageBar>
        );
      })}
      <DataTable label={l.seatsHeading} size="small" columns={columns} rows={seats} rowKey={(seat) => seat.skuId} />
    </section>
  );
}
