import type { BillingResult } from "@allot/contracts";
import { FormDialog } from "@/components/form-dialog";
import { useOpenKey } from "@/lib/hooks";
import { useBillingChangeTexts } from "../texts";
import { BuyFormFields, useBuyForm } from "./buy-form";

export interface BuyDialogProps {
  open: boolean;
  tenantId: string;
  /** Prefilled from the Conflicts page's "Buy seats" (`?buy=<skuId>&seats=<n>`). */
  initialSkuId?: string | undefined;
  initialSeats?: number | undefined;
  onClose: () => void;
  onBought: (result: BillingResult) => void;
}

/** Buy a subscription: product, seats, term and auto-renew, with the price shown before "Buy". */
export function BuyDialog(props: BuyDialogProps) {
  return <BuyDialogContent key={useOpenKey(props.open)} {...props} />;
}

function BuyDialogContent({ open, tenantId, initialSkuId, initialSeats, onClose, onBought }: BuyDialogProps) {
  const c = useBillingChangeTexts();
  const state = useBuyForm({ tenantId, enabled: open, initialSkuId, initialSeats, onBought });
  return (
    <FormDialog
      open={open}
      title={c.buy.title}
      confirmLabel={c.buy.confirm}
      busyLabel={c.buy.buying}
      busy={state.busy}
      canConfirm={state.canConfirm}
      onConfirm={state.confirm}
      onBlockedSubmit={state.showMissing}
      onClose={onClose}
    >
      <BuyFormFields state={state} />
    </FormDialog>
  );
}
