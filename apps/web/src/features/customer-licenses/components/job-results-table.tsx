import type { BulkJobDetails } from "@allot/contracts";
import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import { type DataColumn, DataTable } from "@/components/data-table";
import { describeFailure } from "@/components/licensing/bulk-user-results";
import { useLicensingTexts } from "@/components/licensing/texts";
import { useI18n } from "@/lib/i18n";
import { useCustomerLicensesTexts } from "../texts";

type Result = BulkJobDetails["results"][number];

const useStyles = makeStyles({
  table: { minWidth: "880px" },
  reasons: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * A job's result per user, as the confirmation page prints it: the licenses assigned and revoked, and for a failure
 * each reason in words (the engine's location, dependency, exclusion and seat-count refusals).
 */
export function JobResultsTable({
  results,
  productName,
}: {
  results: readonly Result[];
  productName: (skuId: string) => string;
}) {
  const styles = useStyles();
  const c = useCustomerLicensesTexts().confirmation;
  const l = useLicensingTexts();
  const { t } = useI18n();
  const names = (skuIds: readonly string[]) =>
    skuIds.length > 0 ? skuIds.map(productName).join(", ") : <span className={styles.muted}>{c.nothing}</span>;
  const columns: DataColumn<Result>[] = [
    { id: "user", header: c.columns.user, cell: (result) => result.displayName ?? result.userId },
    {
      id: "result",
      header: c.columns.result,
      cell: (result) => (
        <Badge appearance="tint" color={result.ok ? "success" : "danger"}>
          {result.ok ? c.succeeded : c.failed}
        </Badge>
      ),
    },
    { id: "assigned", header: c.columns.assigned, cell: (result) => (result.ok ? names(result.added) : names([])) },
    { id: "revoked", header: c.columns.revoked, cell: (result) => (result.ok ? names(result.removed) : names([])) },
    {
      id: "reason",
      header: c.columns.reason,
      cell: (result) =>
        result.ok ? (
          result.changed.length > 0 ? (
            c.plansChanged(result.changed.map(productName).join(", "))
          ) : null
        ) : (
          <ul className={styles.reasons}>
            {describeFailure(result, t, l, productName).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ),
    },
  ];
  return (
    <DataTable
      label={c.tableLabel}
      className={styles.table}
      columns={columns}
      rows={results}
      rowKey={(result) => result.userId}
    />
  );
}
