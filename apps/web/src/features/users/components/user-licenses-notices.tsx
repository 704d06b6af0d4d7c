import type { User } from "@allot/contracts";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { UsageLocationFix } from "@/components/licensing/usage-location-fix";
import { useUsersTexts } from "../texts";

/**
 * What stands above a user's licenses: why they are read-only (a guest only a global admin may license, or the
 * admin's roles), and a missing usage location with the field to set it.
 */
export function UserLicensesNotices({
  tenantId,
  user,
  guestBlocked,
  gate,
  onUsageLocationSet,
}: {
  tenantId: string;
  user: User;
  guestBlocked: boolean;
  gate: { allowed: boolean; reason: string };
  onUsageLocationSet: () => void;
}) {
  const u = useUsersTexts();
  return (
    <>
      {guestBlocked ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{u.userLicenses.guestOnlyGlobalAdmin}</MessageBarBody>
        </MessageBar>
      ) : !gate.allowed ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{u.userLicenses.readOnly(gate.reason)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {user.usageLocation === null ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{u.userLicenses.usageLocationTitle}</MessageBarTitle>
            {u.userLicenses.usageLocationBody}
            <UsageLocationFix
              tenantId={tenantId}
              userId={user.id}
              userName={user.displayName}
              user={user}
              onSet={onUsageLocationSet}
            />
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}
