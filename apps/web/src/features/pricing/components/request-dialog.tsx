import type { PricingProduct } from "@allot/contracts";
import { useState } from "react";
import { useNotify } from "@/components/notify";
import { TextDialog } from "@/components/text-dialog";
import { useOpenKey } from "@/lib/hooks";
import { useRequestLicense } from "../api/request-license";
import { usePricingTexts } from "../texts";

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
  const [message, setMessage] = useState("");
  const [shown] = useState(product);
  if (!shown) return null;

  const length = message.trim().length;
  const tooLong = length > REQUEST_MESSAGE_MAX;

  // The dialog submits only when the message fits and nothing is being sent.
  const submit = () => {
    const trimmed = message.trim();
    send.mutate(
      { skuId: shown.skuId, ...(trimmed ? { message: trimmed } : {}) },
      {
        onSuccess: () => {
          notify(tx.request.sent(shown.displayName));
          onClose();
        },
      },
    );
  };

  return (
    <TextDialog
      open={product !== null}
      title={tx.request.title(shown.displayName)}
      intro={tx.request.intro}
      error={send.error}
      label={tx.request.message}
      hint={tx.request.counter(length, REQUEST_MESSAGE_MAX)}
      validationMessage={tooLong ? tx.request.tooLong(REQUEST_MESSAGE_MAX) : undefined}
      placeholder={tx.request.messagePlaceholder}
      rows={4}
      value={message}
      onValueChange={setMessage}
      submitLabel={tx.request.send}
      pendingLabel={tx.request.sending}
      pending={send.isPending}
      canSubmit={!tooLong}
      onSubmit={submit}
      onClose={onClose}
    />
  );
}
