import { type Action, PERMISSIONS, TENANT_ROLES } from "@allot/domain";
import { Button, type ButtonProps, Tooltip } from "@fluentui/react-components";
import { forwardRef } from "react";
import { type Messages, useI18n } from "@/lib/i18n";
import { useTenant } from "@/lib/tenant";

/** The tenant roles that grant an action, named in the current language, from the one permission matrix. */
export function rolesGranting(action: Action, t: Messages): string {
  return TENANT_ROLES.filter((role) => PERMISSIONS[role].has(action))
    .map((role) => t.roles[role])
    .join(", ");
}

/** Whether the signed-in user may do `action` here and, if not, the sentence saying which role it takes. */
export function useActionGate(action: Action): { allowed: boolean; reason: string } {
  const { t } = useI18n();
  const context = useTenant();
  const allowed = context.can(action);
  return { allowed, reason: allowed ? "" : t.common.requiresRole(rolesGranting(action, t)) };
}

/**
 * A button for something only some roles may do. For the others it stays visible but disabled (still focusable,
 * so keyboard and screen-reader users reach the tooltip that says which role is needed).
 */
export const GatedButton = forwardRef<HTMLButtonElement, ButtonProps & { action: Action }>(function GatedButton(
  { action, ...props },
  ref,
) {
  const gate = useActionGate(action);
  if (gate.allowed) return <Button ref={ref} {...props} />;
  return (
    <Tooltip content={gate.reason} relationship="description" withArrow>
      <Button ref={ref} {...props} onClick={undefined} disabledFocusable />
    </Tooltip>
  );
});
