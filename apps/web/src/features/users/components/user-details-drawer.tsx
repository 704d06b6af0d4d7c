import type { User } from "@allot/contracts";
import { isAdminRole } from "@allot/domain";
import {
  Avatar,
  Badge,
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
import { type ReactNode, useId, useState } from "react";
import { DetailsDrawer } from "@/components/details-drawer";
import { ErrorMessage } from "@/components/error-message";
import { useNotify } from "@/components/notify";
import { useMe } from "@/lib/auth";
import { useI18n } from "@/lib/i18n";
import { useTenant } from "@/lib/tenant";
import { useUser } from "../api/get-user";
import { useUserGroups } from "../api/get-user-groups";
import { useRestoreUser } from "../api/restore-user";
import { DeleteUsersDialog } from "./delete-users-dialog";
import { EditUserForm } from "./edit-user-form";
import { ResetPasswordDialog } from "./reset-password-dialog";
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
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0 },
  facts: {
    display: "grid",
    gridTemplateColumns: "minmax(120px, auto) 1fr",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: "anywhere" },
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  muted: { color: tokens.colorNeutralForeground3 },
  tabs: { marginInline: `calc(-1 * ${tokens.spacingHorizontalM})`, marginBottom: tokens.spacingVerticalXS },
});

function Section({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label={title}>
      <Text as="h3" weight="semibold" size={400} className={styles.heading}>
        {title}
      </Text>
      {children}
    </section>
  );
}

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
  const { t } = useI18n();
  const { tenant } = useTenant();
  const query = useUser(tenant.id, userId, initial);
  const user = query.data;

  return (
    <DetailsDrawer
      open={userId !== null}
      title={user ? user.displayName : null}
      query={query}
      loadErrorTitle={t.users.details.loadError}
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
  const { t, formatDateTime, countryName } = useI18n();
  const context = useTenant();
  const notify = useNotify();
  const { data: me } = useMe();
  const restoreFocusTarget = useRestoreFocusTarget();
  const [mode, setMode] = useState<"view" | "edit">("view");
  const [dialog, setDialog] = useState<"reset" | "delete" | null>(null);
  const [tab, setTab] = useState<"account" | "licenses">("account");
  const tabsId = useId();
  const groups = useUserGroups(context.tenant.id, user.id, user.deletedAt === null);
  const restore = useRestoreUser(context.tenant.id);

  const deleted = user.deletedAt !== null;
  const canManage = context.can("users.manage");
  const targetIsAdmin = user.roles.some(isAdminRole);
  const canReset = !deleted && context.canResetPassword(targetIsAdmin);
  const isSelf = user.id === me?.user.id;

  const account =
    mode === "edit" ? (
      <Section title={t.users.edit.title}>
        <EditUserForm tenantId={context.tenant.id} user={user} onDone={() => setMode("view")} />
      </Section>
    ) : (
      <>
        <Section title={t.users.details.profile}>
          <dl className={styles.facts}>
            <dt className={styles.term}>{t.users.details.email}</dt>
            <dd className={styles.value}>{user.email}</dd>
            <dt className={styles.term}>{t.users.details.userType}</dt>
            <dd className={styles.value}>{user.userType === "guest" ? t.users.guest : t.users.member}</dd>
            <dt className={styles.term}>{t.users.details.usageLocation}</dt>
            <dd className={styles.value}>{user.usageLocation ? countryName(user.usageLocation) : t.common.notSet}</dd>
            <dt className={styles.term}>{t.users.columns.status}</dt>
            <dd className={styles.value}>{user.accountEnabled ? t.users.signInAllowed : t.users.signInBlocked}</dd>
            <dt className={styles.term}>{t.users.details.licenses}</dt>
            <dd className={styles.value}>{t.users.licenseCount(user.licenseCount)}</dd>
            <dt className={styles.term}>{t.users.details.createdAt}</dt>
            <dd className={styles.value}>{formatDateTime(user.createdAt)}</dd>
            <dt className={styles.term}>{t.users.details.lastSignIn}</dt>
            <dd className={styles.value}>{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : t.common.never}</dd>
            {user.deletedAt ? (
              <>
                <dt className={styles.term}>{t.users.columns.deletedAt}</dt>
                <dd className={styles.value}>{formatDateTime(user.deletedAt)}</dd>
              </>
            ) : null}
          </dl>
        </Section>
        <Section title={t.users.details.roles}>
          {user.roles.some(isAdminRole) ? (
            <div className={styles.badges}>
              {user.roles.filter(isAdminRole).map((role) => (
                <Badge key={role} appearance="tint" color="brand">
                  {t.roles[role]}
                </Badge>
              ))}
            </div>
          ) : (
            <Text className={styles.muted}>{t.users.noRoles}</Text>
          )}
        </Section>
        {!deleted ? (
          <Section title={t.users.details.groups}>
            {groups.isPending ? (
              <Spinner size="tiny" label={t.users.details.groupsLoading} labelPosition="after" />
            ) : groups.isError ? (
              <ErrorMessage error={groups.error} onRetry={() => groups.refetch()} />
            ) : groups.data.length === 0 ? (
              <Text className={styles.muted}>{t.users.details.noGroups}</Text>
            ) : (
              <ul className={styles.list}>
                {groups.data.map((group) => (
                  <li key={group.id}>
                    {group.displayName}
                    {group.description ? (
                      <Text size={200} className={styles.muted} block>
                        {group.description}
                      </Text>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </Section>
        ) : null}
      </>
    );

  return (
    <>
      <div className={styles.identity}>
        <Avatar name={user.displayName} size={64} color="colorful" aria-hidden="true" />
        <div className={styles.identityText}>
          <Text className={styles.email}>{user.email}</Text>
          <UserBadges user={user} />
          {isSelf ? (
            <Text size={200} className={styles.muted}>
              {t.users.details.self}
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
              {t.users.details.editProfile}
            </ToolbarButton>
          ) : null}
          {canReset ? (
            <ToolbarButton icon={<KeyResetRegular />} onClick={() => setDialog("reset")} {...restoreFocusTarget}>
              {t.users.details.resetPassword}
            </ToolbarButton>
          ) : null}
          {canManage && !deleted && !isSelf ? (
            <ToolbarButton icon={<DeleteRegular />} onClick={() => setDialog("delete")} {...restoreFocusTarget}>
              {t.users.details.deleteUser}
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
                        ? t.users.restoredWithoutLicenses(restored.displayName, restored.licensesNotRestored.length)
                        : t.users.restored(restored.displayName),
                      restored.licensesNotRestored.length > 0 ? "warning" : "success",
                    );
                    onClose();
                  },
                })
              }
            >
              {restore.isPending ? t.users.restoring : t.users.restore}
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
            aria-label={t.userLicenses.tabsLabel}
          >
            <Tab value="account" id={`${tabsId}-account`} aria-controls={`${tabsId}-panel`}>
              {t.userLicenses.accountTab}
            </Tab>
            <Tab value="licenses" id={`${tabsId}-licenses`} aria-controls={`${tabsId}-panel`}>
              {t.userLicenses.title}
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
