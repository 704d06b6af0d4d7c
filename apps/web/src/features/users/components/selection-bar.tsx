import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useUsersTexts } from "../texts";

/** A note about the selection, with the one action every such note offers: clearing it. */
export function SelectionBar({
  className,
  onClear,
  children,
}: {
  className: string;
  onClear: () => void;
  children: ReactNode;
}) {
  const u = useUsersTexts();
  return (
    <MessageBar intent="info" className={className}>
      <MessageBarBody>{children}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onClear}>
          {u.clearSelection}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
