import type { Subscription } from "@allot/contracts";
import { isUsable } from "@allot/domain";
import {
  Button,
  type ButtonProps,
  makeStyles,
  Toolbar,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { ArrowSyncRegular, DismissCircleRegular, PeopleEditRegular, RocketRegular } from "@fluentui/react-icons";
import { forwardRef } from "react";
import { GatedButton } from "@/components/gated-button";
import type { SubscriptionAccess } from "../hooks/use-subscription-access";
import { useBillingChangeTexts, useBillingTexts } from "../texts";

/** The dialogs a subscription's page opens: seats, renew (or reactivate), cancel, convert a trial. */
export type SubscriptionDialog = "seats" | "renew" | "cancel" | "convert";

const useStyles = makeStyles({
  toolbar: {
    marginInlineStart: `calc(-1 * ${tokens.spacingHorizontalS})`,
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    marginBottom: tokens.spacingVerticalM,
  },
});

/**
 * A button for a change the signed-in person may make on this subscription (a billing manager, or the maker who
 * bought it while it is not taken over); for the others the gated button, disabled with the roles it takes.
 */
const ManageButton = forwardRef<HTMLButtonElement, ButtonProps & { allowed: boolean }>(function ManageButton(
  { allowed, ...props },
  ref,
) {
  if (allowed) return <Button ref={ref} appearance="subtle" {...props} />;
  return <GatedButton ref={ref} action="billing.manage" appearance="subtle" {...props} />;
});

/**
 * The changes a subscription's state allows: seats while active, renew or reactivate (not a trial, not one that
 * renews by itself), convert a usable trial, cancel a usable one. Nothing once it is deleted.
 */
export function SubscriptionToolbar({
  subscription,
  access,
  onOpen,
}: {
  subscription: Subscription;
  access: SubscriptionAccess;
  onOpen: (dialog: SubscriptionDialog) => void;
}) {
  const styles = useStyles();
  const b = useBillingTexts();
  const c = useBillingChangeTexts();
  const restoreFocusTarget = useRestoreFocusTarget();
  const { state } = subscription;
  const isTrial = subscription.source === "trial";
  const live = isUsable(state);
  if (state === "deleted") return null;

  return (
    <Toolbar aria-label={b.subscription.actions} className={styles.toolbar}>
      {state === "active" ? (
        <ManageButton
          allowed={access.canManage}
          icon={<PeopleEditRegular />}
          onClick={() => onOpen("seats")}
          {...restoreFocusTarget}
        >
          {b.subscription.changeSeats}
        </ManageButton>
      ) : null}
      {isTrial ? null : state !== "active" || !subscription.autoRenew ? (
        <ManageButton
          allowed={access.canManage}
          icon={<ArrowSyncRegular />}
          onClick={() => onOpen("renew")}
          {...restoreFocusTarget}
        >
          {state === "active" ? c.renew.renewNow : c.renew.reactivate}
        </ManageButton>
      ) : null}
      {isTrial && live ? (
        <ManageButton
          allowed={access.isBillingManager}
          icon={<RocketRegular />}
          onClick={() => onOpen("convert")}
          {...restoreFocusTarget}
        >
          {c.convert.open}
        </ManageButton>
      ) : null}
      {live ? (
        <ManageButton
          allowed={access.canManage}
          icon={<DismissCircleRegular />}
          onClick={() => onOpen("cancel")}
          {...restoreFocusTarget}
        >
          {c.cancel.open}
        </ManageButton>
      ) : null}
    </Toolbar>
  );
}
