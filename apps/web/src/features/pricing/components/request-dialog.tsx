import { createLicenseRequestSchema, type PricingProduct } from "@allot/contracts";
import { Field, Text, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import { FormDialog } from "@/components/form-dialog";
import { useNotify } from "@/components/notify";
import { useApiErrorOnFields } from "@/lib/forms/api-errors";
import { useZodForm } from "@/lib/forms/zod-form";
import { useOpenKey } from "@/lib/hooks";
import { useRequestLicense } from "../api/request-license";
import { usePricingTexts } from "../texts";
import { refusesProduct } from "../utils/refuses-product";

export const REQUEST_MESSAGE_MAX = 1000;

interface RequestDialogProps {
  tenantId: string;
  product: PricingProduct | null;
  onClose: () => void;
}

/** "Request from my admin": an optional message for the approver, then the request goes to the admins. */
export function RequestDialog(props: RequestDialogProps) {
  return <RequestDialogContent key={useOpenKey(props.product !== null)} {...props} />;
}

function RequestDialogContent({ tenantId, product, onClose }: RequestDialogProps) {
  const tx = usePricingTexts();
  const notify = useNotify();
  const send = useRequestLicense(tenantId);
  const [shown] = useState(product);
  const form = useZodForm(createLicenseRequestSchema, {
    defaultValues: { message: "" },
    // No message (or only spaces) is no message.
    toInput: ({ message }: { message: string }) => ({
      skuId: shown?.skuId ?? "",
      ...(message.trim() ? { message } : {}),
    }),
  });
  const onFields = useApiErrorOnFields(form, send.error);
  const error = refusesProduct(send.error) ? send.error : onFields;
  const length = form.watch("message").trim().length;
  const tooLong = length > REQUEST_MESSAGE_MAX;
  const problem = form.formState.errors.message;
  if (!shown) return null;

  const save = form.handleSubmit((request) =>
    send.mutate(request, {
      onSuccess: () => {
        notify(tx.request.sent(shown.displayName));
        onClose();
      },
    }),
  );

  return (
    <FormDialog
      open={product !== null}
      title={tx.request.title(shown.displayName)}
      confirmLabel={tx.request.send}
      busyLabel={tx.request.sending}
      busy={send.isPending}
      // Over the limit the dialog does not submit; the field says why as it is typed.
      canConfirm={!tooLong}
      onConfirm={save}
      onClose={onClose}
      error={error}
    >
      <Text>{tx.request.intro}</Text>
      <Field
        label={tx.request.message}
        hint={tx.request.counter(length, REQUEST_MESSAGE_MAX)}
        validationMessage={tooLong ? tx.request.tooLong(REQUEST_MESSAGE_MAX) : problem?.message}
      >
        <Textarea
          {...form.register("message")}
          placeholder={tx.request.messagePlaceholder}
          resize="vertical"
          rows={4}
        />
      </Field>
    </FormDialog>
  );
}
