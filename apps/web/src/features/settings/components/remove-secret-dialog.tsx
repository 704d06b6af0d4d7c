import type { ApplicationSecret } from "@allot/contracts";
import { Text } from "@fluentui/react-components";
import { useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { ErrorMessage } from "@/components/error-message";
import { useNotify } from "@/components/notify";
import { useOpenKey } from "@/lib/hooks";
import { useDeleteSecret } from "../api/applications";
import { useSettingsTexts } from "../texts";

interface RemoveSecretDialogProps {
  tenantId: string;
  applicationId: string;
  /** The secret to remove; null while closed. */
  secret: ApplicationSecret | null;
  onClose: () => void;
}

/** Remove a client secret: scripts signing in with it stop at once. */
export function RemoveSecretDialog(props: RemoveSecretDialogProps) {
  return <RemoveSecretDialogContent key={useOpenKey(props.secret !== null)} {...props} />;
}

function RemoveSecretDialogContent({ tenantId, applicationId, secret, onClose }: RemoveSecretDialogProps) {
  const tx = useSettingsTexts().apps.removeSecret;
  const notify = useNotify();
  const remove = useDeleteSecret(tenantId, applicationId);
  // Kept while the dialog closes, so its title does not go blank mid-animation.
  const [shown] = useState(secret);
  if (!shown) return null;
  return (
    <ConfirmDialog
      open={secret !== null}
      title={tx.title(shown.displayName)}
      confirmLabel={tx.confirm}
      busyLabel={tx.removing}
      busy={remove.isPending}
      onCancel={onClose}
      onConfirm={() =>
        remove.mutate(shown.id, {
          onSuccess: () => {
            notify(tx.removed(shown.displayName));
            onClose();
          },
        })
      }
    >
      {remove.isError ? <ErrorMessage error={remove.error} /> : null}
      <Text as="p">{tx.body}</Text>
    </ConfirmDialog>
  );
}
