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
import { useGroupsTexts } from "../texts";

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
  const { formatDate, formatNumber } = useI18n();
  const g = useGroupsTexts();
  const restoreFocusTarget = useRestoreFocusTarget();
  const columns = useMemo<TableColumnDefinition<Group>[]>(
    () => [
      createTableColumn<Group>({
        columnId: "displayName",
        renderHeaderCell: () => g.columns.displayName,
        renderCell: (group) => (
          <Link
            as="button"
            onClick={() => onOpen(group)}
            aria-label={g.openDetails(group.displayName)}
            {...restoreFocusTarget}
          >
            {group.displayName}
          </Link>
        ),
      }),
      createTableColumn<Group>({
        columnId: "description",
        renderHeaderCell: () => g.columns.description,
        renderCell: (group) => group.description ?? <span className={styles.muted}>{g.details.noDescription}</span>,
      }),
      createTableColumn<Group>({
        columnId: "members",
        renderHeaderCell: () => g.columns.members,
        renderCell: (group) => formatNumber(group.memberCount),
      }),
      createTableColumn<Group>({
        columnId: "createdAt",
        renderHeaderCell: () => g.columns.createdAt,
        renderCell: (group) => formatDate(group.createdAt),
      }),
    ],
    [g, onOpen, formatDate, formatNumber, styles, restoreFocusTarget],
  );
  return (
    <DataGrid
      items={groups as Group[]}
      columns={columns}
      getRowId={(group: Group) => group.id}
      focusMode="composite"
      aria-label={g.title}
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
