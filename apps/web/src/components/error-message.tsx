import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { ApiError } from "@/lib/api-client";
import { errorMessage } from "@/lib/errors";
import { useI18n } from "@/lib/i18n";

/** An error from an API call, in words, with the request id support needs and an optional retry. */
export function ErrorMessage({ error, title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const { t } = useI18n();
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        {title ? <MessageBarTitle>{title}</MessageBarTitle> : null}
        {errorMessage(error, t)}
        {requestId ? <div>{t.common.requestId(requestId)}</div> : null}
      </MessageBarBody>
      {onRetry ? (
        <MessageBarActions>
          <Button onClick={onRetry}>{t.common.retry}</Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
