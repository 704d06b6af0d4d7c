import { type CapacityShortfall, capacityShortfallSchema } from "@allot/contracts";
import { MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { errorMessage } from "@/lib/errors";
import { useI18n } from "@/lib/i18n";
import { problemExtension } from "../api/problem";
import { type PowerPlatformTexts, usePowerPlatformTexts } from "../texts";

/** "2 more Process or Unattended RPA units needed in Production": one line per number of units missing. */
export function shortfallLines(
  shortfall: CapacityShortfall["shortfall"],
  environment: string,
  p: PowerPlatformTexts,
): string[] {
  const byUnits = new Map<number, string[]>();
  for (const item of shortfall) {
    const names = byUnits.get(item.units) ?? [];
    const name = p.capacityTypes[item.capacityType];
    if (!names.includes(name)) names.push(name);
    byUnits.set(item.units, names);
  }
  return [...byUnits].map(([units, names]) => p.shortfall(units, names, environment));
}

/**
 * A refusal for want of capacity (CapacityNotAvailable): the error's words, the units missing in the environment,
 * and an action (allocate capacity); any other error in words.
 */
export function CapacityErrorMessage({
  error,
  environment,
  action,
}: {
  error: unknown;
  environment: string;
  action?: ReactNode;
}) {
  const { t } = useI18n();
  const p = usePowerPlatformTexts();
  const extension = problemExtension(error, "CapacityNotAvailable", capacityShortfallSchema);
  const lines = extension ? shortfallLines(extension.shortfall, environment, p) : [];
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{errorMessage(error, t)}</MessageBarTitle>
        {lines.map((line) => (
          <div key={line}>{line}</div>
        ))}
      </MessageBarBody>
      {extension && action ? <MessageBarActions>{action}</MessageBarActions> : null}
    </MessageBar>
  );
}
