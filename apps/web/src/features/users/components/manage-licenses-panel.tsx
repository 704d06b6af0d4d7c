import type { LicenseSelection, SubscribedSku, User } from "@allot/contracts";
import {
  Button,
  DrawerBody,
  DrawerFooter,
  DrawerHeader,
  DrawerHeaderTitle,
  Field,
  MessageBar,
  MessageBarBody,
  makeStyles,
  OverlayDrawer,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { DismissRegular, KeyMultipleRegular } from "@fluentui/react-icons";
import { useQueryClient } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { BulkChangeDialog } from "@/components/licensing/bulk-change-dialog";
import { DataLossWarning } from "@/components/licensing/data-loss-warning";
import { useOpenKey } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import type { BulkChange } from "@/lib/licensing/bulk";
import { invalidateAfterLicenseChange } from "@/lib/licensing/invalidate";
import { userProducts, useSubscribedSkus } from "@/lib/licensing/subscribed-skus";
import { useTenant } from "@/lib/tenant";
import { selectionKey, useLicenseSelection } from "../api/get-license-selection";
import { ProductLicenseToggle, type ToggleState } from "./product-license-toggle";

export type ManageMode = "add" | "replace" | "removeAll";

const useStyles = makeStyles({
  // The body scrolls: its parts keep their height instead of shrinking into each other.
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, "& > *": { flexShrink: 0 } },
  subtitle: { color: tokens.colorNeutralForeground2 },
  products: { display: "flex", flexDirection: "column" },
  productsHeading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  footer: { display: "flex", flexDirection: "column", alignItems: "stretch", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS },
});

interface Holding {
  directHolders: number;
  holders: number;
}

/** What the selected users hold now, per product, as a toggle state. */
function initialState(holding: Holding | undefined, users: number): ToggleState {
  const direct = holding?.directHolders ?? 0;
  if (direct === 0) return "unchecked";
  return direct >= users ? "checked" : "mixed";
}

/**
 * The panel's choices as one bulk change. Add: products switched on are added (with their apps switched off),
 * products switched off are removed, the rest stay. Replace: the users end up with exactly the checked products.
 * Remove all: they end up with none (licenses from groups stay).
 */
export function toBulkChange({
  mode,
  userIds,
  products,
  initial,
  states,
  replaceChecked,
  plans,
  plansEdited,
}: {
  mode: ManageMode;
  userIds: string[];
  products: readonly SubscribedSku[];
  initial: ReadonlyMap<string, ToggleState>;
  states: ReadonlyMap<string, ToggleState>;
  replaceChecked: ReadonlySet<string>;
  plans: ReadonlyMap<string, ReadonlySet<string>>;
  plansEdited: ReadonlySet<string>;
}): BulkChange {
  const disabledPlans = (skuId: string) => [...(plans.get(skuId) ?? [])];
  if (mode === "removeAll") return { userIds, mode: "replace", add: [], remove: [] };
  if (mode === "replace") {
    return {
      userIds,
      mode: "replace",
      add: products
        .filter((sku) => replaceChecked.has(sku.skuId))
        .map((sku) => ({ skuId: sku.skuId, disabledPlans: disabledPlans(sku.skuId) })),
      remove: [],
    };
  }
  const add: BulkChange["add"] = [];
  const remove: string[] = [];
  for (const sku of products) {
    const from = initial.get(sku.skuId) ?? "unchecked";
    const to = states.get(sku.skuId) ?? from;
    if (to === "checked" && (from !== "checked" || plansEdited.has(sku.skuId))) {
      add.push({ skuId: sku.skuId, disabledPlans: disabledPlans(sku.skuId) });
    } else if (to === "unchecked" && from !== "unchecked") {
      remove.push(sku.skuId);
    }
  }
  return { userIds, mode: "add", add, remove };
}

/** Whether the change takes a license away from at least one user (their service data goes with it). */
function removesSomething(change: BulkChange, selection: LicenseSelection | undefined): boolean {
  if (change.mode === "add") return (change.remove ?? []).length > 0;
  if (!selection) return true;
  const kept = new Set((change.add ?? []).map((license) => license.skuId));
  return selection.value.some((holding) => holding.directHolders > 0 && !kept.has(holding.skuId));
}

