import type { User } from "@allot/contracts";
import {
  createTableColumn,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  makeStyles,
  type TableColumnDefinition,
  type TableRowId,
  Text,
} from "@fluentui/react-components";
import { useMemo } from "react";
import { useI18n } from "@/lib/i18n";

const useStyles = makeStyles({ grid: { minWidth: "560px" } });

/** The users who hold a product, with checkboxes to pick some (to unassign) when the viewer may change licenses. */
export function HoldersGrid({
  skuId,
  users,
  selectable,
  selected,
  onSelectionChange,
  label,
  busy,
}: {
  /** The product the users hold: its assignment (direct, through a group) and date show per user. */
  skuId: string;
  users: readonly User[];
  selectable: boolean;
  selected: ReadonlySet<string>;
  onSelectionChange: (selected: Set<string>) => void;
  label: string;
  busy: boolean;
}) {
  const styles = useStyles();
  const { t, formatDate } = useI18n();
  const h = t.productHolders;
  const columns = useMemo<TableColumnDefinition<User>[]>(
    () => [
      createTableColumn<User>({
        columnId: "name",
        renderHeaderCell: () => t.licenses.holdersColumns.name,
        renderCell: (user) => <Text weight="semibold">{user.displayName}</Text>,
      }),
      createTableColumn<User>({
        columnId: "email",
        renderHeaderCell: () => t.licenses.holdersColumns.email,
        renderCell: (user) => <Text wrap={false}>{user.email}</Text>,
      }),
      createTableColumn<User>({
        columnId: "type",
        renderHeaderCell: () => t.licenses.holdersColumns.type,
        renderCell: (user) => t.licenses.userType[user.userType],
      }),
      createTableColumn<User>({
        columnId: "assignment",
        renderHeaderCell: () => h.assignment,
        renderCell: (user) => {
          const license = user.licenses.find((held) => held.skuId === skuId);
          if (!license) return null;
          return license.direct && license.inherited ? h.both : license.direct ? h.direct : h.inherited;
        },
      }),
      createTableColumn<User>({
        columnId: "assignedOn",
        renderHeaderCell: () => h.assignedOn,
        renderCell: (user) => {
          const license = user.licenses.find((held) => held.skuId === skuId);
          return license ? formatDate(license.assignedAt) : null;
        },
      }),
    ],
    [t, h, skuId, formatDate],
  );
  return (
    <DataGrid
      items={users as User[]}
      columns={columns}
      getRowId={(user: User) => user.id}
      selectionMode={selectable ? "multiselect" : undefined}
      selectedItems={selected as Set<TableRowId>}
      onSelectionChange={(_, data) => onSelectionChange(new Set([...data.selectedItems].map(String)))}
      aria-label={label}
      aria-busy={busy}
      className={styles.grid}
    >
      <DataGridHeader>
        <DataGridRow
          selectionCell={selectable ? { checkboxIndicator: { "aria-label": t.licenses.selectAll } } : undefined}
        >
          {({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}
        </DataGridRow>
      </DataGridHeader>
      <DataGridBody<User>>
        {({ item, rowId }) => (
          <DataGridRow<User>
            key={rowId}
            selectionCell={
              selectable ? { checkboxIndicator: { "aria-label": t.licenses.selectRow(item.displayName) } } : undefined
            }
          >
            {({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}
          </DataGridRow>
        )}
      </DataGridBody>
    </DataGrid>
  );
}
