import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { ErrorMessage } from "@/components/error-message";
import { ApiError } from "@/lib/api-client";
import { useI18n } from "@/lib/i18n";

/**
 * Why saving a user's licenses failed, above the Save button: a guest only a global admin may license, the errors
 * that name no product shown (those that do stand next to it), or the failure itself.
 */
export function LicenseSaveError({ error, generalErrors }: { error: Error; generalErrors: readonly string[] }) {
  const { t } = useI18n();
  const guestRefused = error instanceof ApiError && error.code === "GuestRequiresGlobalAdmin";
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : [];
  if (fieldErrors.length === 0 && !guestRefused) {
    return <ErrorMessage error={error} title={t.userLicenses.saveFailed} />;
  }
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t.userLicenses.saveFailed}</MessageBarTitle>
        {guestRefused
          ? t.userLicenses.guestOnlyGlobalAdmin
          : generalErrors.length > 0
            ? generalErrors.join(" ")
            : t.userLicenses.seeProducts}
      </MessageBarBody>
    </MessageBar>
  );
}
