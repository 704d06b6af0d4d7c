import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { safeRedirect, useLogout, useMe } from "@/lib/auth";
import { useI18n } from "@/lib/i18n";
import { AuthCardPage } from "../components/auth-card-page";
import { ChangePasswordForm } from "../components/change-password-form";
import { useAuthTexts } from "../texts";

const useStyles = makeStyles({
  actions: { display: "flex", justifyContent: "flex-end", gap: tokens.spacingHorizontalS },
});

/**
 * Changing one's own password. After a sign-in with a one-time password (first-run setup, or an admin's reset that
 * asked for it) the app sends every page here until it is done, and offers only signing out besides.
 */
export function ChangePasswordRoute() {
  const styles = useStyles();
  const { t } = useI18n();
  const a = useAuthTexts();
  const { data: me } = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const redirectTo = safeRedirect(searchParams.get("redirectTo"));
  const forced = me?.user.passwordChangeRequired === true;

  useEffect(() => {
    document.title = `${a.changeTitle} - Allot`;
  }, [a]);

  return (
    <AuthCardPage title={a.changeTitle} subtitle={forced ? a.forcedIntro : a.voluntaryIntro}>
      <ChangePasswordForm forced={forced} onChanged={() => navigate(redirectTo, { replace: true })} />
      <div className={styles.actions}>
        {forced ? (
          <Button appearance="subtle" onClick={() => logout.mutate()} disabled={logout.isPending}>
            {t.auth.signOut}
          </Button>
        ) : (
          <Button appearance="subtle" onClick={() => navigate(redirectTo)}>
            {a.back}
          </Button>
        )}
      </div>
    </AuthCardPage>
  );
}
