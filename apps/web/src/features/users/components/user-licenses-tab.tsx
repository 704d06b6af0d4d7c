import type { LicensedUser, SubscribedSku, User } from "@allot/contracts";
import { canLicenseGuests } from "@allot/domain";
import { Button, makeStyles, Spinner, Text, tokens, useRestoreFocusTarget } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { ErrorMessage } from "@/components/error-message";
import { GatedButton, useActionGate } from "@/components/gated-button";
import { DataLossWarning } from "@/components/licensing/data-loss-warning";
import { useNotify } from "@/components/notify";
import { ApiError } from "@/lib/api-client";
import { useI18n } from "@/lib/i18n";
import { userProductsByName, useSubscribedSkus } from "@/lib/licensing/subscribed-skus";
import { useTenant } from "@/lib/tenant";
import { useAssignUserLicenses } from "../api/assign-user-licenses";
import { useUserGroups } from "../api/get-user-groups";
import { useUserLicenses } from "../api/get-user-licenses";
import {
  type LicenseDraft,
  type LicenseDrafts,
  licenseRows,
  pendingLicenseChanges,
  placeSaveErrors,
} from "../lib/license-drafts";
import { useUsersTexts } from "../texts";
import { LicenseSaveError } from "./license-save-error";
import { codeMessage, UserLicenseRow } from "./user-license-row";
import { UserLicensesNotices } from "./user-licenses-notices";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    paddingBlock: tokens.spacingVerticalM,
  },
  list: { display: "flex", flexDirection: "column", margin: 0, padding: 0, border: 0, minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS },
  footer: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    position: "sticky",
    bottom: 0,
    paddingBlock: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  actions: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
  confirmList: { marginBlock: tokens.spacingVerticalS, paddingInlineStart: tokens.spacingHorizontalXL },
});

/**
 * User details › Licenses and apps: one checkbox per product the organization has, apps per license, Save changes
 * as one all-or-nothing assignLicense call; removing licenses asks first, because the user's data goes with them.
 */
export function UserLicensesTab({ user }: { user: User }) {
  const { language } = useI18n();
  const u = useUsersTexts();
  const { tenant } = useTenant();
  const licenses = useUserLicenses(tenant.id, user.id);
  const skus = useSubscribedSkus(tenant.id);
  const groups = useUserGroups(tenant.id, user.id);
  const products = useMemo(() => (skus.data ? userProductsByName(skus.data, language) : []), [skus.data, language]);

  if (licenses.isError || skus.isError) {
    const error = licenses.error ?? skus.error;
    return (
      <ErrorMessage
        error={error}
        title={u.userLicenses.loadError}
        onRetry={() => {
          if (licenses.isError) void licenses.refetch();
          if (skus.isError) void skus.refetch();
        }}
      />
    );
  }
  if (licenses.data === undefined || skus.data === undefined) {
    return <Spinner size="small" label={u.userLicenses.loading} />;
  }
  return (
    <LicensesForm
      user={user}
      licensed={licenses.data}
      skus={products}
      groupsById={new Map((groups.data ?? []).map((group) => [group.id, group.displayName]))}
    />
  );
}

