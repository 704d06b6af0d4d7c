import type { PersonalToken } from "@allot/contracts";
import { Text } from "@fluentui/react-components";
import { useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { ErrorMessage } from "@/components/error-message";
import { useNotify } from "@/components/notify";
import { useOpenKey } from "@/lib/hooks";
import { useRevokePersonalToken } from "../api/personal-tokens";
import { useAccountTexts } from "../texts";

interface RevokeTokenDialogProps {
  homeTenantId: string;
  /** The token to revoke; null while closed. */
  token: PersonalToken | null;
  onClose: () => void;
}

/** Revoke a token: scripts using it stop at once. */
export function RevokeTokenDialog(props: RevokeTokenDialogProps) {
  return <RevokeTokenDialogContent key={useOpenKey(props.token !== null)} {...props} />;
}

function RevokeTokenDialogContent({ homeTenantId, token, onClose }: RevokeTokenDialogProps) {
  const tx = useAccountTexts().revokeDialog;
  const notify = useNotify();
  const revoke = useRevokePersonalToken(homeTenantId);
  // Kept while the dialog closes, so its title does not go blank mid-animation.
  const [shown] = useState(token);
  if (!shown) return null;
  return (
    <ConfirmDialog
      open={token !== null}
      title={tx.title(shown.name)}
      confirmLabel={tx.confirm}
      busyLabel={tx.revoking}
      busy={revoke.isPending}
      onCancel={onClose}
      onConfirm={() =>
        revoke.mutate(shown.id, {
          onSuccess: () => {
            notify(tx.revoked(shown.name));
            onClose();
          },
        })
      }
    >
      {revoke.isError ? <ErrorMessage error={revoke.error} /> : null}
      <Text as="p">{tx.body}</Text>
    </ConfirmDialog>
  );
}
