import type { User } from "@allot/contracts";
import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import { PersonProhibitedRegular } from "@fluentui/react-icons";
import { useI18n } from "@/lib/i18n";

const useStyles = makeStyles({
  row: { display: "inline-flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
});

/** Guest, deleted and sign-in blocked markers next to a user's name. */
export function UserBadges({ user }: { user: User }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <span className={styles.row}>
      {user.deletedAt ? (
        <Badge appearance="tint" color="subtle">
          {t.users.deleted}
        </Badge>
      ) : null}
      {user.userType === "guest" ? (
        <Badge appearance="tint" color="informative">
          {t.users.guest}
        </Badge>
      ) : null}
      {!user.accountEnabled ? (
        <Badge appearance="tint" color="danger" icon={<PersonProhibitedRegular />}>
          {t.users.signInBlocked}
        </Badge>
      ) : null}
    </span>
  );
}
