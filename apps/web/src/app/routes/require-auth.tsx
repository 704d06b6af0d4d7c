import { makeStyles, tokens } from "@fluentui/react-components";
import { useRef } from "react";
import { Navigate, Outlet, useLocation } from "react-router";
import { ErrorMessage } from "@/components/error-message";
import { PageSpinner } from "@/components/page-spinner";
import { isSigningOut, useMe } from "@/lib/auth";
import { useI18n } from "@/lib/i18n";

const useStyles = makeStyles({ error: { padding: tokens.spacingHorizontalXXL } });

export const CHANGE_PASSWORD_PATH = "/account/password";

/**
 * Renders the signed-in part of the app, or sends the visitor to the sign-in page and back afterwards. A user who
 * signed in with a one-time password is sent to choose a new one first, whatever page they asked for.
 */
export function RequireAuth() {
  const styles = useStyles();
  const { t } = useI18n();
  const me = useMe();
  const location = useLocation();
  const wasSignedIn = useRef(false);

  if (me.isPending) return <PageSpinner label={t.common.loading} />;
  if (me.isError) {
    return (
      <main className={styles.error}>
        <ErrorMessage error={me.error} onRetry={() => me.refetch()} />
      </main>
    );
  }
  if (!me.data) {
    if (isSigningOut()) return null;
    const redirectTo = `${location.pathname}${location.search}`;
    const search = redirectTo === "/" ? "" : `?redirectTo=${encodeURIComponent(redirectTo)}`;
    return <Navigate to={`/sign-in${search}`} replace state={{ sessionEnded: wasSignedIn.current }} />;
  }
  wasSignedIn.current = true;
  if (me.data.user.passwordChangeRequired && location.pathname !== CHANGE_PASSWORD_PATH) {
    const redirectTo = `${location.pathname}${location.search}`;
    const search = redirectTo === "/" ? "" : `?redirectTo=${encodeURIComponent(redirectTo)}`;
    return <Navigate to={`${CHANGE_PASSWORD_PATH}${search}`} replace />;
  }
  return <Outlet />;
}
