import { Button, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { useI18n } from "@/lib/i18n";

const useStyles = makeStyles({
  root: { display: "flex", justifyContent: "center", padding: tokens.spacingVerticalM },
});

/** The keyset-paging control under a list: fetches the page after the last cursor. */
export function LoadMore({
  hasMore,
  loading,
  onLoadMore,
}: {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  if (!hasMore) return null;
  return (
    <div className={styles.root}>
      <Button
        onClick={onLoadMore}
        disabledFocusable={loading}
        icon={loading ? <Spinner size="tiny" /> : undefined}
        aria-live="polite"
      >
        {loading ? t.common.loadingMore : t.common.loadMore}
      </Button>
    </div>
  );
}
