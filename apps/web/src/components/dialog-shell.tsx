import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  type DialogProps,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { ReactNode } from "react";
import { useI18n } from "@/lib/i18n";

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
  /** A close button in the title bar too, for a long dialog whose own buttons may be scrolled away. */
  dismissible?: boolean;
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
  dismissible = false,
}: DialogShellProps) {
  const { t } = useI18n();
  const dismiss = dismissible ? (
    <Button
      appearance="subtle"
      aria-label={t.common.close}
      icon={<DismissRegular />}
      disabledFocusable={busy}
      onClick={onClose}
    />
  ) : undefined;
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
          <DialogTitle action={dismiss}>{title}</DialogTitle>
          <DialogContent className={contentClassName}>{children}</DialogContent>
          <DialogActions>{actions}</DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
