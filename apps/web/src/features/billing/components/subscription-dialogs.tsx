import type { Subscription } from "@allot/contracts";
import { useNavigate } from "react-router";
import { useNotify } from "@/components/notify";
import type { SubscriptionAccess } from "../hooks/use-subscription-access";
import { useBillingChangeTexts } from "../texts";
import { CancelDialog } from "./cancel-dialog";
import { ChangeSeatsDialog } from "./change-seats-dialog";
import { ConvertTrialDialog } from "./convert-trial-dialog";
import { RenewDialog } from "./renew-dialog";
import type { SubscriptionDialog } from "./subscription-toolbar";

/**
 * The dialogs of a subscription's page, present only for those who may use them; `dialog` says which one is open.
 * Each reports its outcome in a toast and closes.
 */
export function SubscriptionDialogs({
  subscription,
  tenantId,
  access,
  dialog,
  onClose,
}: {
  subscription: Subscription;
  tenantId: string;
  access: SubscriptionAccess;
  dialog: SubscriptionDialog | null;
  onClose: () => void;
}) {
  const c = useBillingChangeTexts();
  const notify = useNotify();
  const navigate = useNavigate();
  const done = (message: string) => {
    notify(message);
    onClose();
  };

  return (
    <>
      {access.canManage ? (
        <>
          <ChangeSeatsDialog
            open={dialog === "seats"}
            tenantId={tenantId}
            subscription={subscription}
            onClose={onClose}
            onChanged={(result) => done(c.seats.done(result.subscription.seats, result.subscription.productName))}
          />
          <RenewDialog
            open={dialog === "renew"}
            tenantId={tenantId}
            subscription={subscription}
            onClose={onClose}
            onRenewed={(result) =>
              done(
                subscription.state === "active"
                  ? c.renew.renewed(result.subscription.productName)
                  : c.renew.reactivated(result.subscription.productName),
              )
            }
          />
          <CancelDialog
            open={dialog === "cancel"}
            tenantId={tenantId}
            subscription={subscription}
            onClose={onClose}
            onCancelled={(result) => done(c.cancel.done(result.subscription.productName))}
          />
        </>
      ) : null}
      {access.isBillingManager && subscription.source === "trial" ? (
        <ConvertTrialDialog
          open={dialog === "convert"}
          tenantId={tenantId}
          subscription={subscription}
          onClose={onClose}
          onConverted={(result) => {
            done(c.convert.done(result.subscription.productName));
            // Converting may open a new paid subscription in the trial's place.
            if (result.subscription.id !== subscription.id) {
              navigate(`/t/${tenantId}/billing/subscriptions/${result.subscription.id}`);
            }
          }}
        />
      ) : null}
    </>
  );
}
