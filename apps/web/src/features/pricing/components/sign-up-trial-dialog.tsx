import type { PricingProduct } from "@allot/contracts";
import { Field, Radio, RadioGroup, Text } from "@fluentui/react-components";
import { useState } from "react";
import { useNavigate } from "react-router";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { ErrorMessage } from "@/components/error-message";
import { useNotify } from "@/components/notify";
import { useOpenKey } from "@/lib/hooks";
import { useSignUpForTrial } from "../api/sign-up-trial";
import { usePricingTexts } from "../texts";

interface SignUpTrialDialogProps {
  tenantId: string;
  product: PricingProduct | null;
  onClose: () => void;
}

/**
 * "Start free trial" of Power Automate for a maker: for the organization (its 10,000 free licenses, one for them)
 * or just for them (their admins don't see it). Started, it goes to My licenses, where the trial shows its days left.
 */
export function SignUpTrialDialog(props: SignUpTrialDialogProps) {
  return <SignUpTrialDialogContent key={useOpenKey(props.product !== null)} {...props} />;
}

function SignUpTrialDialogContent({ tenantId, product, onClose }: SignUpTrialDialogProps) {
  const tx = usePricingTexts();
  const notify = useNotify();
  const navigate = useNavigate();
  const signUp = useSignUpForTrial(tenantId);
  const [shown] = useState(product);
  const [as, setAs] = useState<"organization" | "individual">("organization");
  if (!shown) return null;

  const confirm = () =>
    signUp.mutate(
      { as },
      {
        onSuccess: (result) => {
          notify(tx.signUp.started(shown.displayName, result.daysLeft));
          onClose();
          navigate(`/t/${tenantId}/account/licenses`);
        },
      },
    );

  return (
    <ConfirmDialog
      open={product !== null}
      title={tx.signUp.title(shown.displayName)}
      confirmLabel={tx.signUp.confirm}
      busyLabel={tx.signUp.starting}
      busy={signUp.isPending}
      onConfirm={confirm}
      onCancel={onClose}
    >
      {signUp.isError ? <ErrorMessage error={signUp.error} /> : null}
      <Text as="p">{tx.signUp.body(shown.trialDays)}</Text>
      <Field label={tx.signUp.forWhom}>
        <RadioGroup
          value={as}
          onChange={(_, data) => setAs(data.value === "individual" ? "individual" : "organization")}
        >
          <Radio value="organization" label={tx.signUp.organization} />
          <Radio value="individual" label={tx.signUp.individual} />
        </RadioGroup>
      </Field>
    </ConfirmDialog>
  );
}
