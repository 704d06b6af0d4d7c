import type { StaffMember } from "@allot/contracts";
import { Text } from "@fluentui/react-components";
import { useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { ErrorMessage } from "@/components/error-message";
import { useNotify } from "@/components/notify";
import { useOpenKey } from "@/lib/hooks";
import { useRemoveStaff } from "../api/staff-mutations";
import { usePartnersTexts } from "../texts";

interface RemoveStaffDialogProps {
  partnerTenantId: string;
  /** The staff member to remove; null while closed. */
  member: StaffMember | null;
  onClose: () => void;
}

/** Remove a staff member, after saying what goes with them: sign-in and every role in the customers. */
export function RemoveStaffDialog(props: RemoveStaffDialogProps) {
  return <RemoveStaffDialogContent key={useOpenKey(props.member !== null)} {...props} />;
}

function RemoveStaffDialogContent({ partnerTenantId, member, onClose }: RemoveStaffDialogProps) {
  const tx = usePartnersTexts().staff.removeDialog;
  const notify = useNotify();
  const remove = useRemoveStaff(partnerTenantId);
  // The member stays shown while the dialog closes.
  const [shown] = useState(member);
  if (!shown) return null;
  const name = shown.displayName;
  return (
    <ConfirmDialog
      open={member !== null}
      title={tx.title(name)}
      confirmLabel={tx.confirm}
      busyLabel={tx.removing}
      busy={remove.isPending}
      onCancel={onClose}
      onConfirm={() =>
        remove.mutate(shown.id, {
          onSuccess: () => {
            notify(tx.removed(name));
            onClose();
          },
        })
      }
    >
      {remove.isError ? <ErrorMessage error={remove.error} /> : null}
      <Text as="p">{tx.body(name)}</Text>
    </ConfirmDialog>
  );
}
