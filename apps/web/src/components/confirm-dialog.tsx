import { Button } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useI18n } from "@/lib/i18n";
import { BusyButton } from "./busy-button";
import { DialogShell } from "./dialog-shell";

/** A modal question before something that cannot simply be undone. Escape or Cancel closes it. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  busyLabel,
  busy = false,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** The button that leaves things as they are; "Cancel" unless that would be ambiguous ("Keep subscription"). */
  cancelLabel?: string;
  busyLabel?: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <DialogShell
      open={open}
      modalType="alert"
      title={title}
      busy={busy}
      onClose={onCancel}
      actions={
        <>
          <Button appearance="secondary" onClick={onCancel} disabled={busy}>
            {cancelLabel ?? t.common.cancel}
          </Button>
          <BusyButton busy={busy} label={confirmLabel} busyLabel={busyLabel ?? confirmLabel} onClick={onConfirm} />
        </>
      }
    >
      {children}
    </DialogShell>
  );
}
