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
import { useConflictsTexts } from "../texts";

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
  const { formatDate } = useI18n();
  const c = useConflictsTexts();
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
    <Table aria-label={c.holdersTitle(conflict.displayName)} className={styles.table} size="small">
      <TableHeader>
        <TableRow>
          {showSelection ? (
            <TableSelectionCell
              checked={allState}
              onClick={toggleAll}
              checkboxIndicator={{ "aria-label": c.selectAll(conflict.displayName) }}
            />
          ) : null}
          <TableHeaderCell>{c.columns.name}</TableHeaderCell>
          <TableHeaderCell>{c.columns.email}</TableHeaderCell>
          <TableHeaderCell>{c.columns.assigned}</TableHeaderCell>
          <TableHeaderCell>{c.lastSignIn}</TableHeaderCell>
          <TableHeaderCell>{c.columns.how}</TableHeaderCell>
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
                  checkboxIndicator={{ "aria-label": c.selectRow(user.displayName) }}
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
                <span className={styles.muted}>{c.neverSignedIn}</span>
              )}
            </TableCell>
            <TableCell>{user.direct ? c.direct : <span className={styles.muted}>{c.throughGroup}</span>}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
