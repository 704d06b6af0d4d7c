import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { CopyField } from "./copy-field";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

/**
 * A secret the API answers once (a client secret, a personal access token): a warning that it will not be shown
 * again, then the text itself, read-only, with a button that copies it.
 */
export function ShownOnce({
  label,
  value,
  copyLabel,
  warningTitle,
  warning,
  hint,
}: {
  label: string;
  value: string;
  copyLabel: string;
  warningTitle: string;
  warning: string;
  hint?: string;
}) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{warningTitle}</MessageBarTitle>
          {warning}
        </MessageBarBody>
      </MessageBar>
      <CopyField label={label} value={value} copyLabel={copyLabel} hint={hint} />
    </div>
  );
}
