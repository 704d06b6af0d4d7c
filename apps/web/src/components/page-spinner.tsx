import { makeStyles, Spinner, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    minHeight: "40vh",
    padding: tokens.spacingVerticalXXL,
  },
});

/** A centred spinner with a label, for a page or a panel that is loading. */
export function PageSpinner({ label }: { label: string }) {
  return (
    <div className={useStyles().root}>
      <Spinner label={label} labelPosition="below" />
    </div>
  );
}
