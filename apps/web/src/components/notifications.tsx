import { Toaster } from "@fluentui/react-components";
import { TOASTER_ID } from "./notify";

/**
 * The toaster of useNotify's confirmations; its own module so it can load after the first page. Centred at the top,
 * just below the top bar: the end of a table row holds its actions and the bottom of a panel its buttons, and a
 * confirmation must cover neither (a side panel opens at the end, full width on a phone).
 */
export default function Notifications() {
  return (
    <Toaster
      toasterId={TOASTER_ID}
      position="top"
      offset={{ top: { horizontal: 0, vertical: 56 } }}
      pauseOnHover
      pauseOnWindowBlur
    />
  );
}
