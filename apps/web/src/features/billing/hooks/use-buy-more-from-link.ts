import type { Subscription } from "@allot/contracts";
import { useEffect, useRef, useState } from "react";
import type { useQueryParams } from "@/lib/hooks";
import { useSubscription } from "../api/get-subscription";
import { buyMoreTarget, seatsFromLink } from "../utils/buy-more-link";

export interface BuyMoreFromLink {
  /** The product a link asks to buy more of (`?buy=<skuId>`), to preselect in the buy dialog. */
  skuId: string | undefined;
  /** The seats it asks for (`&seats=<n>`). */
  seats: number | undefined;
  /** No subscription to add to or trial to convert: the buy dialog opens. */
  buyOpen: boolean;
  /** The subscriptions to add licenses to, while that dialog is open. */
  addOpen: boolean;
  addTargets: readonly Subscription[];
  /** The trial to convert, while that dialog is open. */
  convertOpen: boolean;
  trial: Subscription | null;
  /** Closes whichever buy dialog the link opened, and takes the link's parameters off the address. */
  closeBuy: () => void;
  /** The subscription to renew or reactivate: picked on the page (`openRenew`) or by a link (`?renew=<id>`). */
  renewSubscription: Subscription | null;
  openRenew: (subscription: Subscription) => void;
  closeRenew: () => void;
}

/**
 * The billing page's dialogs opened by a link from elsewhere: "buy more" of a product (`?buy=<skuId>&seats=<n>`)
 * and renewing a subscription (`?renew=<subscriptionId>`), for those who may manage billing. A link's dialog opens
 * one render after the page, once the app has moved focus to the new page: the dialog then takes focus from there
 * and gives it back to the page when it closes.
 */
export function useBuyMoreFromLink(
  tenantId: string,
  canManage: boolean,
  subscriptions: readonly Subscription[] | undefined,
  /** The page's query parameters (useQueryParams), shared with its other parameters such as the tab. */
  [params, setParams]: ReturnType<typeof useQueryParams>,
): BuyMoreFromLink {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    // Opened by its address with such a link (nothing focused yet): focus returns to the page when the dialog closes.
    const fromLink = ["buy", "renew"].some((name) => new URLSearchParams(window.location.search).has(name));
    if (fromLink && document.activeElement === document.body) {
      document.getElementById("main")?.focus({ preventScroll: true });
    }
    setReady(true);
  }, []);

  const buyParam = params.get("buy");
  const target =
    buyParam !== null && canManage && ready && subscriptions ? buyMoreTarget(subscriptions, buyParam) : null;
  // Kept while a dialog closes, so its content does not go blank during the exit animation.
  const shownAddTargets = useRef<readonly Subscription[]>([]);
  if (target?.kind === "addToSubscription") shownAddTargets.current = target.subscriptions;
  const shownTrial = useRef<Subscription | null>(null);
  if (target?.kind === "convertTrial") shownTrial.current = target.trial;

  const renewParam = params.get("renew");
  const [renewTarget, setRenewTarget] = useState<Subscription | null>(null);
  const renewFromUrl = useSubscription(tenantId, canManage && !renewTarget ? renewParam : null);

  return {
    skuId: buyParam ?? undefined,
    seats: seatsFromLink(params.get("seats")),
    buyOpen: target?.kind === "buy",
    addOpen: target?.kind === "addToSubscription",
    addTargets: shownAddTargets.current,
    convertOpen: target?.kind === "convertTrial",
    trial: shownTrial.current,
    closeBuy: () => {
      if (buyParam !== null) setParams({ buy: undefined, seats: undefined });
    },
    renewSubscription: renewTarget ?? (renewParam && canManage && ready ? (renewFromUrl.data ?? null) : null),
    openRenew: setRenewTarget,
    closeRenew: () => {
      setRenewTarget(null);
      if (renewParam !== null) setParams({ renew: undefined });
    },
  };
}
