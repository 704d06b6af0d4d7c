import { Toast, Toaster, ToastTitle, useToastController } from "@fluentui/react-components";
import { useCallback } from "react";

const TOASTER_ID = "allot-toaster";

/** Where confirmations of finished operations appear (and are announced to screen readers). */
export function Notifications() {
  return <Toaster toasterId={TOASTER_ID} position="bottom-end" pauseOnHover pauseOnWindowBlur />;
}

export type NotifyIntent = "success" | "error" | "info" | "warning";

/** Shows a short confirmation such as "User deleted". */
export function useNotify() {
  const { dispatchToast } = useToastController(TOASTER_ID);
  return useCallback(
    (message: string, intent: NotifyIntent = "success") => {
      dispatchToast(
        <Toast>
          <ToastTitle>{message}</ToastTitle>
        </Toast>,
        { intent, timeout: intent === "error" ? 8000 : 4000 },
      );
    },
    [dispatchToast],
  );
}
