import { makeStyles, Tag, TagGroup, Text, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { SelectedUser } from "../lib/selection";
import { useCustomerLicensesTexts } from "../texts";

/** More chips than this would push the products off the screen; the rest are counted. */
const MAX_CHIPS = 60;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  chips: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXS },
  more: { color: tokens.colorNeutralForeground2, alignSelf: "center" },
});

/** The selected users as small chips in sorted order, each dismissible (drops the user from the selection). */
export function SelectedChips({ users, onDrop }: { users: readonly SelectedUser[]; onDrop: (id: string) => void }) {
  const styles = useStyles();
  const m = useCustomerLicensesTexts().manage;
  const u = useCustomerLicensesTexts().users;
  const headingId = useId();
  const shown = users.slice(0, MAX_CHIPS);
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {m.selectedHeading(users.length)}
      </h2>
      <TagGroup
        className={styles.chips}
        size="small"
        aria-labelledby={headingId}
        onDismiss={(_, data) => onDrop(String(data.value))}
      >
        {shown.map((user) => (
          <Tag
            key={user.id}
            value={user.id}
            size="small"
            shape="circular"
            dismissible
            dismissIcon={{ "aria-label": u.drop(user.displayName) }}
            title={user.email}
          >
            {user.displayName}
          </Tag>
        ))}
        {users.length > shown.length ? (
          <Text className={styles.more}>{m.more(users.length - shown.length)}</Text>
        ) : null}
      </TagGroup>
    </section>
  );
}
