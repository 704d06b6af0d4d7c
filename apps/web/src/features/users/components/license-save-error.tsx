import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { ErrorMessage } from "@/components/error-message";
import { ApiError } from "@/lib/api-client";
import { useUsersTexts } from "../texts";

/**
 * Why saving a user's licenses failed, above the Save button: a guest only a global admin may license, the errors
 * that name no product shown (those that do stand next to it), or the failure itself.
 */
export function LicenseSaveError({ error, generalErrors }: { error: Error; generalErrors: readonly string[] }) {
  const u = useUsersTexts();
  const guestRefused = error instanceof ApiError && error.code === "GuestRequiresGlobalAdmin";
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : [];
  if (fieldErrors.length === 0 && !guestRefused) {
    return <ErrorMessage error={error} title={u.userLicenses.saveFailed} />;
  }
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{u.userLicenses.saveFailed}</MessageBarTitle>
        {guestRefused
          ? u.userLicenses.guestOnlyGlobalAdmin
          : generalErrors.length > 0
            ? generalErrors.join(" ")
            : u.userLicenses.seeProducts}
      </MessageBarBody>
    </MessageBar>
  );
}
