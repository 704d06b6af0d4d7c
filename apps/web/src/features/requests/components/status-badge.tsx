import type { LicenseRequest } from "@allot/contracts";
import { Badge } from "@fluentui/react-components";
import { useRequestsTexts } from "../texts";

const COLORS = {
  pending: "warning",
  approved: "success",
  denied: "danger",
  cancelled: "subtle",
} as const satisfies Record<LicenseRequest["status"], string>;

/** A request's status as a coloured badge with its word (colour is never the only cue). */
export function RequestStatusBadge({ status }: { status: LicenseRequest["status"] }) {
  const tx = useRequestsTexts();
  return (
    <Badge appearance="tint" color={COLORS[status]}>
      {tx.status[status]}
    </Badge>
  );
}
