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
import { useLicensesTexts } from "../texts";

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
  const { formatDate } = useI18n();
  const lt = useLicensesTexts();
  const h = lt.holders;
  const columns = useMemo<TableColumnDefinition<User>[]>(
    () => [
      createTableColumn<User>({
        columnId: "name",
        renderHeaderCell: () => lt.holdersColumns.name,
        renderCell: (user) => <Text weight="semibold">{user.displayName}</Text>,
      }),
      createTableColumn<User>({
        columnId: "email",
        renderHeaderCell: () => lt.holdersColumns.email,
        renderCell: (user) => <Text wrap={false}>{user.email}</Text>,
      }),
      createTableColumn<User>({
        columnId: "type",
        renderHeaderCell: () => lt.holdersColumns.type,
        renderCell: (user) => lt.userType[user.userType],
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
    [lt, h, skuId, formatDate],
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
        <DataGridRow selectionCell={selectable ? { checkboxIndicator: { "aria-label": lt.selectAll } } : undefined}>
          {({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}
        </DataGridRow>
      </DataGridHeader>
      <DataGridBody<User>>
        {({ item, rowId }) => (
          <DataGridRow<User>
            key={rowId}
            selectionCell={
              selectable ? { checkboxIndicator: { "aria-label": lt.selectRow(item.displayName) } } : undefined
            }
          >
            {({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}
          </DataGridRow>
        )}
      </DataGridBody>
    </DataGrid>
  );
}
