import { Card, MessageBar, MessageBarBody, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import { useEffect, useId } from "react";
import { Navigate, useLocation, useNavigate, useSearchParams } from "react-router";
import { safeRedirect, signOutFinished, useMe } from "@/lib/auth";
import { isLanguage, LANGUAGES, useI18n } from "@/lib/i18n";
import { useLanguagePreference } from "@/lib/language";
import { SignInForm } from "../components/sign-in-form";

const useStyles = makeStyles({
  page: {
    minHeight: "100vh",
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    justifyContent: "center",
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  card: { width: "min(420px, 100%)", padding: tokens.spacingHorizontalXXL, gap: tokens.spacingVerticalL },
  heading: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  brand: { color: tokens.colorBrandForeground1 },
  title: { margin: 0 },
  language: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
});

export function SignInRoute() {
  const styles = useStyles();
  const { t } = useI18n();
  const { language, changeLanguage, syncAfterSignIn } = useLanguagePreference();
  const { data: me } = useMe();
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const languageId = useId();
  const redirectTo = safeRedirect(searchParams.get("redirectTo"));
  const state = location.state as { signedOut?: boolean; sessionEnded?: boolean } | null;

  useEffect(() => {
    document.title = `${t.auth.signInTitle} - Allot`;
  }, [t]);

  useEffect(signOutFinished, []);

  if (me) return <Navigate to={redirectTo} replace />;

  return (
    <main className={styles.page}>
      <Card className={styles.card}>
        <div className={styles.heading}>
          <Text size={500} weight="bold" className={styles.brand}>
            {t.common.appName}
          </Text>
          <Text as="h1" size={700} weight="semibold" className={styles.title}>
            {t.auth.signInTitle}
          </Text>
          <Text>{t.auth.signInSubtitle}</Text>
        </div>
        {state?.signedOut ? (
          <MessageBar intent="success">
            <MessageBarBody>{t.auth.signedOut}</MessageBarBody>
          </MessageBar>
        ) : state?.sessionEnded ? (
          <MessageBar intent="warning">
            <MessageBarBody>{t.auth.sessionEnded}</MessageBarBody>
          </MessageBar>
        ) : null}
        <SignInForm
          onSignedIn={(signedIn) => {
            syncAfterSignIn(signedIn);
            navigate(redirectTo, { replace: true });
          }}
        />
      </Card>
      <div className={styles.language}>
        <label htmlFor={languageId}>{t.language.label}</label>
        <Select
          id={languageId}
          value={language}
          onChange={(_, data) => {
            if (isLanguage(data.value)) changeLanguage(data.value);
          }}
        >
          {LANGUAGES.map((option) => (
            <option key={option} value={option} lang={option}>
              {t.language[option]}
            </option>
          ))}
        </Select>
      </div>
    </main>
  );
}
