import type { Application } from "@allot/contracts";
import { Text } from "@fluentui/react-components";
import { useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { ErrorMessage } from "@/components/error-message";
import { useNotify } from "@/components/notify";
import { useOpenKey } from "@/lib/hooks";
import { useDeleteApplication } from "../api/applications";
import { useSettingsTexts } from "../texts";

interface DeleteAppDialogProps {
  tenantId: string;
  /** The app to delete; null while closed. */
  app: Application | null;
  onClose: () => void;
  /** After the app is gone: its details pane closes too. */
  onDeleted: () => void;
}

/** Delete an app registration: a warning that scripts using it stop at once, then the app and its secrets go. */
export function DeleteAppDialog(props: DeleteAppDialogProps) {
  return <DeleteAppDialogContent key={useOpenKey(props.app !== null)} {...props} />;
}

function DeleteAppDialogContent({ tenantId, app, onClose, onDeleted }: DeleteAppDialogProps) {
  const tx = useSettingsTexts().apps.deleteDialog;
  const notify = useNotify();
  const [shown] = useState(app);
  const remove = useDeleteApplication(tenantId, shown?.id ?? "");
  if (!shown) return null;
  return (
    <ConfirmDialog
      open={app !== null}
      title={tx.title(shown.displayName)}
      confirmLabel={tx.confirm}
      busyLabel={tx.deleting}
      busy={remove.isPending}
      onCancel={onClose}
      onConfirm={() =>
        remove.mutate(undefined, {
          onSuccess: () => {
            notify(tx.deleted(shown.displayName));
            onClose();
            onDeleted();
          },
        })
      }
    >
      {remove.isError ? <ErrorMessage error={remove.error} /> : null}
      <Text as="p">{tx.body}</Text>
    </ConfirmDialog>
  );
}
