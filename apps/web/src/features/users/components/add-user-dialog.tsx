import type { BulkLicenseReport, CreatedUser, CreateUserRequest } from "@allot/contracts";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { CopyField } from "@/components/copy-field";
import { ErrorMessage } from "@/components/error-message";
import { ApiError } from "@/lib/api-client";
import { useOpenKey } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import { useTenant } from "@/lib/tenant";
import { type FieldErrors, fieldErrorsFromApi } from "@/lib/validation";
import { useCreateUser, usePreviewCreateUser } from "../api/create-user";
import { type ChosenLicenses, EMPTY_NEW_USER, type NewUserDraft, parseNewUser } from "../lib/new-user-draft";
import { useUsersTexts } from "../texts";
import { AddUserLicenses, AddUserReview } from "./add-user-licenses";
import { NewUserFields } from "./new-user-fields";

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

function AddUserDialogContent({ tenantId, open, onOpenChange }: AddUserDialogProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const u = useUsersTexts();
  const createUser = useCreateUser(tenantId);
  const [draft, setDraft] = useState<NewUserDraft>(EMPTY_NEW_USER);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<CreatedUser | null>(null);
  const canAssign = useTenant().can("licenses.assign");
  const [licenses, setLicenses] = useState<ChosenLicenses>(new Map());
  // With licenses, Add user first shows the step's preview (a dry run); the request it checked is kept for Confirm.
  const [review, setReview] = useState<{ request: CreateUserRequest; report: BulkLicenseReport } | null>(null);
  const preview = usePreviewCreateUser(tenantId);
  const reviewRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (review) reviewRef.current?.focus();
  }, [review]);
  const formId = useId();

  const update = <K extends keyof NewUserDraft>(key: K, value: NewUserDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  const reset = () => {
    setDraft(EMPTY_NEW_USER);
    setErrors({});
    setCreated(null);
    setLicenses(new Map());
    setReview(null);
    createUser.reset();
    preview.reset();
  };

  const close = () => {
    if (!createUser.isPending) onOpenChange(false);
  };

  const onCreateError = (error: Error) => {
    if (error instanceof ApiError && error.code === "EmailTaken") setErrors({ email: t.errors.EmailTaken });
    else if (error instanceof ApiError && error.fieldErrors.length > 0)
      setErrors(fieldErrorsFromApi(error.fieldErrors));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseNewUser(draft, licenses, t);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    const request = parsed.request;
    setErrors({});
    if (request.assignedLicenses.length === 0) {
      createUser.mutate(request, { onSuccess: setCreated, onError: onCreateError });
      return;
    }
    preview.mutate(request, {
      onSuccess: (report) => setReview({ request, report }),
      onError: onCreateError,
    });
  };

  const confirm = () => {
    if (!review) return;
    createUser.mutate(review.request, {
      onSuccess: setCreated,
      onError: (error) => {
        // Refused after all (e.g. the last seat went meanwhile): back to the form, which says why.
        setReview(null);
        onCreateError(error);
      },
    });
  };

  const failed = createUser.error ?? preview.error;
  const apiError = failed && !(failed instanceof ApiError && failed.code === "EmailTaken") ? failed : null;

  return (
    <Dialog open={open} onOpenChange={(_, data) => (data.open ? onOpenChange(true) : close())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle
            action={
              <DialogTrigger action="close">
                <Button appearance="subtle" aria-label={t.common.close} icon={<DismissRegular />} />
              </DialogTrigger>
            }
          >
            {created ? u.add.createdTitle : review ? u.addUserLicenses.reviewTitle : u.add.title}
          </DialogTitle>
          {created ? (
            <>
              <DialogContent className={styles.content}>
                <MessageBar intent="success">
                  <MessageBarBody>{u.add.created(created.displayName)}</MessageBarBody>
                </MessageBar>
                <Field label={u.details.email}>
                  <Input readOnly value={created.email} />
                </Field>
                {created.temporaryPassword ? (
                  <CopyField
                    label={u.add.temporaryPassword}
                    value={created.temporaryPassword}
                    hint={u.add.temporaryPasswordHint}
                  />
                ) : (
                  <MessageBar intent="info">
                    <MessageBarBody>{u.add.ownPasswordSet}</MessageBarBody>
                  </MessageBar>
                )}
              </DialogContent>
              <DialogActions>
                <Button onClick={reset}>{u.add.addAnother}</Button>
                <Button appearance="primary" onClick={close}>
                  {t.common.done}
                </Button>
              </DialogActions>
            </>
          ) : review ? (
            <>
              <DialogContent>
                <div ref={reviewRef} tabIndex={-1}>
                  <AddUserReview
                    tenantId={tenantId}
                    name={review.request.displayName}
                    report={review.report}
                    chosen={licenses}
                  />
                </div>
              </DialogContent>
              <DialogActions>
                <Button onClick={() => setReview(null)} disabled={createUser.isPending}>
                  {u.addUserLicenses.back}
                </Button>
                <Button
                  appearance="primary"
                  onClick={confirm}
                  disabled={review.report.summary.failed > 0}
                  disabledFocusable={createUser.isPending}
                  icon={createUser.isPending ? <Spinner size="tiny" /> : undefined}
                >
                  {createUser.isPending ? u.addUserLicenses.confirming : u.addUserLicenses.confirm}
                </Button>
              </DialogActions>
            </>
          ) : (
            <>
              <DialogContent>
                <form id={formId} className={styles.form} onSubmit={submit} noValidate>
                  {apiError ? <ErrorMessage error={apiError} /> : null}
                  <NewUserFields draft={draft} errors={errors} onChange={update} />
                  {canAssign ? <AddUserLicenses tenantId={tenantId} chosen={licenses} onChange={setLicenses} /> : null}
                </form>
              </DialogContent>
              <DialogActions>
                <Button onClick={close} disabled={createUser.isPending}>
                  {t.common.cancel}
                </Button>
                <Button
                  type="submit"
                  form={formId}
                  appearance="primary"
                  disabledFocusable={createUser.isPending || preview.isPending}
                  icon={createUser.isPending || preview.isPending ? <Spinner size="tiny" /> : undefined}
                >
                  {preview.isPending
                    ? u.addUserLicenses.checking
                    : createUser.isPending
                      ? u.add.submitting
                      : u.add.submit}
                </Button>
              </DialogActions>
            </>
          )}
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
