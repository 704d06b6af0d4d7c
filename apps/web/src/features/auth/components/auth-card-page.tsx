import { Card, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import { type ReactNode, useId } from "react";
import { isLanguage, LANGUAGES, useI18n } from "@/lib/i18n";
import { useLanguagePreference } from "@/lib/language";

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

/** The sign-in page's frame, without the shell: the brand, a heading, the card's content and a language choice. */
export function AuthCardPage({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const { language, changeLanguage } = useLanguagePreference();
  const languageId = useId();
  return (
    <main className={styles.page}>
      <Card className={styles.card}>
        <div className={styles.heading}>
          <Text size={500} weight="bold" className={styles.brand}>
            {t.common.appName}
          </Text>
          <Text as="h1" size={700} weight="semibold" className={styles.title}>
            {title}
          </Text>
          {subtitle ? <Text>{subtitle}</Text> : null}
        </div>
        {children}
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
