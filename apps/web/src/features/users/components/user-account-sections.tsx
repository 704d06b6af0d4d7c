import type { User } from "@allot/contracts";
import { isAdminRole } from "@allot/domain";
import { Badge, makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { ErrorMessage } from "@/components/error-message";
import { useI18n } from "@/lib/i18n";
import { useTenant } from "@/lib/tenant";
import { useUserGroups } from "../api/get-user-groups";
import { useDirectoryTexts, useUsersTexts } from "../texts";
import { ContactFacts } from "./contact-facts";
import { EditUserForm } from "./edit-user-form";

const useStyles = makeStyles({
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

/**
 * User details › Account: the profile, admin roles and groups (a deleted user has none), or the profile form while
 * editing.
 */
export function UserAccountSections({
  user,
  editing,
  onEditDone,
}: {
  user: User;
  editing: boolean;
  onEditDone: () => void;
}) {
  const styles = useStyles();
  const { t, formatDateTime, countryName } = useI18n();
  const u = useUsersTexts();
  const d = useDirectoryTexts();
  const { tenant } = useTenant();
  const deleted = user.deletedAt !== null;
  const groups = useUserGroups(tenant.id, user.id, !deleted);

  if (editing) {
    return (
      <Section title={u.edit.title}>
        <EditUserForm tenantId={tenant.id} user={user} onDone={onEditDone} />
      </Section>
    );
  }
  return (
    <>
      <Section title={u.details.profile}>
        <dl className={styles.facts}>
          <dt className={styles.term}>{u.details.email}</dt>
          <dd className={styles.value}>{user.email}</dd>
          <dt className={styles.term}>{u.details.userType}</dt>
          <dd className={styles.value}>{user.userType === "guest" ? u.guest : u.member}</dd>
          <dt className={styles.term}>{u.details.usageLocation}</dt>
          <dd className={styles.value}>{user.usageLocation ? countryName(user.usageLocation) : t.common.notSet}</dd>
          <dt className={styles.term}>{u.columns.status}</dt>
          <dd className={styles.value}>{user.accountEnabled ? u.signInAllowed : u.signInBlocked}</dd>
          <dt className={styles.term}>{u.details.licenses}</dt>
          <dd className={styles.value}>{u.licenseCount(user.licenseCount)}</dd>
          <dt className={styles.term}>{u.details.createdAt}</dt>
          <dd className={styles.value}>{formatDateTime(user.createdAt)}</dd>
          <dt className={styles.term}>{u.details.lastSignIn}</dt>
          <dd className={styles.value}>{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : t.common.never}</dd>
          {user.deletedAt ? (
            <>
              <dt className={styles.term}>{u.columns.deletedAt}</dt>
              <dd className={styles.value}>{formatDateTime(user.deletedAt)}</dd>
            </>
          ) : null}
        </dl>
      </Section>
      <Section title={d.title}>
        <ContactFacts user={user} classes={styles} />
      </Section>
      <Section title={u.details.roles}>
        {user.roles.some(isAdminRole) ? (
          <div className={styles.badges}>
            {user.roles.filter(isAdminRole).map((role) => (
              <Badge key={role} appearance="tint" color="brand">
                {t.roles[role]}
              </Badge>
            ))}
          </div>
        ) : (
          <Text className={styles.muted}>{u.noRoles}</Text>
        )}
      </Section>
      {!deleted ? (
        <Section title={u.details.groups}>
          {groups.isPending ? (
            <Spinner size="tiny" label={u.details.groupsLoading} labelPosition="after" />
          ) : groups.isError ? (
            <ErrorMessage error={groups.error} onRetry={() => groups.refetch()} />
          ) : groups.data.length === 0 ? (
            <Text className={styles.muted}>{u.details.noGroups}</Text>
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
}
