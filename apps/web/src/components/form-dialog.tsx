import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { type FormEvent, type ReactNode, useId } from "react";
import { useI18n } from "@/lib/i18n";
import { BusyButton } from "./busy-button";
import { DialogShell } from "./dialog-shell";
import { ErrorMessage } from "./error-message";

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
  /** False keeps the submit button focusable but inert; left out, every submit reaches `onConfirm`. */
  canConfirm?: boolean;
  /** Usually a react-hook-form `handleSubmit(save)`, which validates first. */
  onConfirm: () => void;
  /** The last failed submit's error that no field took, shown above the fields; null when there is none. */
  error?: unknown;
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
  /** The surface's class, for a wider dialog. */
  className?: string;
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
  canConfirm = true,
  onConfirm,
  onBlockedSubmit,
  onClose,
  error,
  unavailable,
  done,
  className,
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
  const actions = done ? (
    <Button appearance="primary" onClick={close}>
      {t.common.done}
    </Button>
  ) : (
    <>
      <Button onClick={close} disabled={busy}>
        {t.common.cancel}
      </Button>
      {unavailable ? null : (
        <BusyButton
          type="submit"
          form={formId}
          busy={busy}
          disabled={!canConfirm}
          label={confirmLabel}
          busyLabel={busyLabel}
        />
      )}
    </>
  );
  return (
    <DialogShell open={open} title={title} busy={busy} onClose={onClose} actions={actions} className={className}>
      {done || unavailable || (
        <form id={formId} className={styles.form} onSubmit={submit} noValidate>
          {error ? <ErrorMessage error={error} /> : null}
          {children}
        </form>
      )}
    </DialogShell>
  );
}
