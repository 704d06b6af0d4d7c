import { APPLICATION_PERMISSIONS, type ApplicationPermission } from "@allot/domain";
import { Checkbox, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { useSettingsTexts } from "../texts";

const useStyles = makeStyles({
  fieldset: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", minWidth: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground3, marginBottom: tokens.spacingVerticalXS },
  option: { display: "flex", flexDirection: "column" },
  name: { fontFamily: tokens.fontFamilyMonospace },
  explanation: {
    color: tokens.colorNeutralForeground2,
    paddingInlineStart: "36px",
    marginTop: `calc(-1 * ${tokens.spacingVerticalXS})`,
    marginBottom: tokens.spacingVerticalXS,
  },
});

/**
 * The application permissions to grant, as checkboxes named as Graph names them, each with the sentence saying what
 * it allows below it (and read with it by screen readers).
 */
export function PermissionCheckboxes({
  value,
  onChange,
  disabled = false,
}: {
  value: readonly ApplicationPermission[];
  onChange: (permissions: ApplicationPermission[]) => void;
  disabled?: boolean;
}) {
  const styles = useStyles();
  const s = useSettingsTexts().apps;
  const id = useId();
  const toggle = (permission: ApplicationPermission, checked: boolean) =>
    // In the catalog's order, whatever the order of the clicks.
    onChange(APPLICATION_PERMISSIONS.filter((p) => (p === permission ? checked : value.includes(p))));
  return (
    <fieldset className={styles.fieldset} aria-describedby={`${id}-hint`}>
      <legend className={styles.legend}>{s.registerDialog.permissions}</legend>
      <Text id={`${id}-hint`} size={200} className={styles.hint}>
        {s.registerDialog.permissionsHint}
      </Text>
      {APPLICATION_PERMISSIONS.map((permission) => (
        <div key={permission} className={styles.option}>
          <Checkbox
            id={`${id}-${permission}`}
            label={{ children: permission, className: styles.name }}
            checked={value.includes(permission)}
            disabled={disabled}
            aria-describedby={`${id}-${permission}-about`}
            onChange={(_, data) => toggle(permission, data.checked === true)}
          />
          <Text id={`${id}-${permission}-about`} size={200} className={styles.explanation}>
            {s.permissions[permission]}
          </Text>
        </div>
      ))}
    </fieldset>
  );
}
