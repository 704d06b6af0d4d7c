import type { Action } from "@allot/domain";
import { Checkbox, makeStyles, Text, tokens } from "@fluentui/react-components";
import { ErrorCircleRegular } from "@fluentui/react-icons";
import { useId } from "react";
import { useAccountTexts } from "../texts";

const useStyles = makeStyles({
  fieldset: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", minWidth: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground3, marginBottom: tokens.spacingVerticalXS },
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 260px), 1fr))" },
  option: { display: "flex", flexDirection: "column", paddingBottom: tokens.spacingVerticalXS },
  code: {
    color: tokens.colorNeutralForeground3,
    fontFamily: tokens.fontFamilyMonospace,
    paddingInlineStart: "36px",
    marginTop: `calc(-1 * ${tokens.spacingVerticalS})`,
  },
  error: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorPaletteRedForeground1,
    marginTop: tokens.spacingVerticalXS,
  },
});

/**
 * The rights a token carries, as checkboxes named in words ("Read users, groups and licenses"), each with the right's
 * code below it for scripts' authors. Only `offered` rights are listed: those the person holds.
 */
export function ScopeCheckboxes({
  offered,
  value,
  onChange,
  error,
  disabled = false,
}: {
  offered: readonly Action[];
  value: readonly Action[];
  onChange: (scopes: Action[]) => void;
  /** The problem to show below the choices (none chosen), read with them by screen readers. */
  error?: string | undefined;
  disabled?: boolean;
}) {
  const styles = useStyles();
  const tx = useAccountTexts();
  const id = useId();
  const toggle = (scope: Action, checked: boolean) =>
    onChange(offered.filter((candidate) => (candidate === scope ? checked : value.includes(candidate))));
  return (
    <fieldset
      className={styles.fieldset}
      aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
      aria-invalid={error ? true : undefined}
    >
      <legend className={styles.legend}>{tx.newToken.scopes}</legend>
      <Text id={`${id}-hint`} size={200} className={styles.hint}>
        {offered.length === 0 ? tx.newToken.noScopes : tx.newToken.scopesHint}
      </Text>
      <div className={styles.grid}>
        {offered.map((scope) => (
          <div key={scope} className={styles.option}>
            <Checkbox
              id={`${id}-${scope}`}
              label={tx.scopes[scope]}
              checked={value.includes(scope)}
              disabled={disabled}
              aria-describedby={`${id}-${scope}-code`}
              onChange={(_, data) => toggle(scope, data.checked === true)}
            />
            <Text id={`${id}-${scope}-code`} size={200} className={styles.code}>
              {scope}
            </Text>
          </div>
        ))}
      </div>
      {error ? (
        <Text id={`${id}-error`} role="alert" size={200} className={styles.error}>
          <ErrorCircleRegular aria-hidden />
          {error}
        </Text>
      ) : null}
    </fieldset>
  );
}
