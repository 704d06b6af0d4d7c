import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Spinner,
  Text,
  Toolbar,
  ToolbarButton,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowClockwiseRegular,
  ArrowUploadRegular,
  KeyMultipleRegular,
  PersonArrowLeftRegular,
  WarningRegular,
} from "@fluentui/react-icons";
import { type ComponentProps, useId } from "react";
import { useNavigate } from "react-router";
import { CsvExportButton } from "@/components/csv-export-button";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { useListPageStyles } from "@/components/list-page-styles";
import { PageHeader } from "@/components/page-header";
import { LiveStatus } from "@/components/visually-hidden";
import { buildUrl, tenantPath } from "@/lib/api-client";
import { useI18n } from "@/lib/i18n";
import { useSubscribedSkus } from "@/lib/licensing/subscribed-skus";
import { useTenant } from "@/lib/tenant";
import { ProductsTable } from "../components/products-table";
import { RecentJobs } from "../components/recent-jobs";
import { inConflict } from "../components/usage-bar";
import { useLicensesTexts } from "../texts";

const useStyles = makeStyles({
  toolbar: {
    marginInlineStart: `calc(-1 * ${tokens.spacingHorizontalS})`,
    flexWrap: "wrap",
    marginBottom: tokens.spacingVerticalS,
  },
  sections: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXL },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  hint: { color: tokens.colorNeutralForeground2 },
  banner: { marginBottom: tokens.spacingVerticalM },
});

/** Billing › Licenses: every product with its seats and usage, conflicts, and the latest bulk changes. */
export function LicensesRoute() {
  const styles = useStyles();
  const { t } = useI18n();
  const lt = useLicensesTexts();
  const context = useTenant();
  const tenantId = context.tenant.id;
  const navigate = useNavigate();
  const skus = useSubscribedSkus(tenantId);

  const all = skus.data ?? [];
  const userSkus = all.filter((sku) => sku.appliesTo === "User");
  const capacitySkus = all.filter((sku) => sku.appliesTo === "Company");
  // As the conflicts page counts them: products short of seats, and products whose holders sit on expired seats.
  const conflicted = all.filter((sku) => inConflict(sku) || sku.expiring > 0).length;
  const conflictsPath = `/t/${tenantId}/licenses/conflicts`;
  const reclaimPath = `/t/${tenantId}/licenses/reclaim`;

  return (
    <>
      <PageHeader title={lt.title} description={lt.description} />
      <Toolbar aria-label={lt.commands} className={styles.toolbar}>
        <ToolbarButton icon={<WarningRegular />} onClick={() => navigate(conflictsPath)}>
          {conflicted > 0 ? lt.conflictsWithCount(conflicted) : lt.conflicts}
        </ToolbarButton>
        <ToolbarButton icon={<PersonArrowLeftRegular />} onClick={() => navigate(reclaimPath)}>
          {lt.reclaim}
        </ToolbarButton>
        {/* The license assignment CSV: export it, edit it, import it through Verify → Preview → Apply. */}
        <CsvExportButton
          label={lt.exportAssignments}
          hrefFor={(delimiter) => buildUrl(tenantPath(tenantId, "licenses", "assignments", "export"), { delimiter })}
        />
        {context.can("licenses.assign") ? (
          <ToolbarButton icon={<ArrowUploadRegular />} onClick={() => navigate(`/t/${tenantId}/licenses/import`)}>
            {lt.importAssignments}
          </ToolbarButton>
        ) : null}
        <ToolbarButton
          icon={skus.isFetching && !skus.isPending ? <Spinner size="tiny" /> : <ArrowClockwiseRegular />}
          onClick={() => skus.refetch()}
          disabledFocusable={skus.isFetching}
        >
          {t.common.refresh}
        </ToolbarButton>
      </Toolbar>

      {conflicted > 0 ? (
        <MessageBar intent="warning" layout="multiline" className={styles.banner}>
          <MessageBarBody>
            <MessageBarTitle>{lt.conflictBannerTitle}</MessageBarTitle>
            {lt.conflictBanner(conflicted)}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => navigate(conflictsPath)}>{lt.viewConflicts}</Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}

      <LiveStatus message={skus.isPending ? lt.loading : skus.isError ? "" : lt.productCount(all.length)} />

      {skus.isError ? (
        <ErrorMessage error={skus.error} title={lt.loadError} onRetry={() => skus.refetch()} />
      ) : skus.isPending ? (
        <Spinner label={lt.loading} />
      ) : all.length === 0 ? (
        <EmptyState icon={<KeyMultipleRegular />} title={lt.emptyTitle}>
          {lt.emptyBody}
        </EmptyState>
      ) : (
        <div className={styles.sections}>
          <ProductsSection title={lt.userLicenses} hint={lt.userLicensesHint} skus={userSkus} tenantId={tenantId} />
          <ProductsSection title={lt.capacity} hint={lt.capacityHint} skus={capacitySkus} tenantId={tenantId} />
          <RecentJobs tenantId={tenantId} />
        </div>
      )}
    </>
  );
}

/** One kind of product (user licenses, capacity add-ons) under its heading; nothing when there is none of that kind. */
function ProductsSection({
  title,
  hint,
  skus,
  tenantId,
}: {
  title: string;
  hint: string;
  skus: ComponentProps<typeof ProductsTable>["skus"];
  tenantId: string;
}) {
  const styles = useStyles();
  const list = useListPageStyles();
  const headingId = useId();
  if (skus.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Text as="h2" id={headingId} size={500} weight="semibold" className={styles.heading}>
        {title}
      </Text>
      <Text className={styles.hint}>{hint}</Text>
      <div className={list.surface}>
        <ProductsTable skus={skus} tenantId={tenantId} label={title} />
      </div>
    </section>
  );
}
