import type { User } from "@allot/contracts";
import {
  Button,
  createTableColumn,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  Link,
  makeStyles,
  Spinner,
  type TableColumnDefinition,
  type TableRowId,
  Text,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { ArrowUndoRegular } from "@fluentui/react-icons";
import { type MouseEvent, useMemo } from "react";
import { useI18n } from "@/lib/i18n";
import { UserBadges } from "./user-badges";

const RESTORE_WINDOW_DAYS = 30;

const useStyles = makeStyles({
  nameCell: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
  grid: { minWidth: "640px" },
});

export type UsersView = "active" | "deleted";

export function restoreDeadline(deletedAt: string): string {
  return new Date(new Date(deletedAt).getTime() + RESTORE_WINDOW_DAYS * 24 * 3600_000).toISOString();
}

export function UsersGrid({
  users,
  view,
  selectable,
  selected,
  onSelectionChange,
  onOpen,
  canRestore,
  restoringId,
  onRestore,
  busy,
}: {
  users: readonly User[];
  view: UsersView;
  selectable: boolean;
  selected: ReadonlySet<string>;
  onSelectionChange: (selected: Set<string>) => void;
  onOpen: (user: User) => void;
  canRestore: boolean;
  restoringId: string | null;
  onRestore: (user: User) => void;
  busy: boolean;
}) {
  const styles = useStyles();
  const { t, formatDate, formatDateTime } = useI18n();
  const restoreFocusTarget = useRestoreFocusTarget();

  const columns = useMemo<TableColumnDefinition<User>[]>(() => {
    const name = createTableColumn<User>({
      columnId: "displayName",
      renderHeaderCell: () => t.users.columns.displayName,
      renderCell: (user) => (
        <span className={styles.nameCell}>
          <Link
            as="button"
            onClick={(event: MouseEvent<HTMLButtonElement>) => {
              event.stopPropagation();
              onOpen(user);
            }}
            aria-label={t.users.openDetails(user.displayName)}
            {...restoreFocusTarget}
          >
            {user.displayName}
          </Link>
          <UserBadges user={user} />
        </span>
      ),
    });
    const email = createTableColumn<User>({
      columnId: "email",
      renderHeaderCell: () => t.users.columns.email,
      renderCell: (user) => <Text wrap={false}>{user.email}</Text>,
    });
    if (view === "deleted") {
      return [
        name,
        email,
        createTableColumn<User>({
          columnId: "deletedAt",
          renderHeaderCell: () => t.users.columns.deletedAt,
          renderCell: (user) => (user.deletedAt ? formatDate(user.deletedAt) : ""),
        }),
        createTableColumn<User>({
          columnId: "restoreUntil",
          renderHeaderCell: () => t.users.columns.restoreUntil,
          renderCell: (user) => (user.deletedAt ? formatDate(restoreDeadline(user.deletedAt)) : ""),
        }),
        ...(canRestore
          ? [
              createTableColumn<User>({
                columnId: "actions",
                renderHeaderCell: () => t.users.columns.actions,
                renderCell: (user) => (
                  <Button
                    size="small"
                    icon={restoringId === user.id ? <Spinner size="tiny" /> : <ArrowUndoRegular />}
                    disabledFocusable={restoringId !== null}
                    aria-label={t.users.restoreUser(user.displayName)}
                    onClick={(event: MouseEvent<HTMLButtonElement>) => {
                      event.stopPropagation();
                      onRestore(user);
                    }}
                  >
                    {restoringId === user.id ? t.users.restoring : t.users.restore}
                  </Button>
                ),
              }),
            ]
          : []),
      ];
    }
    return [
      name,
      email,
      createTableColumn<User>({
        columnId: "licenses",
        renderHeaderCell: () => t.users.columns.licenses,
        renderCell: (user) => (
          <span className={user.licenseCount === 0 ? styles.muted : undefined}>
            {t.users.licenseCount(user.licenseCount)}
          </span>
        ),
      }),
      createTableColumn<User>({
        columnId: "lastSignIn",
        renderHeaderCell: () => t.users.columns.lastSignIn,
        renderCell: (user) => (user.lastSignInAt ? formatDateTime(user.lastSignInAt) : t.common.never),
      }),
    ];
  }, [t, view, canRestore, restoringId, onOpen, onRestore, formatDate, formatDateTime, styles, restoreFocusTarget]);

  return (
    <DataGrid
      items={users as User[]}
      columns={columns}
      getRowId={(user: User) => user.id}
      selectionMode={selectable ? "multiselect" : undefined}
      selectedItems={selected as Set<TableRowId>}
      onSelectionChange={(_, data) => onSelectionChange(new Set([...data.selectedItems].map(String)))}
      focusMode="composite"
      aria-label={view === "deleted" ? t.users.deletedTitle : t.users.title}
      aria-busy={busy}
      className={styles.grid}
    >
      <DataGridHeader>
        <DataGridRow
          selectionCell={selectable ? { checkboxIndicator: { "aria-label": t.users.selectAll } } : undefined}
        >
          {({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}
        </DataGridRow>
      </DataGridHeader>
      <DataGridBody<User>>
        {({ item, rowId }) => (
          <DataGridRow<User>
            key={rowId}
            selectionCell={
              selectable ? { checkboxIndicator: { "aria-label": t.users.selectRow(item.displayName) } } : undefined
            }
          >
            {({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}
          </DataGridRow>
        )}
      </DataGridBody>
    </DataGrid>
  );
}
