import {
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  type DataGridProps,
  DataGridRow,
  type TableColumnDefinition,
  type TableColumnId,
  type TableRowId,
} from "@fluentui/react-components";

/** Checkboxes to choose rows with: the header's takes every row shown. */
export interface ColumnGridSelection<Item> {
  selected: ReadonlySet<string>;
  onChange: (selected: Set<string>) => void;
  /** The header checkbox's name, e.g. "Select all users". */
  allLabel: string;
  /** A row checkbox's name, e.g. "Select Megan Bowen". */
  rowLabel: (item: Item) => string;
}

interface ColumnGridProps<Item> extends Pick<DataGridProps, "sortable" | "defaultSortState" | "focusMode"> {
  items: readonly Item[];
  columns: TableColumnDefinition<Item>[];
  getRowId: (item: Item) => string;
  /** What the grid lists, for screen readers. */
  label: string;
  /** While a newer list loads, for screen readers. */
  busy?: boolean;
  className?: string;
  selection?: ColumnGridSelection<Item> | undefined;
  /** A class per column, for both its header and its cells (its width). */
  columnClassName?: (columnId: TableColumnId) => string | undefined;
}

/**
 * Fluent's DataGrid with its header row and body written once: keyboard navigation between cells, optional sorting and
 * row checkboxes. For a plain list of rows, `DataTable` is simpler.
 */
export function ColumnGrid<Item>({
  items,
  columns,
  getRowId,
  label,
  busy,
  className,
  selection,
  columnClassName,
  sortable,
  defaultSortState,
  focusMode,
}: ColumnGridProps<Item>) {
  return (
    <DataGrid
      items={items as Item[]}
      columns={columns}
      getRowId={getRowId}
      sortable={sortable}
      defaultSortState={defaultSortState}
      focusMode={focusMode}
      selectionMode={selection ? "multiselect" : undefined}
      selectedItems={selection?.selected as Set<TableRowId> | undefined}
      onSelectionChange={
        selection ? (_, data) => selection.onChange(new Set([...data.selectedItems].map(String))) : undefined
      }
      aria-label={label}
      aria-busy={busy}
      className={className}
    >
      <DataGridHeader>
        <DataGridRow
          selectionCell={selection ? { checkboxIndicator: { "aria-label": selection.allLabel } } : undefined}
        >
          {({ renderHeaderCell, columnId }) => (
            <DataGridHeaderCell className={columnClassName?.(columnId)}>{renderHeaderCell()}</DataGridHeaderCell>
          )}
        </DataGridRow>
      </DataGridHeader>
      <DataGridBody<Item>>
        {({ item, rowId }) => (
          <DataGridRow<Item>
            key={rowId}
            selectionCell={selection ? { checkboxIndicator: { "aria-label": selection.rowLabel(item) } } : undefined}
          >
            {({ renderCell, columnId }) => (
              <DataGridCell className={columnClassName?.(columnId)}>{renderCell(item)}</DataGridCell>
            )}
          </DataGridRow>
        )}
      </DataGridBody>
    </DataGrid>
  );
}
