import type { User } from "@allot/contracts";
import { restoreDeadline } from "@allot/domain";
import {
  Button,
  createTableColumn,
  DataGrid,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  Link,
  makeStyles,
  Spinner,
  TableBody,
  type TableColumnDefinition,
  type TableRowId,
  Text,
  Tooltip,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { ArrowUndoRegular } from "@fluentui/react-icons";
import { defaultRangeExtractor, type Range, useVirtualizer } from "@tanstack/react-virtual";
import { type FocusEvent, type MouseEvent, useCallback, useEffect, useMemo, useRef } from "react";
import { useI18n } from "@/lib/i18n";
import type { UsersView } from "../lib/users-url-filter";
import { useUsersTexts } from "../texts";
import { UserBadges } from "./user-badges";
import { UsersGridRow } from "./users-grid-row";

/** A row with a name and no badge; rows with badges are measured as they render. */
const ROW_HEIGHT = 45;
/** Rows rendered beyond the visible ones in each direction, so fast scrolling and arrow keys find rows ready. */
const OVERSCAN = 10;
/** Ask for the next page while this many loaded rows are still below the visible ones. */
const PREFETCH_ROWS = 25;

const useStyles = makeStyles({
  nameCell: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
  // Product names on one line, cut short with an ellipsis; the tooltip (and screen readers) get all of them.
  products: {
    display: "block",
    maxWidth: "260px",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  scroller: {
    // The list scrolls inside its own box (header stays on top) so only the rows in view exist in the page.
    overflow: "auto",
    maxHeight: "max(360px, calc(100vh - 340px))",
    scrollPaddingTop: "48px",
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
  },
  grid: { minWidth: "640px" },
  header: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

/** One function for the grid's life: a new one would make the grid re-index every loaded user on each render. */
const getRowId = (user: User) => user.id;

/**
 * The users list as a grid whose rows exist in the page only while they are in view (plus a margin), so it stays
 * fast with any number of loaded users. Screen readers still hear each row's place (aria-rowindex) and the total
 * when it is known (aria-rowcount); scrolling near the end asks for the next page.
 */
export function UsersGrid({
  users,
  view,
  label,
  selectable,
  selected,
  onSelectionChange,
  onOpen,
  canRestore,
  restoringId,
  onRestore,
  busy,
  hasMore,
  loadingMore,
  onLoadMore,
  resetKey,
}: {
  users: readonly User[];
  view: UsersView;
  /** The grid's accessible name (the view's title). */
  label: string;
  selectable: boolean;
  selected: ReadonlySet<string>;
  onSelectionChange: (selected: Set<string>) => void;
  onOpen: (user: User) => void;
  canRestore: boolean;
  restoringId: string | null;
  onRestore: (user: User) => void;
  busy: boolean;
  /** More users match than are loaded. */
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  /** Changes when the list is a different one (filters): the grid scrolls back to the top. */
  resetKey: string;
}) {
  const styles = useStyles();
  const { t, formatDate, formatDateTime } = useI18n();
  const u = useUsersTexts();
  // The hook returns a new (equal) object each render; kept from the first so the columns stay the same ones.
  const restoreFocusTarget = useRef(useRestoreFocusTarget()).current;
  const scrollRef = useRef<HTMLDivElement>(null);
  const focusedIndex = useRef<number | null>(null);

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
            aria-label={u.openDetails(user.displayName)}
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
          renderHeaderCell: () => u.columns.deletedAt,
          renderCell: (user) => (user.deletedAt ? formatDate(user.deletedAt) : ""),
        }),
        createTableColumn<User>({
          columnId: "restoreUntil",
          renderHeaderCell: () => u.columns.restoreUntil,
          renderCell: (user) =>
            user.deletedAt ? formatDate(restoreDeadline(new Date(user.deletedAt)).toISOString()) : "",
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
                    aria-label={u.restoreUser(user.displayName)}
                    onClick={(event: MouseEvent<HTMLButtonElement>) => {
                      event.stopPropagation();
                      onRestore(user);
                    }}
                  >
                    {restoringId === user.id ? u.restoring : u.restore}
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
        renderHeaderCell: () => u.columns.licenses,
        renderCell: (user) => {
          if (user.licenses.length === 0) return <span className={styles.muted}>{u.licenseCount(0)}</span>;
          const names = user.licenses.map((license) => license.displayName).join(", ");
          return (
            <Tooltip content={names} relationship="inaccessible" withArrow>
              <span className={styles.products}>{names}</span>
            </Tooltip>
          );
        },
      }),
      createTableColumn<User>({
        columnId: "lastSignIn",
        renderHeaderCell: () => u.columns.lastSignIn,
        renderCell: (user) => (user.lastSignInAt ? formatDateTime(user.lastSignInAt) : t.common.never),
      }),
    ];
  }, [t, u, view, canRestore, restoringId, onOpen, onRestore, formatDate, formatDateTime, styles, restoreFocusTarget]);

  // The row holding focus stays rendered when it scrolls out of view, so keyboard focus is never lost.
  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    const focused = focusedIndex.current;
    if (focused === null || focused >= range.count || indexes.includes(focused)) return indexes;
    return [...indexes, focused].sort((a, b) => a - b);
  }, []);

  // Stable while the users are: a new key function makes the virtualizer re-measure every loaded row each frame.
  const getItemKey = useCallback((index: number) => users[index]?.id ?? index, [users]);
  const virtualizer = useVirtualizer({
    count: users.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    getItemKey,
    rangeExtractor,
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0];
  const last = rows[rows.length - 1];
  const paddingTop = first ? first.start : 0;
  const paddingBottom = last ? Math.max(0, virtualizer.getTotalSize() - last.end) : 0;

  // Near the end of what is loaded, fetch the next page.
  const lastIndex = last?.index ?? -1;
  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= users.length - 1 - PREFETCH_ROWS) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, users.length, onLoadMore]);

  // Another list (filters changed): start at its top.
  const shownKey = useRef(resetKey);
  useEffect(() => {
    if (shownKey.current === resetKey) return;
    shownKey.current = resetKey;
    focusedIndex.current = null;
    scrollRef.current?.scrollTo({ top: 0 });
  });

  const onFocus = (event: FocusEvent<HTMLElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>("[data-index]");
    focusedIndex.current = row ? Number(row.dataset.index) : null;
  };
  const onBlur = (event: FocusEvent<HTMLElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) focusedIndex.current = null;
  };

  return (
    <div ref={scrollRef} className={styles.scroller}>
      <DataGrid
        items={users as User[]}
        columns={columns}
        getRowId={getRowId}
        selectionMode={selectable ? "multiselect" : undefined}
        selectedItems={selected as Set<TableRowId>}
        onSelectionChange={(_, data) => onSelectionChange(new Set([...data.selectedItems].map(String)))}
        focusMode="composite"
        aria-label={label}
        aria-busy={busy}
        // The header row plus every user; -1 says "unknown" while more pages can come.
        aria-rowcount={hasMore ? -1 : users.length + 1}
        className={styles.grid}
        onFocus={onFocus}
        onBlur={onBlur}
      >
        <DataGridHeader className={styles.header}>
          <DataGridRow
            aria-rowindex={1}
            selectionCell={selectable ? { checkboxIndicator: { "aria-label": u.selectAll } } : undefined}
          >
            {({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}
          </DataGridRow>
        </DataGridHeader>
        <TableBody style={{ paddingTop, paddingBottom }}>
          {rows.map((row) => {
            const user = users[row.index];
            if (!user) return null;
            return (
              <UsersGridRow
                key={user.id}
                user={user}
                index={row.index}
                selectLabel={selectable ? u.selectRow(user.displayName) : undefined}
                measure={virtualizer.measureElement}
              />
            );
          })}
        </TableBody>
      </DataGrid>
    </div>
  );
}
