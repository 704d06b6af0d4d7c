import type { GroupLicenses, SubscribedSku } from "@allot/contracts";
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { ChevronDownRegular, ChevronRightRegular } from "@fluentui/react-icons";
import { useId, useMemo, useState } from "react";
import { ErrorMessage } from "@/components/error-message";
import { DataLossWarning } from "@/components/licensing/data-loss-warning";
import { ServicePlanChecklist } from "@/components/licensing/service-plan-checklist";
import { useNotify } from "@/components/notify";
import { useOpenKey } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import { userProducts, useSubscribedSkus } from "@/lib/licensing/subscribed-skus";
import { useAssignGroupLicenses } from "../api/assign-group-licenses";
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
  product: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  details: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingInlineStart: "32px",
  },
  muted: { color: tokens.colorNeutralForeground3 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground2 },
  error: { color: tokens.colorPaletteRedForeground1 },
  plans: { paddingInlineStart: tokens.spacingHorizontalM },
  planToggle: { alignSelf: "flex-start" },
});

/** The products picked in the dialog: skuId -> plans switched off. */
type Choice = Map<string, Set<string>>;

function sameSet(a: ReadonlySet<string>, b: readonly string[]): boolean {
  return a.size === b.length && b.every((id) => a.has(id));
}

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
  const notify = useNotify();
  const skus = useSubscribedSkus(tenantId, open);
  const assign = useAssignGroupLicenses(tenantId, licenses.id);
  const current = useMemo(
    () => new Map(licenses.assignedLicenses.map((license) => [license.skuId, license.disabledPlans])),
    [licenses.assignedLicenses],
  );
  const [choice, setChoice] = useState<Choice>(
    () => new Map(licenses.assignedLicenses.map((license) => [license.skuId, new Set(license.disabledPlans)])),
  );
  const [step, setStep] = useState<"pick" | "confirm">("pick");

  const products = useMemo(
    () => userProducts(skus.data ?? []).filter((sku) => sku.capabilityStatus !== "Deleted" || current.has(sku.skuId)),
    [skus.data, current],
  );
  const nameOf = (skuId: string) =>
    skus.data?.find((sku) => sku.skuId === skuId)?.displayName ?? t.groupLicenses.unknownProduct;

  const addLicenses = [...choice]
    .filter(([skuId, disabled]) => {
      const held = current.get(skuId);
      return held === undefined || !sameSet(disabled, held);
    })
    .map(([skuId, disabled]) => ({ skuId, disabledPlans: [...disabled] }));
  const removeLicenses = [...current.keys()].filter((skuId) => !choice.has(skuId));
  const changed = addLicenses.length + removeLicenses.length > 0;
  const fieldErrors = errorsBySku(assign.error, t);

  const close = () => {
    if (!assign.isPending) onClose();
  };

  const save = () => {
    assign.mutate(
      { addLicenses, removeLicenses },
      {
        onSuccess: () => {
          notify(t.groupLicenses.saved(groupName));
          onClose();
        },
        onError: () => setStep("pick"),
      },
    );
  };

  const setProduct = (skuId: string, checked: boolean) =>
    setChoice((previous) => {
      const next = new Map(previous);
      if (checked) next.set(skuId, new Set(current.get(skuId) ?? []));
      else next.delete(skuId);
      return next;
    });

  const setPlans = (skuId: string, disabled: Set<string>) =>
    setChoice((previous) => new Map(previous).set(skuId, disabled));

  const removedNames = removeLicenses.map(nameOf).join(", ");

  return (
    <Dialog open={open} onOpenChange={(_, data) => (data.open ? undefined : close())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>
            {step === "confirm"
              ? t.groupLicenses.confirmRemoveTitle(removeLicenses.length)
              : t.groupLicenses.dialogTitle(groupName)}
          </DialogTitle>
          {step === "confirm" ? (
            <>
              <DialogContent className={styles.content}>
                <Text>{t.groupLicenses.confirmRemoveBody(removedNames)}</Text>
                <DataLossWarning licenses={removeLicenses.length} users={licenses.memberCount} />
              </DialogContent>
              <DialogActions>
                <Button onClick={() => setStep("pick")} disabled={assign.isPending}>
                  {t.groupLicenses.back}
                </Button>
                <Button
                  appearance="primary"
                  onClick={save}
                  disabledFocusable={assign.isPending}
                  icon={assign.isPending ? <Spinner size="tiny" /> : undefined}
                >
                  {assign.isPending ? t.groupLicenses.removing : t.groupLicenses.confirmRemove}
                </Button>
              </DialogActions>
            </>
          ) : (
            <>
              <DialogContent className={styles.content}>
                <Text>{t.groupLicenses.dialogIntro(licenses.memberCount, formatNumber(licenses.memberCount))}</Text>
                {assign.isError ? <ErrorMessage error={assign.error} /> : null}
                {skus.isPending ? (
                  <Spinner size="tiny" label={t.groupLicenses.skusLoading} labelPosition="after" />
                ) : skus.isError ? (
                  <ErrorMessage error={skus.error} onRetry={() => skus.refetch()} />
                ) : products.length === 0 ? (
                  <Text>{t.groupLicenses.noProducts}</Text>
                ) : (
                  <fieldset className={styles.products}>
                    <legend className={styles.legend}>{t.groupLicenses.productsLegend}</legend>
                    {products.map((sku) => (
                      <ProductChoice
                        key={sku.skuId}
                        sku={sku}
                        disabledPlans={choice.get(sku.skuId)}
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
                    {t.groupLicenses.noChanges}
                  </Text>
                )}
              </DialogContent>
              <DialogActions>
                <Button onClick={close} disabled={assign.isPending}>
                  {t.common.cancel}
                </Button>
                <Button
                  appearance="primary"
                  disabled={!changed}
                  disabledFocusable={assign.isPending}
                  icon={assign.isPending ? <Spinner size="tiny" /> : undefined}
                  onClick={() => (removeLicenses.length > 0 ? setStep("confirm") : save())}
                >
                  {assign.isPending ? t.groupLicenses.saving : t.groupLicenses.save}
                </Button>
              </DialogActions>
            </>
          )}
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function ProductChoice({
  sku,
  disabledPlans,
  held,
  errors,
  onToggle,
  onPlansChange,
}: {
  sku: SubscribedSku;
  /** Undefined when the product is not picked. */
  disabledPlans: Set<string> | undefined;
  held: boolean;
  errors: readonly string[];
  onToggle: (checked: boolean) => void;
  onPlansChange: (disabled: Set<string>) => void;
}) {
  const styles = useStyles();
  const { t, formatNumber } = useI18n();
  const [expanded, setExpanded] = useState(false);
  const seatsId = useId();
  const errorId = useId();
  const plansId = useId();
  const picked = disabledPlans !== undefined;
  const usable = sku.capabilityStatus === "Enabled" || sku.capabilityStatus === "Warning";
  const on = sku.servicePlans.length - (disabledPlans?.size ?? 0);
  const describedBy = [seatsId, errors.length > 0 ? errorId : null].filter(Boolean).join(" ");

  return (
    <div className={styles.product}>
      <Checkbox
        checked={picked}
        onChange={(_, data) => onToggle(data.checked === true)}
        label={sku.displayName}
        aria-describedby={describedBy}
        aria-invalid={errors.length > 0 || undefined}
      />
      <div className={styles.details}>
        <Text id={seatsId} size={200} className={!usable || sku.available <= 0 ? styles.warning : styles.muted}>
          {!usable
            ? t.groupLicenses.notUsable
            : sku.available <= 0
              ? t.groupLicenses.noneAvailable
              : t.groupLicenses.available(formatNumber(sku.available))}
          {held && !picked ? ` ${t.groupLicenses.willBeRemoved}` : ""}
        </Text>
        {errors.length > 0 ? (
          <Text id={errorId} size={200} className={styles.error}>
            {errors.join(" ")}
          </Text>
        ) : null}
        {picked && sku.servicePlans.length > 0 ? (
          <>
            <Button
              appearance="transparent"
              size="small"
              className={styles.planToggle}
              icon={expanded ? <ChevronDownRegular /> : <ChevronRightRegular />}
              aria-expanded={expanded}
              aria-controls={plansId}
              onClick={() => setExpanded((value) => !value)}
            >
              {t.groupLicenses.showPlans(sku.displayName)} (
              {t.groupLicenses.plansOn(formatNumber(on), formatNumber(sku.servicePlans.length))})
            </Button>
            <div id={plansId} className={styles.plans} hidden={!expanded}>
              {expanded ? (
                <ServicePlanChecklist
                  productName={sku.displayName}
                  plans={sku.servicePlans}
                  disabledPlans={disabledPlans}
                  onChange={onPlansChange}
                />
              ) : null}
            </div>
          </>
        ) : null}
      </div>
    </div>
  );
}
