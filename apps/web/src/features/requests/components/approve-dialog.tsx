import { approveLicenseRequestSchema, ERROR_CODES, type ErrorCode, type LicenseRequest } from "@allot/contracts";
import {
  Dropdown,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Option,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { ErrorMessage } from "@/components/error-message";
import { FormDialog } from "@/components/form-dialog";
import { useNotify } from "@/components/notify";
import { RouterLink } from "@/components/router-link";
import { ApiError } from "@/lib/api-client";
import { FormField } from "@/lib/forms/form-field";
import { useZodForm } from "@/lib/forms/zod-form";
import { useOpenKey } from "@/lib/hooks";
import { type Messages, useI18n } from "@/lib/i18n";
import { userProducts, useSubscribedSkus } from "@/lib/licensing/subscribed-skus";
import { useTenant } from "@/lib/tenant";
import { useApproveLicenseRequest } from "../api/approve-request";
import { useRequestsTexts } from "../texts";

const KNOWN: ReadonlySet<string> = new Set(ERROR_CODES);

const useStyles = makeStyles({
  quote: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalM,
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: "solid",
    borderInlineStartColor: tokens.colorNeutralStroke1,
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** The rule codes a refused approval names (a license rule is reported per user and product as a field error). */
function violationCodes(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  const codes = error.fieldErrors.flatMap((field) => (field.code && KNOWN.has(field.code) ? [field.code] : []));
  return [...new Set(codes.length > 0 ? codes : [error.code])];
}

function isNoSeat(error: unknown): boolean {
  return violationCodes(error).includes("CountViolation");
}

function ApprovalError({ error, t }: { error: unknown; t: Messages }) {
  const codes = violationCodes(error).filter((code) => code !== "CountViolation");
  if (codes.length <= 1) return <ErrorMessage error={error} />;
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        {codes.map((code) => (
          <div key={code}>{t.errors[code as ErrorCode]}</div>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}

interface ApproveDialogProps {
  tenantId: string;
  request: LicenseRequest | null;
  onClose: () => void;
}

/**
 * Approve: shows the product and its free seats, lets the approver assign another product instead, and when no seat
 * is free stays open with the ways out: buy seats (billing admins) or pick a product that has seats.
 */
export function ApproveDialog(props: ApproveDialogProps) {
  return <ApproveDialogContent key={useOpenKey(props.request !== null)} {...props} />;
}

function ApproveDialogContent({ tenantId, request, onClose }: ApproveDialogProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const tx = useRequestsTexts();
  const notify = useNotify();
  const { can } = useTenant();
  const approve = useApproveLicenseRequest(tenantId);
  const skus = useSubscribedSkus(tenantId, request !== null);
  const [shown] = useState(request);
  const form = useZodForm(approveLicenseRequestSchema, {
    defaultValues: { skuId: request?.skuId ?? "" },
    // The product asked for is the default: sent only when the approver chose another one.
    toInput: ({ skuId }: { skuId: string }) => (skuId && skuId !== shown?.skuId ? { skuId } : {}),
  });
  const skuId = form.watch("skuId");
  if (!shown) return null;

  const products = userProducts(skus.data ?? []);
  const requested = products.find((sku) => sku.skuId === shown.skuId);
  const chosen = products.find((sku) => sku.skuId === skuId);
  const chosenName = chosen?.displayName ?? shown.productName;
  const others = products
    .filter((sku) => sku.skuId !== shown.skuId)
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  const optionText = (skuIdOf: string, name: string, available: number | undefined) => {
    const seats = tx.approveDialog.seats(Math.max(0, available ?? 0));
    return skuIdOf === shown.skuId ? tx.approveDialog.asRequested(name, seats) : tx.approveDialog.option(name, seats);
  };
  const noSeat = approve.isError && isNoSeat(approve.error);
  const failedSkuId = (approve.variables?.body.skuId ?? shown.skuId) || shown.skuId;
  const failedName = products.find((sku) => sku.skuId === failedSkuId)?.displayName ?? shown.productName;

  // A refused approval stays on the banner: its field errors are license rules per user and product, not fields.
  const confirm = form.handleSubmit((body) =>
    approve.mutate(
      { requestId: shown.id, body },
      {
        onSuccess: () => {
          notify(tx.approveDialog.approved(shown.requester.displayName, chosenName));
          onClose();
        },
      },
    ),
  );

  return (
    <FormDialog
      open={request !== null}
      title={tx.approveDialog.title(shown.requester.displayName)}
      confirmLabel={tx.approveDialog.confirm}
      busyLabel={tx.approveDialog.approving}
      busy={approve.isPending}
      canConfirm
      onConfirm={confirm}
      onClose={onClose}
    >
      <Text>{tx.approveDialog.asked(shown.requester.displayName, shown.productName)}</Text>
      {shown.message ? (
        <div>
          <Text weight="semibold">{tx.approveDialog.message}</Text>
          <blockquote className={styles.quote}>{shown.message}</blockquote>
        </div>
      ) : null}
      <Text role="status" aria-live="polite" className={styles.muted}>
        {skus.isPending
          ? tx.approveDialog.seatsLoading
          : requested
            ? tx.approveDialog.seatsLeft(shown.productName, Math.max(0, requested.available))
            : tx.approveDialog.notSubscribed(shown.productName)}
      </Text>

      {noSeat ? (
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{tx.approveDialog.noSeatTitle}</MessageBarTitle>
            {tx.approveDialog.noSeat(failedName)}{" "}
            {can("billing.manage") ? (
              <RouterLink to={`/t/${tenantId}/billing?buy=${encodeURIComponent(failedSkuId)}&seats=1`}>
                {tx.approveDialog.buySeats}
              </RouterLink>
            ) : (
              tx.approveDialog.askBillingAdmin(failedName)
            )}
            <div>{tx.approveDialog.orPickAnother}</div>
          </MessageBarBody>
        </MessageBar>
      ) : approve.isError ? (
        <ApprovalError error={approve.error} t={t} />
      ) : null}

      <FormField
        control={form.control}
        name="skuId"
        label={tx.approveDialog.product}
        hint={tx.approveDialog.productHint}
      >
        {(field) => (
          <Dropdown
            ref={field.ref}
            onBlur={field.onBlur}
            value={chosen ? optionText(chosen.skuId, chosen.displayName, chosen.available) : shown.productName}
            selectedOptions={field.value ? [field.value] : []}
            onOptionSelect={(_, data) => {
              if (data.optionValue) field.onChange(data.optionValue);
            }}
            disabled={skus.isPending}
          >
            <Option value={shown.skuId} text={optionText(shown.skuId, shown.productName, requested?.available)}>
              {optionText(shown.skuId, shown.productName, requested?.available)}
            </Option>
            {others.map((sku) => (
              <Option key={sku.skuId} value={sku.skuId} text={optionText(sku.skuId, sku.displayName, sku.available)}>
                {optionText(sku.skuId, sku.displayName, sku.available)}
              </Option>
            ))}
          </Dropdown>
        )}
      </FormField>
    </FormDialog>
  );
}
