import type { LicenseConflictReport } from "@allot/contracts";
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { type DataColumn, DataTable } from "@/components/data-table";
import { useI18n } from "@/lib/i18n";
import { useConflictsTexts } from "../texts";

type Holder = LicenseConflictReport["users"][number];

const useStyles = makeStyles({
  table: { minWidth: "640px" },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * The holders of a product in conflict. Only direct holders can be selected: an inherited license goes with the
 * group, so removing it per user is not possible here.
 */
export function ConflictHoldersTable({
  conflict,
  selectable,
  selected,
  onSelectionChange,
}: {
  conflict: LicenseConflictReport;
  selectable: boolean;
  selected: ReadonlySet<string>;
  onSelectionChange: (selected: Set<string>) => void;
}) {
  const styles = useStyles();
  const { formatDate } = useI18n();
  const c = useConflictsTexts();
  const columns: Array<DataColumn<Holder>> = [
    { id: "name", header: c.columns.name, cell: (user) => user.displayName },
    { id: "email", header: c.columns.email, cell: (user) => <Text wrap={false}>{user.email}</Text> },
    { id: "assigned", header: c.columns.assigned, cell: (user) => formatDate(user.licensedAt) },
    {
      id: "lastSignIn",
      header: c.lastSignIn,
      cell: (user) =>
        user.lastSignInAt ? formatDate(user.lastSignInAt) : <span className={styles.muted}>{c.neverSignedIn}</span>,
    },
    {
      id: "how",
      header: c.columns.how,
      cell: (user) => (user.direct ? c.direct : <span className={styles.muted}>{c.throughGroup}</span>),
    },
  ];
  return (
    <DataTable
      label={c.holdersTitle(conflict.displayName)}
      className={styles.table}
      size="small"
      columns={columns}
      rows={conflict.users}
      rowKey={(user) => user.id}
      selection={
        selectable
          ? {
              selected,
              onChange: onSelectionChange,
              canSelect: (user) => user.direct,
              allLabel: c.selectAll(conflict.displayName),
              rowLabel: (user) => c.selectRow(user.displayName),
            }
          : undefined
      }
    />
  );
}
