import { Button, makeStyles, Tooltip } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { type DataColumn, DataTable } from "@/components/data-table";
import type { SelectedUser } from "../lib/selection";
import { useCustomerLicensesTexts } from "../texts";

const useStyles = makeStyles({ table: { minWidth: "560px" }, action: { width: "56px" } });

/** The selected users only, by name, each with a button to drop them from the selection. */
export function SelectedUsersTable({
  users,
  onDrop,
}: {
  users: readonly SelectedUser[];
  onDrop: (user: SelectedUser) => void;
}) {
  const styles = useStyles();
  const u = useCustomerLicensesTexts().users;
  const columns: DataColumn<SelectedUser>[] = [
    { id: "name", header: u.columns.name, cell: (user) => user.displayName },
    { id: "email", header: u.columns.email, cell: (user) => user.email },
    {
      id: "drop",
      header: "",
      headerCellClassName: styles.action,
      cell: (user) => (
        <Tooltip content={u.drop(user.displayName)} relationship="label">
          <Button appearance="subtle" icon={<DismissRegular />} onClick={() => onDrop(user)} />
        </Tooltip>
      ),
    },
  ];
  return (
    <DataTable
      label={u.selectedUsers(users.length)}
      className={styles.table}
      columns={columns}
      rows={users}
      rowKey={(user) => user.id}
    />
  );
}
