import type { LicenseRequest } from "@allot/contracts";
import { useState } from "react";
import { useNotify } from "@/components/notify";
import { TextDialog } from "@/components/text-dialog";
import { useOpenKey } from "@/lib/hooks";
import { useDenyLicenseRequest } from "../api/deny-request";
import { useRequestsTexts } from "../texts";

export const DENY_REASON_MAX = 500;

interface DenyDialogProps {
  tenantId: string;
  request: LicenseRequest | null;
  onClose: () => void;
}

/** Deny, with a reason (required, at most 500 characters) the requester will read. */
export function DenyDialog(props: DenyDialogProps) {
  return <DenyDialogContent key={useOpenKey(props.request !== null)} {...props} />;
}

function DenyDialogContent({ tenantId, request, onClose }: DenyDialogProps) {
  const tx = useRequestsTexts();
  const notify = useNotify();
  const deny = useDenyLicenseRequest(tenantId);
  const [shown] = useState(request);
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);
  if (!shown) return null;

  const length = reason.trim().length;
  const reasonError =
    length > DENY_REASON_MAX
      ? tx.denyDialog.tooLong(DENY_REASON_MAX)
      : touched && length === 0
        ? tx.denyDialog.reasonRequired
        : undefined;

  const submit = () => {
    setTouched(true);
    if (length === 0 || length > DENY_REASON_MAX) return;
    deny.mutate(
      { requestId: shown.id, body: { reason: reason.trim() } },
      {
        onSuccess: () => {
          notify(tx.denyDialog.denied(shown.requester.displayName));
          onClose();
        },
      },
    );
  };

  return (
    <TextDialog
      open={request !== null}
      title={tx.denyDialog.title(shown.requester.displayName)}
      intro={tx.denyDialog.asked(shown.requester.displayName, shown.productName)}
      error={deny.error}
      label={tx.denyDialog.reason}
      required
      hint={tx.denyDialog.reasonHint(length, DENY_REASON_MAX)}
      validationMessage={reasonError}
      rows={3}
      value={reason}
      onValueChange={setReason}
      submitLabel={tx.denyDialog.confirm}
      pendingLabel={tx.denyDialog.denying}
      pending={deny.isPending}
      onSubmit={submit}
      onClose={onClose}
    />
  );
}
