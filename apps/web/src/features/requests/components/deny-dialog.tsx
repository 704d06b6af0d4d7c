import { denyLicenseRequestSchema, type LicenseRequest } from "@allot/contracts";
import { Field, Text, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import { FormDialog } from "@/components/form-dialog";
import { useNotify } from "@/components/notify";
import { useApiErrorOnFields } from "@/lib/forms/api-errors";
import { useZodForm } from "@/lib/forms/zod-form";
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
  const form = useZodForm(denyLicenseRequestSchema, { defaultValues: { reason: "" } });
  const error = useApiErrorOnFields(form, deny.error);
  const length = form.watch("reason").trim().length;
  const problem = form.formState.errors.reason;
  // Over the limit is said as it is typed; an empty reason once "Deny" was pressed.
  const reasonMessage =
    length > DENY_REASON_MAX
      ? tx.denyDialog.tooLong(DENY_REASON_MAX)
      : problem && (problem.type === "too_small" ? tx.denyDialog.reasonRequired : problem.message);
  if (!shown) return null;

  const save = form.handleSubmit((body) =>
    deny.mutate(
      { requestId: shown.id, body },
      {
        onSuccess: () => {
          notify(tx.denyDialog.denied(shown.requester.displayName));
          onClose();
        },
      },
    ),
  );

  return (
    <FormDialog
      open={request !== null}
      title={tx.denyDialog.title(shown.requester.displayName)}
      confirmLabel={tx.denyDialog.confirm}
      busyLabel={tx.denyDialog.denying}
      busy={deny.isPending}
      onConfirm={save}
      onClose={onClose}
      error={error}
    >
      <Text>{tx.denyDialog.asked(shown.requester.displayName, shown.productName)}</Text>
      <Field
        label={tx.denyDialog.reason}
        required
        hint={tx.denyDialog.reasonHint(length, DENY_REASON_MAX)}
        validationMessage={reasonMessage}
      >
        <Textarea {...form.register("reason")} resize="vertical" rows={3} />
      </Field>
    </FormDialog>
  );
}
