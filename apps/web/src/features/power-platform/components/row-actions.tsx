import { Button, makeStyles, Tooltip, tokens } from "@fluentui/react-components";
import type { ReactElement } from "react";

const useStyles = makeStyles({ row: { display: "flex", gap: tokens.spacingHorizontalXS } });

export interface RowAction {
  label: string;
  icon: ReactElement;
  onClick: () => void;
}

/** A row's icon buttons, each named for screen readers and shown in a tooltip ("Edit Production"). */
export function RowActions({ actions }: { actions: RowAction[] }) {
  const styles = useStyles();
  return (
    <div className={styles.row}>
      {actions.map((action) => (
        <Tooltip key={action.label} content={action.label} relationship="label">
          <Button appearance="subtle" size="small" icon={action.icon} onClick={action.onClick} />
        </Tooltip>
      ))}
    </div>
  );
}
