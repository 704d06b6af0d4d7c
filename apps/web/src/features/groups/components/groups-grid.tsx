import type { Group } from "@allot/contracts";
import {
  createTableColumn,
  Link,
  makeStyles,
  type TableColumnDefinition,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { useMemo } from "react";
import { ColumnGrid } from "@/components/column-grid";
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
    <ColumnGrid
      items={groups}
      columns={columns}
      getRowId={(group) => group.id}
      focusMode="composite"
      label={g.title}
      busy={busy}
      className={styles.grid}
    />
  );
}