interface ManageLicensesPanelProps {
  tenantId: string;
  open: boolean;
  /** The selected users (up to 10,000), in list order. */
  userIds: string[];
  /** Those of them loaded in the list (to name a single user). */
  users: readonly User[];
  onClose: () => void;
}

/**
 * Manage product licenses for the users selected on Active users: add to, replace or remove all of their product
 * licenses. Nothing changes here: Next shows the preview of the bulk change, which applies it as a background job.
 */
export function ManageLicensesPanel(props: ManageLicensesPanelProps) {
  const { t } = useI18n();
  const m = t.manageLicenses;
  const [change, setChange] = useState<{ change: BulkChange; dataLoss: boolean } | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [applied, setApplied] = useState(false);
  const queryClient = useQueryClient();
  const openKey = useOpenKey(props.open);
  const { onClose, tenantId } = props;
  return (
    <OverlayDrawer
      open={props.open}
      position="end"
      size="medium"
      onOpenChange={(_, data) => {
        if (!data.open) onClose();
      }}
    >
      <PanelContent
        key={openKey}
        {...props}
        onNext={(next, dataLoss) => {
          setChange({ change: next, dataLoss });
          setApplied(false);
          setDialogOpen(true);
        }}
      />
      {/* Inside the panel, so Fluent treats it as a nested dialog: closing it leaves the panel open. */}
      <BulkChangeDialog
        open={dialogOpen}
        tenantId={tenantId}
        change={change?.change ?? null}
        title={m.previewTitle(props.userIds.length)}
        dataLossWarning={change?.dataLoss ?? false}
        onClose={() => {
          setDialogOpen(false);
          if (applied) {
            // Done: the change runs (or ran) on the server. A short job can end before its first poll, so the
            // lists are refreshed here too, and the panel closes with the dialog.
            setApplied(false);
            void invalidateAfterLicenseChange(queryClient, tenantId);
            onClose();
          }
        }}
        onApplied={() => setApplied(true)}
      />
    </OverlayDrawer>
  );
}

