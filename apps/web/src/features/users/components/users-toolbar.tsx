import type { CsvDelimiter } from "@allot/contracts";
import {
  makeStyles,
  Spinner,
  Toolbar,
  ToolbarButton,
  Tooltip,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import {
  ArrowClockwiseRegular,
  DeleteRegular,
  KeyMultipleRegular,
  PeopleAddRegular,
  PersonAddRegular,
} from "@fluentui/react-icons";
import { CsvExportButton } from "@/components/csv-export-button";
import { GatedButton } from "@/components/gated-button";
import { useI18n } from "@/lib/i18n";
import { useDirectoryTexts, useUsersTexts } from "../texts";

const useStyles = makeStyles({
  commands: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalS,
  },
  toolbar: { marginInlineStart: `calc(-1 * ${tokens.spacingHorizontalS})`, flexWrap: "wrap" },
});

/** The users list's commands: add a user, add multiple users from a file, manage licenses and delete for the selection, refresh, export. */
export function UsersToolbar({
  live,
  canManage,
  selectedCount,
  deletable,
  refreshing,
  fetching,
  onAdd,
  onAddMultiple,
  onManageLicenses,
  onDelete,
  onRefresh,
  exportHref,
}: {
  /** Active users or guests (not deleted users). */
  live: boolean;
  canManage: boolean;
  selectedCount: number;
  /** Every selected user was seen in a list, so the delete dialog can name them. */
  deletable: boolean;
  refreshing: boolean;
  fetching: boolean;
  onAdd: () => void;
  /** Opens Add multiple users (a page of its own). */
  onAddMultiple: () => void;
  onManageLicenses: () => void;
  onDelete: () => void;
  onRefresh: () => void;
  /** Where "Export users" downloads the list as shown, in a CSV format. */
  exportHref: (delimiter: CsvDelimiter) => string | undefined;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const u = useUsersTexts();
  const d = useDirectoryTexts();
  // Dialogs and panels give focus back to the button that opened them.
  const restoreFocusTarget = useRestoreFocusTarget();
  return (
    <div className={styles.commands}>
      <Toolbar aria-label={t.users.columns.actions} className={styles.toolbar}>
        {canManage && live ? (
          <ToolbarButton icon={<PersonAddRegular />} onClick={onAdd} {...restoreFocusTarget}>
            {u.addUser}
          </ToolbarButton>
        ) : null}
        {canManage && live ? (
          <ToolbarButton icon={<PeopleAddRegular />} onClick={onAddMultiple}>
            {u.addMultipleUsers}
          </ToolbarButton>
        ) : null}
        {live ? (
          <GatedButton
            action="licenses.assign"
            appearance="subtle"
            icon={<KeyMultipleRegular />}
            disabledFocusable={selectedCount === 0}
            onClick={onManageLicenses}
            {...restoreFocusTarget}
          >
            {u.manageLicenses.title}
          </GatedButton>
        ) : null}
        {canManage && live && selectedCount > 0 ? (
          deletable ? (
            <ToolbarButton icon={<DeleteRegular />} onClick={onDelete} {...restoreFocusTarget}>
              {u.deleteUsers(selectedCount)}
            </ToolbarButton>
          ) : (
            <Tooltip content={u.deleteNeedsLoaded} relationship="description" withArrow>
              <ToolbarButton icon={<DeleteRegular />} disabledFocusable>
                {u.deleteUsers(selectedCount)}
              </ToolbarButton>
            </Tooltip>
          )
        ) : null}
        <ToolbarButton
          icon={refreshing ? <Spinner size="tiny" /> : <ArrowClockwiseRegular />}
          onClick={onRefresh}
          disabledFocusable={fetching}
        >
          {t.common.refresh}
        </ToolbarButton>
        <CsvExportButton label={d.exportUsers} hrefFor={exportHref} />
      </Toolbar>
    </div>
  );
}
