import type { User } from "@allot/contracts";
import { isAdminRole } from "@allot/domain";
import {
  Avatar,
  makeStyles,
  Spinner,
  Tab,
  TabList,
  Text,
  Toolbar,
  ToolbarButton,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { ArrowUndoRegular, DeleteRegular, EditRegular, KeyResetRegular } from "@fluentui/react-icons";
import { useId, useState } from "react";
import { DetailsDrawer } from "@/components/details-drawer";
import { ErrorMessage } from "@/components/error-message";
import { useNotify } from "@/components/notify";
import { useMe } from "@/lib/auth";
import { useI18n } from "@/lib/i18n";
import { useTenant } from "@/lib/tenant";
import { useUser } from "../api/get-user";
import { useRestoreUser } from "../api/restore-user";
import { useUsersTexts } from "../texts";
import { DeleteUsersDialog } from "./delete-users-dialog";
import { ResetPasswordDialog } from "./reset-password-dialog";
import { UserAccountSections } from "./user-account-sections";
import { UserBadges } from "./user-badges";
import { UserLicensesTab } from "./user-licenses-tab";

const useStyles = makeStyles({
  identity: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalM,
  },
  identityText: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  email: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  toolbar: { marginInline: `calc(-1 * ${tokens.spacingHorizontalS})`, flexWrap: "wrap" },
  muted: { color: tokens.colorNeutralForeground3 },
  tabs: { marginInline: `calc(-1 * ${tokens.spacingHorizontalM})`, marginBottom: tokens.spacingVerticalXS },
});

/** The panel that opens from the users list: profile, roles, groups, and what the current roles allow on it. */
export function UserDetailsDrawer({
  userId,
  initial,
  onClose,
  onDeleted,
}: {
  userId: string | null;
  initial: User | undefined;
  onClose: () => void;
  onDeleted: (userIds: string[]) => void;
}) {
  const u = useUsersTexts();
  const { tenant } = useTenant();
  const query = useUser(tenant.id, userId, initial);
  const user = query.data;

  return (
    <DetailsDrawer
      open={userId !== null}
      title={user ? user.displayName : null}
      query={query}
      loadErrorTitle={u.details.loadError}
      onClose={onClose}
    >
      {(loaded) => <UserDetails key={loaded.id} user={loaded} onClose={onClose} onDeleted={onDeleted} />}
    </DetailsDrawer>
  );
}

function UserDetails({
  user,
  onClose,
  onDeleted,
}: {
  user: User;
  onClose: () => void;
  onDeleted: (userIds: string[]) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const u = useUsersTexts();
  const context = useTenant();
  const notify = useNotify();
  const { data: me } = useMe();
  const restoreFocusTarget = useRestoreFocusTarget();
  const [mode, setMode] = useState<"view" | "edit">("view");
  const [dialog, setDialog] = useState<"reset" | "delete" | null>(null);
  const [tab, setTab] = useState<"account" | "licenses">("account");
  const tabsId = useId();
  const restore = useRestoreUser(context.tenant.id);

  const deleted = user.deletedAt !== null;
  const canManage = context.can("users.manage");
  const targetIsAdmin = user.roles.some(isAdminRole);
  const canReset = !deleted && context.canResetPassword(targetIsAdmin);
  const isSelf = user.id === me?.user.id;

  const account = <UserAccountSections user={user} editing={mode === "edit"} onEditDone={() => setMode("view")} />;

  return (
    <>
      <div className={styles.identity}>
        <Avatar name={user.displayName} size={64} color="colorful" aria-hidden="true" />
        <div className={styles.identityText}>
          <Text className={styles.email}>{user.email}</Text>
          <UserBadges user={user} />
          {isSelf ? (
            <Text size={200} className={styles.muted}>
              {u.details.self}
            </Text>
          ) : null}
        </div>
      </div>

      {mode === "view" && (canManage || canReset) ? (
        <Toolbar aria-label={t.users.columns.actions} className={styles.toolbar}>
          {canManage && !deleted ? (
            <ToolbarButton
              icon={<EditRegular />}
              onClick={() => {
                setTab("account");
                setMode("edit");
              }}
            >
              {u.details.editProfile}
            </ToolbarButton>
          ) : null}
          {canReset ? (
            <ToolbarButton icon={<KeyResetRegular />} onClick={() => setDialog("reset")} {...restoreFocusTarget}>
              {u.details.resetPassword}
            </ToolbarButton>
          ) : null}
          {canManage && !deleted && !isSelf ? (
            <ToolbarButton icon={<DeleteRegular />} onClick={() => setDialog("delete")} {...restoreFocusTarget}>
              {u.details.deleteUser}
            </ToolbarButton>
          ) : null}
          {canManage && deleted ? (
            <ToolbarButton
              icon={restore.isPending ? <Spinner size="tiny" /> : <ArrowUndoRegular />}
              disabledFocusable={restore.isPending}
              onClick={() =>
                restore.mutate(user.id, {
                  onSuccess: (restored) => {
                    notify(
                      restored.licensesNotRestored.length > 0
                        ? u.restoredWithoutLicenses(restored.displayName, restored.licensesNotRestored.length)
                        : u.restored(restored.displayName),
                      restored.licensesNotRestored.length > 0 ? "warning" : "success",
                    );
                    onClose();
                  },
                })
              }
            >
              {restore.isPending ? u.restoring : u.restore}
            </ToolbarButton>
          ) : null}
        </Toolbar>
      ) : null}
      {restore.isError ? <ErrorMessage error={restore.error} /> : null}

      {deleted ? (
        account
      ) : (
        <>
          <TabList
            className={styles.tabs}
            selectedValue={tab}
            onTabSelect={(_, data) => setTab(data.value === "licenses" ? "licenses" : "account")}
            aria-label={u.userLicenses.tabsLabel}
          >
            <Tab value="account" id={`${tabsId}-account`} aria-controls={`${tabsId}-panel`}>
              {u.userLicenses.accountTab}
            </Tab>
            <Tab value="licenses" id={`${tabsId}-licenses`} aria-controls={`${tabsId}-panel`}>
              {u.userLicenses.title}
            </Tab>
          </TabList>
          <div id={`${tabsId}-panel`} role="tabpanel" aria-labelledby={`${tabsId}-${tab}`}>
            {tab === "licenses" ? <UserLicensesTab user={user} /> : account}
          </div>
        </>
      )}
      {canReset ? (
        <ResetPasswordDialog
          tenantId={context.tenant.id}
          user={user}
          open={dialog === "reset"}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {canManage ? (
        <DeleteUsersDialog
          tenantId={context.tenant.id}
          users={[user]}
          open={dialog === "delete"}
          onClose={() => setDialog(null)}
          onDeleted={(ids) => {
            onDeleted(ids);
            onClose();
          }}
        />
      ) : null}
    </>
  );
}
