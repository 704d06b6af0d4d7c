import type { LicenseConflictReport } from "@allot/contracts";
import {
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

type Holder = LicenseConflictReport["users"][number];

const useStyles = makeStyles({
  table: { minWidth: "640px" },
  // Same width as Fluent's selection cell, so rows without a checkbox line up with those that have one.
  noSelection: { width: "44px", minWidth: "44px", padding: 0 },
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
  const { t, formatDate } = useI18n();
  const direct = conflict.users.filter((user) => user.direct);
  const selectedDirect = direct.filter((user) => selected.has(user.id)).length;
  const allState = selectedDirect === 0 ? false : selectedDirect === direct.length ? true : "mixed";
  const showSelection = selectable && direct.length > 0;

  const toggle = (user: Holder) => {
    const next = new Set(selected);
    if (next.has(user.id)) next.delete(user.id);
    else next.add(user.id);
    onSelectionChange(next);
  };
  const toggleAll = () => onSelectionChange(allState === true ? new Set() : new Set(direct.map((user) => user.id)));

  return (
    <Table aria-label={t.conflicts.holdersTitle(conflict.displayName)} className={styles.table} size="small">
      <TableHeader>
        <TableRow>
          {showSelection ? (
            <TableSelectionCell
              checked={allState}
              onClick={toggleAll}
              checkboxIndicator={{ "aria-label": t.conflicts.selectAll(conflict.displayName) }}
            />
          ) : null}
          <TableHeaderCell>{t.conflicts.columns.name}</TableHeaderCell>
          <TableHeaderCell>{t.conflicts.columns.email}</TableHeaderCell>
          <TableHeaderCell>{t.conflicts.columns.assigned}</TableHeaderCell>
          <TableHeaderCell>{t.conflicts.lastSignIn}</TableHeaderCell>
          <TableHeaderCell>{t.conflicts.columns.how}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {conflict.users.map((user) => (
          <TableRow key={user.id} aria-selected={user.direct && showSelection ? selected.has(user.id) : undefined}>
            {showSelection ? (
              user.direct ? (
                <TableSelectionCell
                  checked={selected.has(user.id)}
                  onClick={() => toggle(user)}
                  checkboxIndicator={{ "aria-label": t.conflicts.selectRow(user.displayName) }}
                />
              ) : (
                <TableCell className={styles.noSelection} />
              )
            ) : null}
            <TableCell>{user.displayName}</TableCell>
            <TableCell>
              <Text wrap={false}>{user.email}</Text>
            </TableCell>
            <TableCell>{formatDate(user.licensedAt)}</TableCell>
            <TableCell>
              {user.lastSignInAt ? (
                formatDate(user.lastSignInAt)
              ) : (
                <span className={styles.muted}>{t.conflicts.neverSignedIn}</span>
              )}
            </TableCell>
            <TableCell>
              {user.direct ? t.conflicts.direct : <span className={styles.muted}>{t.conflicts.throughGroup}</span>}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
