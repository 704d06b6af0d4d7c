import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect } from "react";
import { Navigate, useLocation, useNavigate, useSearchParams } from "react-router";
import { safeRedirect, signOutFinished, useMe } from "@/lib/auth";
import { useLanguagePreference } from "@/lib/language";
import { useSetupStatus } from "../api/setup-status";
import { AuthCardPage } from "../components/auth-card-page";
import { SignInForm } from "../components/sign-in-form";
import { useAuthTexts } from "../texts";

const useStyles = makeStyles({
  command: {
    display: "block",
    marginBlock: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    fontFamily: tokens.fontFamilyMonospace,
    overflowWrap: "anywhere",
  },
});

export function SignInRoute() {
  const styles = useStyles();
  const a = useAuthTexts();
  const { syncAfterSignIn } = useLanguagePreference();
  const { data: me } = useMe();
  const setup = useSetupStatus();
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const redirectTo = safeRedirect(searchParams.get("redirectTo"));
  const state = location.state as { signedOut?: boolean; sessionEnded?: boolean } | null;

  useEffect(() => {
    document.title = `${a.signInTitle} - Allot`;
  }, [a]);

  useEffect(signOutFinished, []);

  if (me) return <Navigate to={redirectTo} replace />;

  return (
    <AuthCardPage title={a.signInTitle} subtitle={a.signInSubtitle}>
      {setup.data?.required ? (
        // No organization yet: nobody can sign in until the server's first-run setup created one.
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{a.setupTitle}</MessageBarTitle>
            {a.setupBody}
            <code className={styles.command}>{a.setupCommand}</code>
            {a.setupAfter}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {state?.signedOut ? (
        <MessageBar intent="success">
          <MessageBarBody>{a.signedOut}</MessageBarBody>
        </MessageBar>
      ) : state?.sessionEnded ? (
        <MessageBar intent="warning">
          <MessageBarBody>{a.sessionEnded}</MessageBarBody>
        </MessageBar>
      ) : null}
      <SignInForm
        onSignedIn={(signedIn) => {
          syncAfterSignIn(signedIn);
          navigate(redirectTo, { replace: true });
        }}
      />
    </AuthCardPage>
  );
}
