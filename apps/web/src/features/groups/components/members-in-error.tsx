import type { GroupLicenses } from "@allot/contracts";
import { MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text } from "@fluentui/react-components";
import { ArrowSyncRegular } from "@fluentui/react-icons";
import { type DataColumn, DataTable } from "@/components/data-table";
import { GatedButton } from "@/components/gated-button";
import { useI18n } from "@/lib/i18n";
import { useGroupsTexts } from "../texts";
import { violationText } from "./license-errors";
import { useSectionStyles } from "./section-styles";

type MemberInError = GroupLicenses["membersWithLicenseErrors"][number];

/** The members the group's licenses could not be given to, and why, with Reprocess once the reason is fixed. */
export function MembersInError({
  licenses,
  nameOf,
  reprocessing,
  onReprocess,
}: {
  licenses: GroupLicenses;
  nameOf: (skuId: string) => string;
  reprocessing: boolean;
  onReprocess: () => void;
}) {
  const styles = useSectionStyles();
  const { t, formatNumber } = useI18n();
  const g = useGroupsTexts();
  const count = licenses.membersWithLicenseErrorsCount;
  const listed = licenses.membersWithLicenseErrors;
  const columns: Array<DataColumn<MemberInError>> = [
    { id: "member", header: g.licenses.member, className: styles.wrap, cell: (row) => row.displayName },
    { id: "product", header: g.licenses.product, className: styles.wrap, cell: (row) => nameOf(row.skuId) },
    {
      id: "reason",
      header: g.licenses.reason,
      className: styles.wrap,
      cell: (row) => violationText(row.error, t, g.licenses.unknownReason),
    },
  ];

  if (licenses.assignedLicenses.length === 0 && count === 0) return null;
  if (count === 0) {
    return <Text>{g.licenses.allApplied(licenses.memberCount, formatNumber(licenses.memberCount))}</Text>;
  }
  return (
    <>
      <Text as="h4" weight="semibold" size={300} className={styles.subheading}>
        {g.licenses.errorsTitle}
      </Text>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{g.licenses.errorsSummary(count, formatNumber(count))}</MessageBarTitle>
          {g.licenses.errorsHint}
        </MessageBarBody>
      </MessageBar>
      <div className={styles.actions}>
        <GatedButton
          action="licenses.assign"
          icon={reprocessing ? <Spinner size="tiny" /> : <ArrowSyncRegular />}
          disabledFocusable={reprocessing}
          onClick={onReprocess}
        >
          {reprocessing ? g.licenses.reprocessing : g.licenses.reprocess}
        </GatedButton>
      </div>
      <DataTable
        label={g.licenses.errorsTitle}
        size="small"
        columns={columns}
        rows={listed}
        rowKey={(row) => `${row.userId}:${row.skuId}`}
      />
      {count > listed.length ? (
        <Text size={200} className={styles.muted}>
          {g.licenses.errorsTruncated(formatNumber(listed.length), formatNumber(count))}
        </Text>
      ) : null}
    </>
  );
}
