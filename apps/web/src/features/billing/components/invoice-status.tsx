import type { Invoice } from "@allot/contracts";
import { Badge } from "@fluentui/react-components";
import { useBillingTexts } from "../texts";

const COLOR = { open: "warning", paid: "success", void: "subtle" } as const;

/** Open, Paid or Void. */
export function InvoiceStatusBadge({ status }: { status: Invoice["status"] }) {
  const b = useBillingTexts();
  return (
    <Badge appearance="tint" color={COLOR[status]}>
      {b.invoices.status[status]}
    </Badge>
  );
}
