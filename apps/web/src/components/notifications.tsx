import { Toaster } from "@fluentui/react-components";
import { TOASTER_ID } from "./notify";

/** The toaster of useNotify's confirmations; its own module so it can load after the first page. */
export default function Notifications() {
  return <Toaster toasterId={TOASTER_ID} position="bottom-end" pauseOnHover pauseOnWindowBlur />;
}
