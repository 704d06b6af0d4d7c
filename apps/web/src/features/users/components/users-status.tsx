import { Button, Spinner, Text } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { useListPageStyles } from "@/components/list-page-styles";
import { LiveStatus } from "@/components/visually-hidden";
import { useI18n } from "@/lib/i18n";
import { useUsersTexts } from "../texts";

/** The line above the list: how many users it shows (announced), and how many are selected, with Clear selection. */
export function UsersStatus({
  statusText,
  refreshing,
  selectedCount,
  hiddenCount,
  onClearSelection,
}: {
  statusText: string;
  refreshing: boolean;
  selectedCount: number;
  /** Selected users the list does not show. */
  hiddenCount: number;
  onClearSelection: () => void;
}) {
  const list = useListPageStyles();
  const { formatNumber } = useI18n();
  const u = useUsersTexts();
  return (
    <div className={list.status}>
      <LiveStatus message={statusText} visible />
      {refreshing ? <Spinner size="extra-tiny" aria-hidden="true" /> : null}
      {selectedCount > 0 ? (
        <>
          <Text weight="semibold" role="status">
            {hiddenCount > 0
              ? u.list.selectedWithHidden(
                  selectedCount,
                  formatNumber(selectedCount),
                  hiddenCount,
                  formatNumber(hiddenCount),
                )
              : u.selectedCount(selectedCount, formatNumber(selectedCount))}
          </Text>
          <Button size="small" appearance="subtle" icon={<DismissRegular />} onClick={onClearSelection}>
            {u.clearSelection}
          </Button>
        </>
      ) : null}
    </div>
  );
}
