import type { SubscribedSku } from "@allot/contracts";
import { ProgressBar } from "@fluentui/react-components";
import { usageBarColor } from "@/lib/licensing/subscribed-skus";
import { useLicensesTexts } from "../texts";

/** Seats that can be assigned from: enabled ones plus those in the grace period after expiry. */
export function seatTotal(sku: Pick<SubscribedSku, "prepaidUnits">): number {
  return sku.prepaidUnits.enabled + sku.prepaidUnits.warning;
}

export function inConflict(sku: Pick<SubscribedSku, "conflicts" | "available">): boolean {
  return sku.conflicts > 0 || sku.available < 0;
}

/** Assigned of total seats as a bar, coloured as on Home: red in conflict (more holders than seats), amber when full. */
export function UsageBar({ sku, className }: { sku: SubscribedSku; className?: string }) {
  const lt = useLicensesTexts();
  const total = seatTotal(sku);
  const color = usageBarColor(sku);
  return (
    <ProgressBar
      className={className}
      value={Math.min(sku.consumedUnits, Math.max(total, 1))}
      max={Math.max(total, 1)}
      color={color}
      thickness="large"
      aria-label={lt.usageLabel(sku.displayName, sku.consumedUnits, total)}
    />
  );
}
