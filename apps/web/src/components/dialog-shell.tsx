import {
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  type DialogProps,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import type { ReactNode } from "react";

interface DialogShellProps {
  open: boolean;
  title: ReactNode;
  children: ReactNode;
  /** The buttons, primary last. */
  actions: ReactNode;
  /** While busy, Escape and a click outside leave the dialog open (Cancel is disabled by the caller). */
  busy?: boolean;
  onClose: () => void;
  /** "alert" for a question before something that cannot simply be undone. */
  modalType?: DialogProps["modalType"];
  /** The surface's class, for a wider dialog. */
  className?: string;
  /** The content's class (its layout). */
  contentClassName?: string;
}

/**
 * The one dialog frame: title, content, actions; Escape or a click outside closes it unless busy. Every dialog of
 * the app is one of `FormDialog` (a form with a submit), `ConfirmDialog` (a question) or this shell directly (a
 * dialog whose steps change its buttons, such as a bulk job with progress).
 */
export function DialogShell({
  open,
  title,
  children,
  actions,
  busy = false,
  onClose,
  modalType,
  className,
  contentClassName,
}: DialogShellProps) {
  return (
    <Dialog
      open={open}
      modalType={modalType}
      onOpenChange={(_, data) => {
        if (!data.open && !busy) onClose();
      }}
    >
      <DialogSurface className={className}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={contentClassName}>{children}</DialogContent>
          <DialogActions>{actions}</DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
