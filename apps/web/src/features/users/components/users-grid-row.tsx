import type { User } from "@allot/contracts";
import {
  DataGridCell,
  DataGridRow,
  type TableColumnDefinition,
  TableRowIdContextProvider,
} from "@fluentui/react-components";
import { memo } from "react";

/**
 * One user's row. Memoized so that scrolling (which re-renders the grid each frame) and a new page leave the rows
 * already shown alone; DataGridRow reads its selection and columns from the grid's context, so a row still updates
 * when its own checkbox or the columns change.
 */
export const UsersGridRow = memo(function UsersGridRow({
  user,
  index,
  selectLabel,
  measure,
}: {
  user: User;
  index: number;
  /** The row checkbox's name; none when the list is not selectable. */
  selectLabel: string | undefined;
  measure: (element: HTMLElement | null) => void;
}) {
  return (
    <TableRowIdContextProvider value={user.id}>
      <DataGridRow
        ref={measure}
        data-index={index}
        aria-rowindex={index + 2}
        selectionCell={selectLabel === undefined ? undefined : { checkboxIndicator: { "aria-label": selectLabel } }}
      >
        {({ renderCell }: TableColumnDefinition<User>) => <DataGridCell>{renderCell(user)}</DataGridCell>}
      </DataGridRow>
    </TableRowIdContextProvider>
  );
});
