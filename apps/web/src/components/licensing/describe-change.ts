import type { BulkJob } from "@allot/contracts";
import type { LicensingTexts } from "./texts";

/** A bulk change in one line, e.g. "Add Power BI Pro (2 apps off) · Remove Visio": for job lists and job pages. */
export function describeBulkChange(
  change: Pick<BulkJob, "mode" | "add" | "remove">,
  l: LicensingTexts,
  productName: (skuId: string) => string,
): string {
  const added = change.add
    .map((license) =>
      license.disabledPlans.length > 0
        ? l.plansOff(productName(license.skuId), license.disabledPlans.length)
        : productName(license.skuId),
    )
    .join(", ");
  if (change.mode === "replace") return added ? l.changeReplace(added) : l.changeReplaceNone;
  const parts: string[] = [];
  if (added) parts.push(l.changeAdd(added));
  if (change.remove.length > 0) parts.push(l.changeRemove(change.remove.map((skuId) => productName(skuId)).join(", ")));
  return parts.join(" · ");
}
