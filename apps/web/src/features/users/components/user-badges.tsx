import type { User } from "@allot/contracts";
import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import { PersonProhibitedRegular } from "@fluentui/react-icons";
import { useUsersTexts } from "../texts";

const useStyles = makeStyles({
  row: { display: "inline-flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
});

/** Guest, deleted and sign-in blocked markers next to a user's name. */
export function UserBadges({ user }: { user: User }) {
  const styles = useStyles();
  const u = useUsersTexts();
  return (
    <span className={styles.row}>
      {user.deletedAt ? (
        <Badge appearance="tint" color="subtle">
          {u.deleted}
        </Badge>
      ) : null}
      {user.userType === "guest" ? (
        <Badge appearance="tint" color="informative">
          {u.guest}
        </Badge>
      ) : null}
      {!user.accountEnabled ? (
        <Badge appearance="tint" color="danger" icon={<PersonProhibitedRegular />}>
          {u.signInBlocked}
        </Badge>
      ) : null}
    </span>
  );
}
