import type { GroupLicenses } from "@allot/contracts";
import { Button, makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { BusyButton } from "@/components/busy-button";
import { DialogShell } from "@/components/dialog-shell";
import { ErrorMessage } from "@/components/error-message";
import { DataLossWarning } from "@/components/licensing/data-loss-warning";
import { useNotify } from "@/components/notify";
import { useOpenKey } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import { userProducts, useSubscribedSkus } from "@/lib/licensing/subscribed-skus";
import { useAssignGroupLicenses } from "../api/assign-group-licenses";
import { useGroupLicenseChoice } from "../hooks/use-group-license-choice";
import { useGroupsTexts } from "../texts";
import { GroupProductChoice } from "./group-product-choice";
import { errorsBySku } from "./license-errors";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  products: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    border: 0,
  },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
});

interface AssignGroupLicensesDialogProps {
  tenantId: string;
  groupName: string;
  licenses: GroupLicenses;
  open: boolean;
  onClose: () => void;
}

export function AssignGroupLicensesDialog(props: AssignGroupLicensesDialogProps) {
  return <AssignGroupLicensesDialogContent key={useOpenKey(props.open)} {...props} />;
}

/**
 * Pick the group's products (checked: the group has it) and the apps and services of each. Clearing a product the
 * group has removes it, after a confirmation step that says members lose it and their data in it.
 */
function AssignGroupLicensesDialogContent({
  tenantId,
  groupName,
  licenses,
  open,
  onClose,
}: AssignGroupLicensesDialogProps) {
  const styles = useStyles();
  const { t, formatNumber } = useI18n();
  const g = useGroupsTexts();
  const notify = useNotify();
  const skus = useSubscribedSkus(tenantId, open);
  const assign = useAssignGroupLicenses(tenantId, licenses.id);
  const {
    current,
    licensesToAdd: addLicenses,
    licensesToRemove: removeLicenses,
    changed,
    disabledPlansOf,
    setProduct,
    setPlans,
  } = useGroupLicenseChoice(licenses);
  const [step, setStep] = useState<"pick" | "confirm">("pick");

  const products = useMemo(
    () => userProducts(skus.data ?? []).filter((sku) => sku.capabilityStatus !== "Deleted" || current.has(sku.skuId)),
    [skus.data, current],
  );
  const nameOf = (skuId: string) =>
    skus.data?.find((sku) => sku.skuId === skuId)?.displayName ?? g.licenses.unknownProduct;

  const fieldErrors = errorsBySku(assign.error, t, g.licenses.unknownReason);

  const save = () => {
    assign.mutate(
      { addLicenses, removeLicenses },
      {
        onSuccess: () => {
          notify(g.licenses.saved(groupName));
          onClose();
        },
        onError: () => setStep("pick"),
      },
    );
  };

  const removedNames = removeLicenses.map(nameOf).join(", ");
  const confirming = step === "confirm";

  return (
    <DialogShell
      open={open}
      title={confirming ? g.licenses.confirmRemoveTitle(removeLicenses.length) : g.licenses.dialogTitle(groupName)}
      busy={assign.isPending}
      onClose={onClose}
      contentClassName={styles.content}
      actions={
        confirming ? (
          <>
            <Button onClick={() => setStep("pick")} disabled={assign.isPending}>
              {g.licenses.back}
            </Button>
            <BusyButton
              busy={assign.isPending}
              label={g.licenses.confirmRemove}
              busyLabel={g.licenses.removing}
              onClick={save}
            />
          </>
        ) : (
          <>
            <Button onClick={onClose} disabled={assign.isPending}>
              {t.common.cancel}
            </Button>
            <BusyButton
              busy={assign.isPending}
              disabled={!changed}
              label={g.licenses.save}
              busyLabel={g.licenses.saving}
              onClick={() => (removeLicenses.length > 0 ? setStep("confirm") : save())}
            />
          </>
        )
      }
    >
      {confirming ? (
        <>
          <Text>{g.licenses.confirmRemoveBody(removedNames)}</Text>
          <DataLossWarning licenses={removeLicenses.length} users={licenses.memberCount} />
        </>
      ) : (
        <>
          <Text>{g.licenses.dialogIntro(licenses.memberCount, formatNumber(licenses.memberCount))}</Text>
          {assign.isError ? <ErrorMessage error={assign.error} /> : null}
          {skus.isPending ? (
            <Spinner size="tiny" label={g.licenses.skusLoading} labelPosition="after" />
          ) : skus.isError ? (
            <ErrorMessage error={skus.error} onRetry={() => skus.refetch()} />
          ) : products.length === 0 ? (
            <Text>{g.licenses.noProducts}</Text>
          ) : (
            <fieldset className={styles.products}>
              <legend className={styles.legend}>{g.licenses.productsLegend}</legend>
              {products.map((sku) => (
                <GroupProductChoice
                  key={sku.skuId}
                  sku={sku}
                  disabledPlans={disabledPlansOf(sku.skuId)}
                  held={current.has(sku.skuId)}
                  errors={fieldErrors.get(sku.skuId) ?? []}
                  onToggle={(checked) => setProduct(sku.skuId, checked)}
                  onPlansChange={(disabled) => setPlans(sku.skuId, disabled)}
                />
              ))}
            </fieldset>
          )}
          {changed ? null : (
            <Text size={200} className={styles.muted}>
              {g.licenses.noChanges}
            </Text>
          )}
        </>
      )}
    </DialogShell>
  );
}
