import type { User } from "@allot/contracts";
import { createTableColumn, makeStyles, type TableColumnDefinition, Text } from "@fluentui/react-components";
import { useMemo } from "react";
import { ColumnGrid } from "@/components/column-grid";
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
    <ColumnGrid
      items={users}
      columns={columns}
      getRowId={(user) => user.id}
      label={label}
      busy={busy}
      className={styles.grid}
      selection={
        selectable
          ? {
              selected,
              onChange: onSelectionChange,
              allLabel: lt.selectAll,
              rowLabel: (user) => lt.selectRow(user.displayName),
            }
          : undefined
      }
    />
  );
}
