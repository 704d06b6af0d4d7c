import type { BulkJob } from "@allot/contracts";
import type { Messages } from "@/lib/i18n";

/** A bulk change in one line, e.g. "Add Power BI Pro (2 apps off) · Remove Visio": for job lists and job pages. */
export function describeBulkChange(
  change: Pick<BulkJob, "mode" | "add" | "remove">,
  t: Messages,
  productName: (skuId: string) => string,
): string {
  const added = change.add
    .map((license) =>
      license.disabledPlans.length > 0
        ? t.licensing.plansOff(productName(license.skuId), license.disabledPlans.length)
        : productName(license.skuId),
    )
    .join(", ");
  if (change.mode === "replace") return added ? t.licensing.changeReplace(added) : t.licensing.changeReplaceNone;
  const parts: string[] = [];
  if (added) parts.push(t.licensing.changeAdd(added));
  if (change.remove.length > 0)
    parts.push(t.licensing.changeRemove(change.remove.map((skuId) => productName(skuId)).join(", ")));
  return parts.join(" · ");
}
