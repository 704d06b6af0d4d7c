import { Button, Spinner } from "@fluentui/react-components";

/**
 * A dialog's primary button: spins and says what it is doing while busy, and stays focusable (but inert) while busy
 * or not allowed, so a screen reader can still reach it and hear why.
 */
export function BusyButton({
  busy,
  label,
  busyLabel,
  disabled = false,
  onClick,
  type = "button",
  form,
}: {
  busy: boolean;
  label: string;
  busyLabel: string;
  disabled?: boolean;
  onClick?: () => void;
  type?: "button" | "submit";
  form?: string;
}) {
  return (
    <Button
      type={type}
      form={form}
      appearance="primary"
      onClick={onClick}
      disabledFocusable={busy || disabled}
      icon={busy ? <Spinner size="tiny" /> : undefined}
    >
      {busy ? busyLabel : label}
    </Button>
  );
}
