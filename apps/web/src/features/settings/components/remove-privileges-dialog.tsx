import type { PartnerRelationship } from "@allot/contracts";
import { Text } from "@fluentui/react-components";
import { useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { ErrorMessage } from "@/components/error-message";
import { useNotify } from "@/components/notify";
import { useOpenKey } from "@/lib/hooks";
import { useChangePartnerPrivileges } from "../api/partner-relationships";
import { useSettingsTexts } from "../texts";

interface RemovePrivilegesDialogProps {
  tenantId: string;
  /** The relationship to end; null while closed. */
  relationship: PartnerRelationship | null;
  onClose: () => void;
}

/** Remove delegated admin privileges: the partner's people lose this organization at once, open sessions included. */
export function RemovePrivilegesDialog(props: RemovePrivilegesDialogProps) {
  return <RemovePrivilegesDialogContent key={useOpenKey(props.relationship !== null)} {...props} />;
}

function RemovePrivilegesDialogContent({ tenantId, relationship, onClose }: RemovePrivilegesDialogProps) {
  const tx = useSettingsTexts().partners.removeDialog;
  const notify = useNotify();
  const change = useChangePartnerPrivileges(tenantId);
  const [shown] = useState(relationship);
  if (!shown) return null;
  const partner = shown.partner.name;
  return (
    <ConfirmDialog
      open={relationship !== null}
      title={tx.title(partner)}
      confirmLabel={tx.confirm}
      busyLabel={tx.removing}
      busy={change.isPending}
      onCancel={onClose}
      onConfirm={() =>
        change.mutate(
          { relationshipId: shown.id, change: "removePrivileges" },
          {
            onSuccess: () => {
              notify(tx.removed(partner));
              onClose();
            },
          },
        )
      }
    >
      {change.isError ? <ErrorMessage error={change.error} /> : null}
      <Text as="p">{tx.body(partner)}</Text>
    </ConfirmDialog>
  );
}
