import { MessageBar, MessageBarBody, type MessageBarProps } from "@fluentui/react-components";
import { CopyField } from "@/components/copy-field";
import { useUsersTexts } from "../texts";

/**
 * The password a user was just given: a temporary one to copy and pass on (shown this once), or, when the admin typed
 * their own, a note saying so. Adding a user and resetting a password end with it.
 */
export function PasswordResult({
  temporaryPassword,
  ownPasswordNote,
  intent,
}: {
  temporaryPassword: string | null;
  ownPasswordNote: string;
  intent: MessageBarProps["intent"];
}) {
  const u = useUsersTexts();
  return temporaryPassword ? (
    <CopyField label={u.add.temporaryPassword} value={temporaryPassword} hint={u.add.temporaryPasswordHint} />
  ) : (
    <MessageBar intent={intent}>
      <MessageBarBody>{ownPasswordNote}</MessageBarBody>
    </MessageBar>
  );
}
