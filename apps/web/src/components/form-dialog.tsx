import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { type FormEvent, type ReactNode, useId } from "react";
import { useI18n } from "@/lib/i18n";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

interface FormDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  busy: boolean;
  canConfirm: boolean;
  onConfirm: () => void;
  /**
   * Called instead of `onConfirm` when Enter submits the form while it cannot be confirmed, so the dialog can show
   * what is missing. Left out, such a submit does nothing.
   */
  onBlockedSubmit?: () => void;
  onClose: () => void;
  /**
   * Shown in place of the form while there is nothing to submit (its choices still loading, failed to load, or none
   * left); only Cancel remains.
   */
  unavailable?: ReactNode;
  /** Once the form went through: shown in place of it, with a single primary "Done" that closes the dialog. */
  done?: ReactNode;
}

/**
 * A modal form with its title, Cancel, and a primary submit button that spins while busy and stays disabled (but
 * focusable) while the form cannot be confirmed. Enter in the form submits; Escape or Cancel closes unless busy.
 */
export function FormDialog({
  open,
  title,
  children,
  confirmLabel,
  busyLabel,
  busy,
  canConfirm,
  onConfirm,
  onBlockedSubmit,
  onClose,
  unavailable,
  done,
}: FormDialogProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const formId = useId();
  const close = () => {
    if (!busy) onClose();
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (canConfirm) onConfirm();
    else onBlockedSubmit?.();
  };
  return (
    <Dialog open={open} onOpenChange={(_, data) => (data.open ? undefined : close())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            {done || unavailable || (
              <form id={formId} className={styles.form} onSubmit={submit} noValidate>
                {children}
              </form>
            )}
          </DialogContent>
          <DialogActions>
            {done ? (
              <Button appearance="primary" onClick={close}>
                {t.common.done}
              </Button>
            ) : (
              <>
                <Button onClick={close} disabled={busy}>
                  {t.common.cancel}
                </Button>
                {unavailable ? null : (
                  <Button
                    type="submit"
                    form={formId}
                    appearance="primary"
                    disabledFocusable={busy || !canConfirm}
                    icon={busy ? <Spinner size="tiny" /> : undefined}
                  >
                    {busy ? busyLabel : confirmLabel}
                  </Button>
                )}
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
