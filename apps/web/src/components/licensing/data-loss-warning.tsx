import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useLicensingTexts } from "./texts";

/**
 * What removing licenses does to the users' data, in the one wording every remove path uses (a user's licenses,
 * a bulk change, a group, a product page, reclaiming, conflicts, a self-service buyer's seats). `licenses` and
 * `users` choose the plurals; null when the count is not known (e.g. "remove every license").
 */
export function DataLossWarning({ licenses, users }: { licenses: number | null; users: number | null }) {
  const l = useLicensingTexts();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{l.dataLoss.title}</MessageBarTitle>
        <span>{l.dataLoss.body(licenses, users)}</span>
      </MessageBarBody>
    </MessageBar>
  );
}
