import {
  changeSeatsRequestSchema,
  type QuoteRequest,
  type Subscription,
  seatsInUseProblemSchema,
} from "@allot/contracts";
import { MessageBar, MessageBarBody, makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import { useController } from "react-hook-form";
import { SeatsField, seatsFromText, validSeats } from "@/components/billing/seats-field";
import { ErrorMessage } from "@/components/error-message";
import { FormDialog } from "@/components/form-dialog";
import { useNotify } from "@/components/notify";
import { isApiError } from "@/lib/api-client";
import { useIdempotencyKeys } from "@/lib/billing/idempotency-key";
import { useQuote } from "@/lib/billing/quote";
import { useChangeSeats } from "@/lib/billing/subscription-mutations";
import { errorMessage } from "@/lib/errors";
import { useFormatMoney } from "@/lib/format-money";
import { useApiErrorOnFields } from "@/lib/forms/api-errors";
import { useZodForm } from "@/lib/forms/zod-form";
import { useDebouncedValue, useOpenKey } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import { invalidateAfterSubscriptionChange } from "../api/invalidate";
import { useAccountTexts } from "../texts";

const useStyles = makeStyles({
  holders: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

interface ChangeSeatsDialogProps {
  tenantId: string;
  subscription: Subscription;
  open: boolean;
  onClose: () => void;
}

/** Seats of the buyer's subscription: the quote (charge or credit) first, then the change. */
export function ChangeSeatsDialog(props: ChangeSeatsDialogProps) {
  return <ChangeSeatsDialogContent key={useOpenKey(props.open)} {...props} />;
}

function ChangeSeatsDialogContent({ tenantId, subscription, open, onClose }: ChangeSeatsDialogProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const tx = useAccountTexts();
  const money = useFormatMoney();
  const notify = useNotify();
  const keyFor = useIdempotencyKeys();
  const change = useChangeSeats(tenantId, subscription.id, invalidateAfterSubscriptionChange);
  // The seats as typed: the price follows them as they change, and the schema checks them as a number.
  const form = useZodForm(changeSeatsRequestSchema, {
    defaultValues: { seats: String(subscription.seats) },
    toInput: (draft: { seats: string }) => ({ seats: seatsFromText(draft.seats) }),
  });
  const { field, fieldState } = useController({ control: form.control, name: "seats" });
  const text = field.value;
  const seats = seatsFromText(text);
  const debounced = useDebouncedValue(seats, 300);
  const differs = validSeats(seats) && seats !== subscription.seats;
  const quoteRequest: QuoteRequest | null =
    validSeats(debounced) && debounced !== subscription.seats
      ? { kind: "seatChange", subscriptionId: subscription.id, seats: debounced }
      : null;
  const quote = useQuote(tenantId, quoteRequest);
  const quoteCurrent = differs && debounced === seats && quote.data && !quote.isPlaceholderData;
  const inUse = isApiError(change.error, "SeatsInUse") ? seatsInUseProblemSchema.safeParse(change.error.problem) : null;
  const error = useApiErrorOnFields(form, inUse ? null : change.error);

  const confirm = form.handleSubmit((parsed) => {
    const request = { seats: parsed.seats };
    change.mutate(
      { request, idempotencyKey: keyFor(request) },
      {
        onSuccess: (result) => {
          notify(tx.changed(result.subscription.seats));
          onClose();
        },
      },
    );
  });

  const amount = quote.data?.amountCents ?? 0;
  const currency = quote.data?.currency ?? subscription.currency;

  return (
    <FormDialog
      open={open}
      title={tx.changeTitle(subscription.productName)}
      confirmLabel={tx.changeConfirm(validSeats(seats) ? seats : subscription.seats)}
      busyLabel={tx.changing}
      busy={change.isPending}
      canConfirm={Boolean(quoteCurrent)}
      onConfirm={confirm}
      onClose={onClose}
    >
      {inUse ? (
        <MessageBar intent="warning" role="alert" layout="multiline">
          <MessageBarBody>
            {inUse.success ? (
              <>
                {tx.seatsInUse(inUse.data.shortfall)}
                <ul className={styles.holders}>
                  {inUse.data.holders.map((holder) => (
                    <li key={holder.id}>{`${holder.displayName} (${holder.email})`}</li>
                  ))}
                </ul>
              </>
            ) : (
              t.errors.SeatsInUse
            )}
          </MessageBarBody>
        </MessageBar>
      ) : error ? (
        <ErrorMessage error={error} />
      ) : null}
      <SeatsField
        label={tx.newSeats}
        text={text}
        onTextChange={field.onChange}
        error={text.trim() && !validSeats(seats) ? tx.seatsInvalid : fieldState.error?.message}
      />
      <div aria-live="polite">
        {!differs ? null : quote.isError ? (
          <Text role="alert">{errorMessage(quote.error, t)}</Text>
        ) : quoteCurrent ? (
          <Text weight="semibold">
            {amount > 0
              ? tx.charge(money(amount, currency))
              : amount < 0
                ? tx.credit(money(-amount, currency))
                : tx.noCharge}
          </Text>
        ) : (
          <Spinner size="tiny" labelPosition="after" label={tx.quoteLoading} />
        )}
      </div>
    </FormDialog>
  );
}
