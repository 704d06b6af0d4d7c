import { Link, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { errorMessage } from "@/lib/errors";
import { useI18n } from "@/lib/i18n";
import { useSelectAllMatching } from "../api/get-user-ids";
import type { UsersFilter } from "../api/keys";
import type { UserSelection } from "../hooks/use-user-selection";
import { useUsersTexts } from "../texts";
import { SelectionBar } from "./selection-bar";

const useStyles = makeStyles({ selectionBar: { marginBottom: tokens.spacingVerticalS } });

/**
 * What the selection holds beyond the rows in view: selected users the list hides, "every user that matches", or
 * every loaded row with more to load, which offers to select all users that match the filters.
 */
export function SelectionNotes({
  tenantId,
  filter,
  selection,
  loadedCount,
  hasMore,
}: {
  tenantId: string;
  filter: UsersFilter;
  selection: UserSelection;
  loadedCount: number;
  hasMore: boolean;
}) {
  const styles = useStyles();
  const { t, formatNumber } = useI18n();
  const u = useUsersTexts();
  const selectAll = useSelectAllMatching(tenantId);
  const { matching, hiddenCount, clear } = selection;
  return (
    <>
      {hiddenCount > 0 && !matching ? (
        <SelectionBar className={styles.selectionBar} onClear={clear}>
          {u.list.hiddenSelectedHint(hiddenCount, formatNumber(hiddenCount))}
        </SelectionBar>
      ) : null}
      {matching ? (
        <SelectionBar className={styles.selectionBar} onClear={clear}>
          {u.allMatchingSelected(matching.ids.size, formatNumber(matching.ids.size))}
          {matching.truncated ? ` ${u.matchingTruncated(formatNumber(matching.ids.size))}` : null}
        </SelectionBar>
      ) : selection.allLoadedSelected && hasMore ? (
        <SelectionBar className={styles.selectionBar} onClear={clear}>
          {u.allLoadedSelected(loadedCount, formatNumber(loadedCount))}{" "}
          <Link
            as="button"
            inline
            onClick={() => selectAll.mutate(filter, { onSuccess: selection.selectMatching })}
            disabled={selectAll.isPending}
          >
            {u.selectAllMatching}
          </Link>
          {selectAll.isPending ? <Spinner size="extra-tiny" label={u.selectingAllMatching} /> : null}
          {selectAll.isError ? ` ${errorMessage(selectAll.error, t)}` : null}
        </SelectionBar>
      ) : null}
    </>
  );
}