function PanelContent({
  tenantId,
  userIds,
  users,
  onClose,
  onNext,
}: ManageLicensesPanelProps & { onNext: (change: BulkChange, dataLoss: boolean) => void }) {
  const styles = useStyles();
  const { t, formatNumber, language } = useI18n();
  const m = t.manageLicenses;
  const skus = useSubscribedSkus(tenantId);
  const canBuy = useTenant().can("billing.manage");
  const key = useMemo(() => selectionKey(userIds), [userIds]);
  const selection = useLicenseSelection(tenantId, userIds, key);

  const [mode, setMode] = useState<ManageMode>("add");
  const [states, setStates] = useState<Map<string, ToggleState>>(new Map());
  const [replaceChecked, setReplaceChecked] = useState<Set<string>>(new Set());
  const [plans, setPlans] = useState<Map<string, Set<string>>>(new Map());
  const [plansEdited, setPlansEdited] = useState<Set<string>>(new Set());
  const [nothingChosen, setNothingChosen] = useState(false);
  const productsHeadingId = useId();
  // The preview gives focus back to Next when it closes (not to the toolbar behind the panel).
  const restoreFocusTarget = useRestoreFocusTarget();

  // By name, as Microsoft's panel lists them (the catalog's order means nothing to an admin).
  const products = useMemo(
    () => userProducts(skus.data ?? []).sort((a, b) => a.displayName.localeCompare(b.displayName, language)),
    [skus.data, language],
  );
  const selectedCount = selection.data?.users ?? userIds.length;
  const holdings = useMemo(
    () => new Map((selection.data?.value ?? []).map((holding) => [holding.skuId, holding])),
    [selection.data],
  );
  const initial = useMemo(
    () => new Map(products.map((sku) => [sku.skuId, initialState(holdings.get(sku.skuId), selectedCount)])),
    [products, holdings, selectedCount],
  );

  const single = userIds.length === 1 ? users.find((user) => user.id === userIds[0]) : undefined;
  const ready = skus.data !== undefined && selection.data !== undefined;

  const next = () => {
    const change = toBulkChange({
      mode,
      userIds,
      products,
      initial,
      states,
      replaceChecked,
      plans,
      plansEdited,
    });
    if (change.mode === "add" && (change.add ?? []).length + (change.remove ?? []).length === 0) {
      setNothingChosen(true);
      return;
    }
    setNothingChosen(false);
    onNext(change, removesSomething(change, selection.data));
  };

  return (
    <>
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button appearance="subtle" aria-label={t.common.close} icon={<DismissRegular />} onClick={onClose} />
          }
        >
          {m.title}
        </DrawerHeaderTitle>
        <Text className={styles.subtitle}>
          {single ? m.forUser(single.displayName) : m.selectedUsers(userIds.length, formatNumber(userIds.length))}
        </Text>
      </DrawerHeader>
      <DrawerBody className={styles.body}>
        <Field label={m.choiceLabel}>
          <RadioGroup
            value={mode}
            onChange={(_, data) => {
              setMode(data.value as ManageMode);
              setNothingChosen(false);
            }}
          >
            <Radio value="add" label={m.add} />
            <Radio value="replace" label={m.replace} />
            <Radio value="removeAll" label={m.removeAll} />
          </RadioGroup>
        </Field>
        <MessageBar intent={mode === "removeAll" ? "warning" : "info"} layout="multiline">
          <MessageBarBody>{m.modeHint[mode]}</MessageBarBody>
        </MessageBar>
        {mode === "removeAll" ? <DataLossWarning licenses={null} users={userIds.length} /> : null}

        {mode === "removeAll" ? null : skus.isError || selection.isError ? (
          <ErrorMessage
            error={skus.error ?? selection.error}
            title={m.loadError}
            onRetry={() => {
              if (skus.isError) void skus.refetch();
              if (selection.isError) void selection.refetch();
            }}
          />
        ) : !ready ? (
          <Spinner label={m.loading} />
        ) : products.length === 0 ? (
          <EmptyState icon={<KeyMultipleRegular />} title={m.noProducts}>
            {m.noProductsHint}
          </EmptyState>
        ) : (
          <section className={styles.products} aria-labelledby={productsHeadingId}>
            <h3 id={productsHeadingId} className={styles.productsHeading}>
              {m.products}
            </h3>
            {products.map((sku) => {
              const holding = holdings.get(sku.skuId);
              const from = initial.get(sku.skuId) ?? "unchecked";
              const replacing = mode === "replace";
              const state: ToggleState = replacing
                ? replaceChecked.has(sku.skuId)
                  ? "checked"
                  : "unchecked"
                : (states.get(sku.skuId) ?? from);
              return (
                <ProductLicenseToggle
                  key={sku.skuId}
                  tenantId={tenantId}
                  canBuy={canBuy}
                  sku={sku}
                  state={state}
                  initial={replacing ? "unchecked" : from}
                  onChange={(to) => {
                    setNothingChosen(false);
                    if (replacing) {
                      setReplaceChecked((current) => {
                        const updated = new Set(current);
                        if (to === "checked") updated.add(sku.skuId);
                        else updated.delete(sku.skuId);
                        return updated;
                      });
                    } else {
                      setStates((current) => new Map(current).set(sku.skuId, to));
                    }
                  }}
                  directHolders={holding?.directHolders ?? 0}
                  holders={holding?.holders ?? 0}
                  users={selectedCount}
                  disabledPlans={plans.get(sku.skuId) ?? new Set()}
                  onPlansChange={(disabled) => {
                    setPlans((current) => new Map(current).set(sku.skuId, disabled));
                    setPlansEdited((current) => new Set(current).add(sku.skuId));
                  }}
                />
              );
            })}
          </section>
        )}
      </DrawerBody>
      <DrawerFooter className={styles.footer}>
        {nothingChosen ? (
          <MessageBar intent="warning" politeness="assertive" layout="multiline">
            <MessageBarBody>{m.nothingChosen}</MessageBarBody>
          </MessageBar>
        ) : null}
        <div className={styles.buttons}>
          <Button
            appearance="primary"
            onClick={next}
            disabledFocusable={mode !== "removeAll" && !ready}
            {...restoreFocusTarget}
          >
            {m.next}
          </Button>
          <Button onClick={onClose}>{t.common.cancel}</Button>
        </div>
      </DrawerFooter>
    </>
  );
}