function LicensesForm({
  user,
  licensed,
  skus,
  groupsById,
}: {
  user: User;
  licensed: LicensedUser;
  skus: SubscribedSku[];
  groupsById: ReadonlyMap<string, string>;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const u = useUsersTexts();
  const context = useTenant();
  const notify = useNotify();
  const gate = useActionGate("licenses.assign");
  const assign = useAssignUserLicenses(context.tenant.id, user.id);
  const restoreFocusTarget = useRestoreFocusTarget();
  const [drafts, setDrafts] = useState<LicenseDrafts>({});
  const [confirming, setConfirming] = useState(false);

  const guestBlocked = user.userType === "guest" && !canLicenseGuests(context.roles);
  const readOnly = !gate.allowed || guestBlocked || assign.isPending;
  // The user's own record (kept fresh by the profile form) decides, not the copy in the licenses answer.
  const hasUsageLocation = user.usageLocation !== null;
  // Setting the usage location removes the message its field was in: once the user shows the location, focus moves
  // on to the licenses it unlocks.
  const listRef = useRef<HTMLFieldSetElement>(null);
  const [focusLicenses, setFocusLicenses] = useState(false);
  useEffect(() => {
    if (!focusLicenses || !hasUsageLocation) return;
    setFocusLicenses(false);
    listRef.current?.querySelector<HTMLInputElement>('input[type="checkbox"]:not(:disabled)')?.focus();
  }, [focusLicenses, hasUsageLocation]);

  const groupNames = (groupIds: readonly string[]) =>
    [...new Set(groupIds.map((id) => groupsById.get(id) ?? u.userLicenses.aGroup))].join(", ");

  // Save errors that name a product go next to it; the rest above the Save button.
  const saveError = assign.error;
  const placedErrors = placeSaveErrors(
    saveError instanceof ApiError ? saveError.fieldErrors : [],
    new Set(skus.map((sku) => sku.skuId)),
    (fieldError) => (fieldError.code ? codeMessage(fieldError.code, t, fieldError.message) : fieldError.message),
  );

  const rows = useMemo(() => licenseRows(skus, licensed, drafts), [skus, licensed, drafts]);
  const { addLicenses, removed, added, changed, dirty, dataLost } = pendingLicenseChanges(rows);

  const update = (skuId: string, change: (draft: LicenseDraft) => LicenseDraft) => {
    const row = rows.find((candidate) => candidate.sku.skuId === skuId);
    if (!row) return;
    if (assign.isError) assign.reset();
    setDrafts((current) => ({
      ...current,
      [skuId]: change({ checked: row.checked, disabledPlans: row.disabledPlans }),
    }));
  };

  const save = () => {
    assign.mutate(
      { addLicenses, removeLicenses: removed.map((row) => row.sku.skuId) },
      {
        onSuccess: (result) => {
          setDrafts({});
          notify(u.userLicenses.saved(result.displayName));
        },
        onSettled: () => setConfirming(false),
      },
    );
  };

  return (
    <div className={styles.root}>
      <UserLicensesNotices
        tenantId={context.tenant.id}
        user={user}
        guestBlocked={guestBlocked}
        gate={gate}
        onUsageLocationSet={() => setFocusLicenses(true)}
      />

      {rows.length === 0 ? (
        <Text className={styles.muted}>{u.userLicenses.noProducts}</Text>
      ) : (
        <fieldset ref={listRef} className={styles.list}>
          <legend className={styles.legend}>
            <Text weight="semibold">{u.userLicenses.productsLegend}</Text>
          </legend>
          {rows.map((row) => (
            <UserLicenseRow
              key={row.sku.skuId}
              row={{ ...row, saveErrors: placedErrors.bySku.get(row.sku.skuId) ?? [] }}
              tenantId={context.tenant.id}
              groupNames={groupNames}
              readOnly={readOnly}
              canAddNew={hasUsageLocation}
              canBuy={context.can("billing.manage")}
              onToggle={(checked) => update(row.sku.skuId, (draft) => ({ ...draft, checked }))}
              onPlansChange={(disabledPlans) => update(row.sku.skuId, (draft) => ({ ...draft, disabledPlans }))}
            />
          ))}
        </fieldset>
      )}

      <div className={styles.footer}>
        {saveError ? <LicenseSaveError error={saveError} generalErrors={placedErrors.general} /> : null}
        <div className={styles.actions}>
          <GatedButton
            action="licenses.assign"
            appearance="primary"
            disabledFocusable={!dirty || readOnly}
            icon={assign.isPending ? <Spinner size="tiny" /> : undefined}
            onClick={() => (removed.length > 0 ? setConfirming(true) : save())}
            {...restoreFocusTarget}
          >
            {assign.isPending ? u.userLicenses.saving : u.userLicenses.save}
          </GatedButton>
          {dirty && !assign.isPending ? (
            <Button
              onClick={() => {
                assign.reset();
                setDrafts({});
              }}
            >
              {u.userLicenses.discard}
            </Button>
          ) : null}
          <Text size={200} className={styles.muted} role="status" aria-live="polite">
            {dirty ? u.userLicenses.pending(added, removed.length, changed) : ""}
          </Text>
        </div>
      </div>

      <ConfirmDialog
        open={confirming}
        title={u.userLicenses.confirmTitle(removed.length)}
        confirmLabel={u.userLicenses.confirm}
        busyLabel={u.userLicenses.saving}
        busy={assign.isPending}
        onConfirm={save}
        onCancel={() => setConfirming(false)}
      >
        <Text block>{u.userLicenses.confirmIntro(user.displayName, removed.length)}</Text>
        <ul className={styles.confirmList}>
          {removed.map((row) => (
            <li key={row.sku.skuId}>
              {row.sku.displayName}
              {row.inherited.length > 0
                ? ` (${u.userLicenses.stillInherited(groupNames(row.inherited.map((state) => state.assignedByGroup ?? "")))})`
                : null}
            </li>
          ))}
        </ul>
        {dataLost > 0 ? <DataLossWarning licenses={dataLost} users={1} /> : null}
      </ConfirmDialog>
    </div>
  );
}
