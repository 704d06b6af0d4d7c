import type { User } from "@allot/contracts";
import { makeStyles, tokens } from "@fluentui/react-components";
import { type DataColumn, DataTable } from "@/components/data-table";
import { type SelectedUser, type Selection, withoutUsers, withUsers } from "../lib/selection";
import { useCustomerLicensesTexts } from "../texts";

const useStyles = makeStyles({
  table: { minWidth: "760px" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export const selectedUserOf = (user: User): SelectedUser => ({
  id: user.id,
  displayName: user.displayName,
  email: user.email,
});

/**
 * One page of the customer's users with a checkbox each and one for the page. Ticking changes the customer's
 * selection, which also holds users of other pages and searches: only this page's rows are touched.
 */
export function UsersPageTable({
  users,
  selection,
  onSelectionChange,
}: {
  users: readonly User[];
  selection: Selection;
  onSelectionChange: (next: Selection) => void;
}) {
  const styles = useStyles();
  const u = useCustomerLicensesTexts().users;
  const columns: DataColumn<User>[] = [
    { id: "name", header: u.columns.name, cell: (user) => user.displayName },
    { id: "email", header: u.columns.email, cell: (user) => user.email },
    {
      id: "location",
      header: u.columns.location,
      cell: (user) => user.usageLocation ?? <span className={styles.muted}>{u.noLocation}</span>,
    },
    {
      id: "licenses",
      header: u.columns.licenses,
      cell: (user) =>
        user.licenses.length > 0 ? (
          user.licenses.map((license) => license.displayName).join(", ")
        ) : (
          <span className={styles.muted}>{u.noLicenses}</span>
        ),
    },
  ];
  const onPage = new Set(users.filter((user) => selection.has(user.id)).map((user) => user.id));
  return (
    <DataTable
      label={u.tableLabel}
      className={styles.table}
      columns={columns}
      rows={users}
      rowKey={(user) => user.id}
      selection={{
        selected: onPage,
        allLabel: u.selectPage,
        rowLabel: (user) => u.selectUser(user.displayName),
        onChange: (chosen) => {
          const added = users.filter((user) => chosen.has(user.id)).map(selectedUserOf);
          const removed = users.filter((user) => !chosen.has(user.id)).map((user) => user.id);
          onSelectionChange(withUsers(withoutUsers(selection, removed), added));
        },
      }}
    />
  );
}
