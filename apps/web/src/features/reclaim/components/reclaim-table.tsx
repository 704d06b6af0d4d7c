import type { ReclaimCandidate } from "@allot/contracts";
import {
  Badge,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TableSelectionCell,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useI18n } from "@/lib/i18n";
import { useReclaimTexts } from "../texts";

const useStyles = makeStyles({
  table: { minWidth: "720px" },
  name: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXXS },
  nameLine: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  muted: { color: tokens.colorNeutralForeground3 },
  licenses: { margin: 0, paddingInlineStart: 0, listStyleType: "none" },
  money: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  moneyHeader: { justifyContent: "flex-end" },
});

/** The inactive users holding paid licenses, with checkboxes; "select all" takes every user shown. */
export function ReclaimTable({
  candidates,
  label,
  selectable,
  selected,
  onSelectionChange,
  formatMoney,
}: {
  candidates: readonly ReclaimCandidate[];
  label: string;
  selectable: boolean;
  selected: ReadonlySet<string>;
  onSelectionChange: (selected: Set<string>) => void;
  formatMoney: (cents: number) => string;
}) {
  const styles = useStyles();
  const { formatDateTime } = useI18n();
  const r = useReclaimTexts();
  const selectedShown = candidates.filter((candidate) => selected.has(candidate.id)).length;
  const allState = selectedShown === 0 ? false : selectedShown === candidates.length ? true : "mixed";

  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelectionChange(next);
  };
  const toggleAll = () =>
    onSelectionChange(allState === true ? new Set() : new Set(candidates.map((candidate) => candidate.id)));

  return (
    <Table aria-label={label} className={styles.table}>
      <TableHeader>
        <TableRow>
          {selectable ? (
            <TableSelectionCell
              checked={allState}
              onClick={toggleAll}
              checkboxIndicator={{ "aria-label": r.selectAll }}
            />
          ) : null}
          <TableHeaderCell>{r.columns.name}</TableHeaderCell>
          <TableHeaderCell>{r.columns.lastSignIn}</TableHeaderCell>
          <TableHeaderCell>{r.columns.licenses}</TableHeaderCell>
          <TableHeaderCell button={{ className: styles.moneyHeader }}>{r.columns.monthlyCost}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {candidates.map((candidate) => (
          <TableRow key={candidate.id} aria-selected={selectable ? selected.has(candidate.id) : undefined}>
            {selectable ? (
              <TableSelectionCell
                checked={selected.has(candidate.id)}
                onClick={() => toggle(candidate.id)}
                checkboxIndicator={{ "aria-label": r.selectRow(candidate.displayName) }}
              />
            ) : null}
            <TableCell>
              <span className={styles.name}>
                <span className={styles.nameLine}>
                  {candidate.displayName}
                  {candidate.userType === "guest" ? (
                    <Badge appearance="tint" color="informative" size="small">
                      {r.guest}
                    </Badge>
                  ) : null}
                </span>
                <Text size={200} className={styles.muted}>
                  {candidate.email}
                </Text>
              </span>
            </TableCell>
            <TableCell>
              {candidate.lastSignInAt ? (
                formatDateTime(candidate.lastSignInAt)
              ) : (
                <span className={styles.muted}>{r.never}</span>
              )}
            </TableCell>
            <TableCell>
              <ul className={styles.licenses}>
                {candidate.licenses.map((license) => (
                  <li key={license.skuId}>{license.displayName}</li>
                ))}
              </ul>
            </TableCell>
            <TableCell className={styles.money}>{formatMoney(candidate.monthlyCostCents)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
