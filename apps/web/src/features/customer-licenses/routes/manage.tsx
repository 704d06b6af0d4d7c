import type { SubscribedSku } from "@allot/contracts";
import { Button, MessageBar, MessageBarBody, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { KeyMultipleRegular, PeopleSearchRegular } from "@fluentui/react-icons";
import { useMemo, useState } from "react";
import { useNavigate } from "react-router";
import { BackLink } from "@/components/back-link";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { BulkChangeDialog } from "@/components/licensing/bulk-change-dialog";
import { PageHeader } from "@/components/page-header";
import { TableSurface } from "@/components/table-surface";
import { useI18n } from "@/lib/i18n";
import type { BulkChange } from "@/lib/licensing/bulk";
import { selectionKey, useLicenseSelection } from "@/lib/licensing/selection";
import { userProductsByName, useSubscribedSkus } from "@/lib/licensing/subscribed-skus";
import { useLicenseChoices } from "@/lib/licensing/use-license-choices";
import { useTenant } from "@/lib/tenant";
import { AssignedHoldersDialog } from "../components/assigned-holders-dialog";
import { ProductLicensesTable } from "../components/product-licenses-table";
import { SelectedChips } from "../components/selected-chips";
import { sortedSelection, withoutUsers } from "../lib/selection";
import { useCustomerSelection } from "../lib/selection-store";
import { useCustomerLicensesTexts } from "../texts";

const useStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS },
});

/**
 * `/t/:customerId/users-and-licenses/manage`: the licenses of the selected users, Partner Center's way. Each product's
 * checkbox starts from what the users hold (checked: all, partly: some, empty: none); Save previews the change (a
 * dry run), and confirming runs it as a job whose confirmation page lists every user's result.
 */
export function ManageLicensesRoute() {
  const styles = useStyles();
  const { manage: m, users: u } = useCustomerLicensesTexts();
  const { language } = useI18n();
  const { tenant, can } = useTenant();
  const navigate = useNavigate();
  const { selection, update } = useCustomerSelection(tenant.id);
  const selected = useMemo(() => sortedSelection(selection, language), [selection, language]);
  const userIds = useMemo(() => selected.map((user) => user.id), [selected]);
  const key = useMemo(() => selectionKey(userIds), [userIds]);
  const skus = useSubscribedSkus(tenant.id);
  const holdings = useLicenseSelection(tenant.id, userIds, key);
  const products = useMemo(() => userProductsByName(skus.data ?? [], language), [skus.data, language]);
  const skuIds = useMemo(() => products.map((sku) => sku.skuId), [products]);
  const choices = useLicenseChoices({ userIds, skuIds, selection: holdings.data });
  const [pending, setPending] = useState<{ change: BulkChange; dataLoss: boolean } | null>(null);
  const [holdersOf, setHoldersOf] = useState<SubscribedSku | null>(null);
  const usersPath = `/t/${tenant.id}/users-and-licenses`;

  const save = () => {
    const chosen = choices.next();
    // Checked means "every selected user holds it": those who hold it already are left as they are.
    if (chosen) setPending({ change: { ...chosen.change, skipAlreadyAssigned: true }, dataLoss: chosen.dataLoss });
  };

  if (selected.length === 0) {
    return (
      <>
        <BackLink to={usersPath}>{m.backToUsers}</BackLink>
        <PageHeader title={m.title} />
        <EmptyState icon={<PeopleSearchRegular />} title={u.selectedUsers(0)}>
          {m.noSelection}
        </EmptyState>
      </>
    );
  }

  return (
    <>
      <BackLink to={usersPath}>{m.backToUsers}</BackLink>
      <PageHeader title={m.title} description={m.description(selected.length)} />
      <div className={styles.body}>
        <SelectedChips users={selected} onDrop={(id) => update((now) => withoutUsers(now, [id]))} />
        {skus.isError || holdings.isError ? (
          <ErrorMessage
            error={skus.error ?? holdings.error}
            title={m.loadError}
            onRetry={() => {
              if (skus.isError) void skus.refetch();
              if (holdings.isError) void holdings.refetch();
            }}
          />
        ) : !skus.data || !holdings.data ? (
          <Spinner label={m.loading} />
        ) : products.length === 0 ? (
          <EmptyState icon={<KeyMultipleRegular />} title={m.noProducts} />
        ) : (
          <TableSurface label={m.productsLabel}>
            <ProductLicensesTable
              tenantId={tenant.id}
              canBuy={can("billing.manage")}
              selectedCount={choices.selectedCount}
              rows={products.map((sku) => ({
                sku,
                ...choices.toggleOf(sku.skuId),
                holders: choices.holdings.get(sku.skuId)?.holders ?? 0,
                disabledPlans: choices.disabledPlansOf(sku.skuId),
              }))}
              onToggle={choices.setToggle}
              onPlansChange={choices.setDisabledPlans}
              onShowHolders={setHoldersOf}
            />
          </TableSurface>
        )}
        {choices.nothingChosen ? (
          <MessageBar intent="warning" politeness="assertive">
            <MessageBarBody>{m.nothingChosen}</MessageBarBody>
          </MessageBar>
        ) : null}
        <div className={styles.buttons}>
          <Button appearance="primary" disabledFocusable={!holdings.data} onClick={save}>
            {m.save}
          </Button>
          <Button onClick={() => navigate(usersPath)}>{m.cancel}</Button>
        </div>
      </div>
      <AssignedHoldersDialog
        tenantId={tenant.id}
        userIds={userIds}
        selectionKey={key}
        product={holdersOf}
        onClose={() => setHoldersOf(null)}
      />
      <BulkChangeDialog
        open={pending !== null}
        tenantId={tenant.id}
        change={pending?.change ?? null}
        title={m.previewTitle}
        dataLossWarning={pending?.dataLoss ?? false}
        includeRefused
        onClose={() => setPending(null)}
        onApplied={(job) => navigate(`${usersPath}/jobs/${job.id}`)}
      />
    </>
  );
}
