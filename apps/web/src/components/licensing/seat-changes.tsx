import type { BulkLicenseReport } from "@allot/contracts";
import {
  MessageBar,
  MessageBarBody,
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
import { useId } from "react";
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
      <Table size="small" aria-labelledby={headingId}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{l.seatsProduct}</TableHeaderCell>
            <TableHeaderCell>{l.seatsAssigned}</TableHeaderCell>
            <TableHeaderCell>{l.seatsAvailable}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {seats.map((seat) => (
            <TableRow key={seat.skuId}>
              <TableCell>{productName(seat.skuId, seat.skuPartNumber)}</TableCell>
              <TableCell>{l.beforeAfter(seat.before.consumedUnits, seat.after.consumedUnits)}</TableCell>
              <TableCell className={seat.after.available < 0 ? styles.negative : undefined}>
                {l.beforeAfter(seat.before.available, seat.after.available)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
