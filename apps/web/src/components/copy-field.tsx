import { Button, Field, Input, Tooltip } from "@fluentui/react-components";
import { CopyRegular } from "@fluentui/react-icons";
import { useId, useState } from "react";
import { useI18n } from "@/lib/i18n";

/**
 * A read-only value (a temporary password, a client id) with a button that copies it. `copyLabel` names the button
 * where a page shows several ("Copy client secret"); plain "Copy" when left out.
 */
export function CopyField({
  label,
  value,
  hint,
  copyLabel,
  className,
}: {
  label: string;
  value: string;
  hint?: string;
  copyLabel?: string;
  className?: string;
}) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const statusId = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Field label={label} hint={hint} className={className}>
      <Input
        readOnly
        value={value}
        aria-describedby={statusId}
        onFocus={(event) => event.currentTarget.select()}
        contentAfter={
          <Tooltip content={copyLabel ?? t.common.copy} relationship="label">
            <Button appearance="transparent" size="small" icon={<CopyRegular />} onClick={copy} />
          </Tooltip>
        }
        style={{ fontFamily: "monospace" }}
      />
      <span id={statusId} role="status" aria-live="polite">
        {copied ? t.common.copied : ""}
      </span>
    </Field>
  );
}
