import { Button, Tooltip } from "@fluentui/react-components";
import { CheckmarkRegular, CopyRegular } from "@fluentui/react-icons";
import { useEffect, useState } from "react";
import { useI18n } from "@/lib/i18n";
import { LiveStatus } from "./visually-hidden";

/**
 * A small button beside a value in a list (a client id in a table) that copies it: named by `label` ("Copy the
 * client ID of Payroll sync"), its icon turning into a check mark for a moment, and "Copied" announced.
 */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), 2_000);
    return () => window.clearTimeout(timer);
  }, [copied]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <>
      <Tooltip content={label} relationship="label">
        <Button
          appearance="subtle"
          size="small"
          icon={copied ? <CheckmarkRegular /> : <CopyRegular />}
          onClick={copy}
        />
      </Tooltip>
      <LiveStatus message={copied ? t.common.copied : ""} />
    </>
  );
}
