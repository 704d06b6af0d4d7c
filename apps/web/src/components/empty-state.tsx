import { makeStyles, Text, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    textAlign: "center",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalXL}`,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  icon: {
    fontSize: "48px",
    color: tokens.colorBrandForeground1,
    display: "flex",
  },
  title: { margin: 0 },
  body: { maxWidth: "60ch", color: tokens.colorNeutralForeground2 },
});

/** What a person sees where a list or a whole area has nothing to show yet, and what will appear there. */
export function EmptyState({
  icon,
  title,
  children,
  actions,
  headingLevel = "h2",
}: {
  icon: ReactNode;
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
  headingLevel?: "h2" | "h3";
}) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label={title}>
      <span className={styles.icon} aria-hidden="true">
        {icon}
      </span>
      <Text as={headingLevel} size={500} weight="semibold" className={styles.title}>
        {title}
      </Text>
      {children ? <Text className={styles.body}>{children}</Text> : null}
      {actions}
    </section>
  );
}
