import { Toast, ToastTitle, useToastController } from "@fluentui/react-components";
import { lazy, useCallback } from "react";

export const TOASTER_ID = "allot-toaster";

/**
 * Where confirmations of finished operations appear (and are announced to screen readers). Loaded after the first
 * page, to keep the first route's JavaScript under its budget; nothing is confirmed before a page has loaded anyway.
 */
export const Notifications = lazy(() => import("./notifications"));

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
