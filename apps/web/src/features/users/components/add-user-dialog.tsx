import { type BulkLicenseReport, type CreatedUser, createUserRequestSchema } from "@allot/contracts";
import { Button, Field, Input, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useId, useRef, useState } from "react";
import { BusyButton } from "@/components/busy-button";
import { DialogShell } from "@/components/dialog-shell";
import { ErrorMessage } from "@/components/error-message";
import { useApiErrorOnFields } from "@/lib/forms/api-errors";
import { useZodForm } from "@/lib/forms/zod-form";
import { useOpenKey } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import { useTenant } from "@/lib/tenant";
import { useCreateUser, usePreviewCreateUser } from "../api/create-user";
import {
  type ChosenLicenses,
  EMPTY_NEW_USER,
  type NewUserDraft,
  type NewUserRequest,
  newUserInput,
} from "../lib/new-user-draft";
import { useUsersTexts } from "../texts";
import { AddUserLicenses, AddUserReview } from "./add-user-licenses";
import { NewUserFields } from "./new-user-fields";
import { PasswordResult } from "./password-result";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

/** "Add a user": validated with the API's own schema; the temporary password is shown once, here. */
interface AddUserDialogProps {
  tenantId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

export function AddUserDialog(props: AddUserDialogProps) {
  return <AddUserDialogContent key={useOpenKey(props.open)} {...props} />;
}

/** The user just added: their username and the temporary password, shown this once. */
function AddUserCreated({ created }: { created: CreatedUser }) {
  const u = useUsersTexts();
  return (
    <>
      <MessageBar intent="success">
        <MessageBarBody>{u.add.created(created.displayName)}</MessageBarBody>
      </MessageBar>
      <Field label={u.details.email}>
        <Input readOnly value={created.email} />
      </Field>
      <PasswordResult
        temporaryPassword={created.temporaryPassword}
        ownPasswordNote={u.add.ownPasswordSet}
        intent="info"
      />
    </>
  );
}

/** Three steps in one dialog, each with its own buttons: the form, the review of its licenses, the user added. */
function AddUserDialogContent({ tenantId, open, onOpenChange }: AddUserDialogProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const u = useUsersTexts();
  const createUser = useCreateUser(tenantId);
  const [created, setCreated] = useState<CreatedUser | null>(null);
  const canAssign = useTenant().can("licenses.assign");
  // The license picker's choice, beside the form: the request is made of both.
  const [licenses, setLicenses] = useState<ChosenLicenses>(new Map());
  const form = useZodForm(createUserRequestSchema, {
    defaultValues: EMPTY_NEW_USER,
    toInput: (draft: NewUserDraft) => newUserInput(draft, licenses),
  });
  // With licenses, Add user first shows the step's preview (a dry run); the request it checked is kept for Confirm.
  const [review, setReview] = useState<{ request: NewUserRequest; report: BulkLicenseReport } | null>(null);
  const preview = usePreviewCreateUser(tenantId);
  const error = useApiErrorOnFields(form, createUser.error ?? preview.error, { EmailTaken: "email" });
  const reviewRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (review) reviewRef.current?.focus();
  }, [review]);
  const formId = useId();
  const busy = createUser.isPending;

  const reset = () => {
    form.reset(EMPTY_NEW_USER);
    setCreated(null);
    setLicenses(new Map());
    setReview(null);
    createUser.reset();
    preview.reset();
  };

  const close = () => {
    if (!busy) onOpenChange(false);
  };

  const submit = form.handleSubmit((request) => {
    if (request.assignedLicenses.length === 0) createUser.mutate(request, { onSuccess: setCreated });
    else preview.mutate(request, { onSuccess: (report) => setReview({ request, report }) });
  });

  const confirm = () => {
    if (!review) return;
    createUser.mutate(review.request, {
      onSuccess: setCreated,
      // Refused after all (e.g. the last seat went meanwhile): back to the form, which says why.
      onError: () => setReview(null),
    });
  };

  const actions = created ? (
    <>
      <Button onClick={reset}>{u.add.addAnother}</Button>
      <Button appearance="primary" onClick={close}>
        {t.common.done}
      </Button>
    </>
  ) : review ? (
    <>
      <Button onClick={() => setReview(null)} disabled={busy}>
        {u.addUserLicenses.back}
      </Button>
      <BusyButton
        busy={busy}
        disabled={review.report.summary.failed > 0}
        label={u.addUserLicenses.confirm}
        busyLabel={u.addUserLicenses.confirming}
        onClick={confirm}
      />
    </>
  ) : (
    <>
      <Button onClick={close} disabled={busy}>
        {t.common.cancel}
      </Button>
      <BusyButton
        type="submit"
        form={formId}
        busy={busy || preview.isPending}
        label={u.add.submit}
        busyLabel={preview.isPending ? u.addUserLicenses.checking : u.add.submitting}
      />
    </>
  );

  return (
    <DialogShell
      open={open}
      title={created ? u.add.createdTitle : review ? u.addUserLicenses.reviewTitle : u.add.title}
      busy={busy}
      onClose={close}
      actions={actions}
      contentClassName={styles.content}
      dismissible
    >
      {created ? (
        <AddUserCreated created={created} />
      ) : review ? (
        <div ref={reviewRef} tabIndex={-1}>
          <AddUserReview
            tenantId={tenantId}
            name={review.request.displayName}
            report={review.report}
            chosen={licenses}
          />
        </div>
      ) : (
        <form id={formId} className={styles.form} onSubmit={submit} noValidate>
          {error ? <ErrorMessage error={error} /> : null}
          <NewUserFields control={form.control} />
          {canAssign ? <AddUserLicenses tenantId={tenantId} chosen={licenses} onChange={setLicenses} /> : null}
        </form>
      )}
    </DialogShell>
  );
}
