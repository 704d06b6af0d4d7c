import type { User } from "@allot/contracts";
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
  Radio,
  RadioGroup,
  Spinner,
  Text,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { DismissRegular, KeyMultipleRegular } from "@fluentui/react-icons";
import { useId, useMemo } from "react";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { DataLossWarning } from "@/components/licensing/data-loss-warning";
import { useI18n } from "@/lib/i18n";
import type { BulkChange } from "@/lib/licensing/bulk";
import type { ManageMode } from "@/lib/licensing/license-toggles";
import { selectionKey, useLicenseSelection } from "@/lib/licensing/selection";
import { userProductsByName, useSubscribedSkus } from "@/lib/licensing/subscribed-skus";
import { useLicenseChoices } from "@/lib/licensing/use-license-choices";
import { useTenant } from "@/lib/tenant";
import { useUsersTexts } from "../texts";
import { ProductLicenseToggle } from "./product-license-toggle";

const useStyles = makeStyles({
  // The body scrolls: its parts keep their height instead of shrinking into each other.
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, "& > *": { flexShrink: 0 } },
  subtitle: { color: tokens.colorNeutralForeground2 },
  products: { display: "flex", flexDirection: "column" },
  productsHeading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  footer: { display: "flex", flexDirection: "column", alignItems: "stretch", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS },
});

/**
 * The Manage product licenses panel's content: the mode, a tri-state toggle per product (what the selected users
 * hold now), and Next, which hands the chosen change to the preview.
 */
export function ManageLicensesForm({
  tenantId,
  userIds,
  users,
  onClose,
  onNext,
}: {
  tenantId: string;
  userIds: string[];
  users: readonly User[];
  onClose: () => void;
  onNext: (change: BulkChange, dataLoss: boolean) => void;
}) {
  const styles = useStyles();
  const { t, formatNumber, language } = useI18n();
  const u = useUsersTexts();
  const m = u.manageLicenses;
  const skus = useSubscribedSkus(tenantId);
  const canBuy = useTenant().can("billing.manage");
  const key = useMemo(() => selectionKey(userIds), [userIds]);
  const selection = useLicenseSelection(tenantId, userIds, key);
  const productsHeadingId = useId();
  // The preview gives focus back to Next when it closes (not to the toolbar behind the panel).
  const restoreFocusTarget = useRestoreFocusTarget();

  // By name, as Microsoft's panel lists them (the catalog's order means nothing to an admin).
  const products = useMemo(() => userProductsByName(skus.data ?? [], language), [skus.data, language]);
  const skuIds = useMemo(() => products.map((sku) => sku.skuId), [products]);
  const choices = useLicenseChoices({ userIds, skuIds, selection: selection.data });
  const { mode } = choices;

  const single = userIds.length === 1 ? users.find((user) => user.id === userIds[0]) : undefined;
  const ready = skus.data !== undefined && selection.data !== undefined;

  const next = () => {
    const chosen = choices.next();
    if (chosen) onNext(chosen.change, chosen.dataLoss);
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
          <RadioGroup value={mode} onChange={(_, data) => choices.setMode(data.value as ManageMode)}>
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
              const holding = choices.holdings.get(sku.skuId);
              const toggle = choices.toggleOf(sku.skuId);
              return (
                <ProductLicenseToggle
                  key={sku.skuId}
                  tenantId={tenantId}
                  canBuy={canBuy}
                  sku={sku}
                  state={toggle.state}
                  initial={toggle.initial}
                  onChange={(to) => choices.setToggle(sku.skuId, to)}
                  directHolders={holding?.directHolders ?? 0}
                  holders={holding?.holders ?? 0}
                  users={choices.selectedCount}
                  disabledPlans={choices.disabledPlansOf(sku.skuId)}
                  onPlansChange={(disabled) => choices.setDisabledPlans(sku.skuId, disabled)}
                />
              );
            })}
          </section>
        )}
      </DrawerBody>
      <DrawerFooter className={styles.footer}>
        {choices.nothingChosen ? (
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
