import type { ReclaimCandidate } from "@allot/contracts";
import { Badge, makeStyles, Text, tokens } from "@fluentui/react-components";
import { type DataColumn, DataTable } from "@/components/data-table";
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
  const columns: Array<DataColumn<ReclaimCandidate>> = [
    {
      id: "name",
      header: r.columns.name,
      cell: (candidate) => (
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
      ),
    },
    {
      id: "lastSignIn",
      header: r.columns.lastSignIn,
      cell: (candidate) =>
        candidate.lastSignInAt ? (
          formatDateTime(candidate.lastSignInAt)
        ) : (
          <span className={styles.muted}>{r.never}</span>
        ),
    },
    {
      id: "licenses",
      header: r.columns.licenses,
      cell: (candidate) => (
        <ul className={styles.licenses}>
          {candidate.licenses.map((license) => (
            <li key={license.skuId}>{license.displayName}</li>
          ))}
        </ul>
      ),
    },
    {
      id: "monthlyCost",
      header: r.columns.monthlyCost,
      className: styles.money,
      headerClassName: styles.moneyHeader,
      cell: (candidate) => formatMoney(candidate.monthlyCostCents),
    },
  ];
  return (
    <DataTable
      label={label}
      className={styles.table}
      columns={columns}
      rows={candidates}
      rowKey={(candidate) => candidate.id}
      selection={
        selectable
          ? {
              selected,
              onChange: onSelectionChange,
              allLabel: r.selectAll,
              rowLabel: (candidate) => r.selectRow(candidate.displayName),
            }
          : undefined
      }
    />
  );
}
