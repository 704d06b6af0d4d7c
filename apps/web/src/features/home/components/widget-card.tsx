import {
  Card,
  CardHeader,
  makeStyles,
  mergeClasses,
  Skeleton,
  SkeletonItem,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { UseQueryResult } from "@tanstack/react-query";
import { type ReactNode, useId } from "react";
import { errorMessage } from "@/lib/errors";
import { useI18n } from "@/lib/i18n";

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalS },
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, flexGrow: 1 },
  footer: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL },
});

export const useWidgetStyles = makeStyles({
  number: {
    fontSize: tokens.fontSizeHero800,
    lineHeight: tokens.lineHeightHero800,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

/**
 * A Home widget: a titled card (a region named by its heading) showing one query's data, a skeleton while it
 * loads and the error in words if it fails, with links to the page that has the details.
 */
export function WidgetCard<T>({
  title,
  query,
  loadingLabel,
  className,
  links,
  children,
}: {
  title: string;
  query: UseQueryResult<T>;
  loadingLabel: string;
  className?: string;
  links?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const headingId = useId();
  return (
    <Card
      className={mergeClasses(styles.card, className)}
      role="region"
      aria-labelledby={headingId}
      aria-busy={query.isPending}
    >
      <CardHeader
        header={
          <Text as="h2" id={headingId} weight="semibold" size={400}>
            {title}
          </Text>
        }
      />
      <div className={styles.body}>
        {query.isPending ? (
          <Skeleton aria-label={loadingLabel}>
            <SkeletonItem size={40} />
          </Skeleton>
        ) : query.isError ? (
          <Text role="alert">{errorMessage(query.error, t)}</Text>
        ) : (
          children(query.data)
        )}
      </div>
      {links ? <div className={styles.footer}>{links}</div> : null}
    </Card>
  );
}
