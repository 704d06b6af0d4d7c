import type { Group } from "@allot/contracts";
import {
  createTableColumn,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  Link,
  makeStyles,
  type TableColumnDefinition,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { useMemo } from "react";
import { useI18n } from "@/lib/i18n";

const useStyles = makeStyles({
  grid: { minWidth: "560px" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function GroupsGrid({
  groups,
  onOpen,
  busy,
}: {
  groups: readonly Group[];
  onOpen: (group: Group) => void;
  busy: boolean;
}) {
  const styles = useStyles();
  const { t, formatDate, formatNumber } = useI18n();
  const restoreFocusTarget = useRestoreFocusTarget();
  const columns = useMemo<TableColumnDefinition<Group>[]>(
    () => [
      createTableColumn<Group>({
        columnId: "displayName",
        renderHeaderCell: () => t.groups.columns.displayName,
        renderCell: (group) => (
          <Link
            as="button"
            onClick={() => onOpen(group)}
            aria-label={t.groups.openDetails(group.displayName)}
            {...restoreFocusTarget}
          >
            {group.displayName}
          </Link>
        ),
      }),
      createTableColumn<Group>({
        columnId: "description",
        renderHeaderCell: () => t.groups.columns.description,
        renderCell: (group) =>
          group.description ?? <span className={styles.muted}>{t.groups.details.noDescription}</span>,
      }),
      createTableColumn<Group>({
        columnId: "members",
        renderHeaderCell: () => t.groups.columns.members,
        renderCell: (group) => formatNumber(group.memberCount),
      }),
      createTableColumn<Group>({
        columnId: "createdAt",
        renderHeaderCell: () => t.groups.columns.createdAt,
        renderCell: (group) => formatDate(group.createdAt),
      }),
    ],
    [t, onOpen, formatDate, formatNumber, styles, restoreFocusTarget],
  );
  return (
    <DataGrid
      items={groups as Group[]}
      columns={columns}
      getRowId={(group: Group) => group.id}
      focusMode="composite"
      aria-label={t.groups.title}
      aria-busy={busy}
      className={styles.grid}
    >
      <DataGridHeader>
        <DataGridRow>
          {({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}
        </DataGridRow>
      </DataGridHeader>
      <DataGridBody<Group>>
        {({ item, rowId }) => (
          <DataGridRow<Group> key={rowId}>
            {({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}
          </DataGridRow>
        )}
      </DataGridBody>
    </DataGrid>
  );
}
