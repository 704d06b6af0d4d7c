import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { type ReactNode, useEffect } from "react";
import { useI18n } from "@/lib/i18n";
import { useCurrentTenant } from "@/lib/tenant";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalL,
  },
  title: { margin: 0 },
  description: { color: tokens.colorNeutralForeground2, maxWidth: "72ch" },
});

/** The page's one h1, its description, and the browser tab's title. */
export function PageHeader({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children?: ReactNode;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const tenant = useCurrentTenant()?.tenant;

  useEffect(() => {
    document.title = tenant ? t.pages.documentTitle(title, tenant.name) : `${title} - Allot`;
  }, [t, title, tenant]);

  return (
    <header className={styles.root}>
      <Text as="h1" size={700} weight="semibold" className={styles.title}>
        {title}
      </Text>
      {description ? <Text className={styles.description}>{description}</Text> : null}
      {children}
    </header>
  );
}
