import type { ApplicationPermission } from "@allot/domain";
import { InfoLabel, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useSettingsTexts } from "../texts";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  // The name and its info button stay on one line.
  permission: { whiteSpace: "nowrap" },
  name: { fontSize: tokens.fontSizeBase200 },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** One application permission as Graph names it, with the sentence saying what it allows behind its info button. */
export function PermissionName({ permission }: { permission: ApplicationPermission }) {
  const styles = useStyles();
  const s = useSettingsTexts().apps;
  return (
    <InfoLabel
      className={styles.permission}
      size="small"
      info={s.permissions[permission]}
      label={{ className: styles.name }}
      infoButton={{ "aria-label": s.permissionInfo }}
    >
      {permission}
    </InfoLabel>
  );
}

/** An app's permissions, one a line, each explained on demand; "None" when it has none. */
export function PermissionNames({
  permissions,
  label,
}: {
  permissions: readonly ApplicationPermission[];
  label: string;
}) {
  const styles = useStyles();
  const s = useSettingsTexts().apps;
  if (permissions.length === 0) return <Text className={styles.muted}>{s.noPermissions}</Text>;
  return (
    <ul className={styles.list} aria-label={label}>
      {permissions.map((permission) => (
        <li key={permission}>
          <PermissionName permission={permission} />
        </li>
      ))}
    </ul>
  );
}
