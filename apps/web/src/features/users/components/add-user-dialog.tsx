import {
  type BulkLicenseReport,
  type CreatedUser,
  type CreateUserRequest,
  createUserRequestSchema,
} from "@allot/contracts";
import {
  Button,
  Checkbox,
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
  Radio,
  RadioGroup,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { CopyField } from "@/components/copy-field";
import { CountrySelect } from "@/components/country-select";
import { ErrorMessage } from "@/components/error-message";
import { ApiError } from "@/lib/api-client";
import { useOpenKey } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import { useTenant } from "@/lib/tenant";
import { type FieldErrors, fieldErrorsFromApi, fieldErrorsFromZod } from "@/lib/validation";
import { useCreateUser, usePreviewCreateUser } from "../api/create-user";
import { AddUserLicenses, AddUserReview, type ChosenLicenses } from "./add-user-licenses";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

interface Draft {
  displayName: string;
  email: string;
  usageLocation: string | null;
  userType: "member" | "guest";
  blockSignIn: boolean;
  passwordMode: "auto" | "own";
  password: string;
}

const EMPTY: Draft = {
  displayName: "",
  email: "",
  usageLocation: null,
  userType: "member",
  blockSignIn: false,
  passwordMode: "auto",
  password: "",
};

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
  const createUser = useCreateUser(tenantId);
  const [draft, setDraft] = useState<Draft>(EMPTY);
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
  const countryId = useId();

  const update = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  const reset = () => {
    setDraft(EMPTY);
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
    const parsed = createUserRequestSchema.safeParse({
      displayName: draft.displayName,
      email: draft.email,
      usageLocation: draft.usageLocation,
      userType: draft.userType,
      accountEnabled: !draft.blockSignIn,
      password: draft.passwordMode === "own" ? draft.password : undefined,
      assignedLicenses: [...licenses].map(([skuId, off]) => ({ skuId, disabledPlans: [...off] })),
    });
    if (!parsed.success) {
      setErrors(fieldErrorsFromZod(parsed.error, t));
      return;
    }
    setErrors({});
    if (parsed.data.assignedLicenses.length === 0) {
      createUser.mutate(parsed.data, { onSuccess: setCreated, onError: onCreateError });
      return;
    }
    preview.mutate(parsed.data, {
      onSuccess: (report) => setReview({ request: parsed.data, report }),
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
            {created ? t.users.add.createdTitle : review ? t.addUserLicenses.reviewTitle : t.users.add.title}
          </DialogTitle>
          {created ? (
            <>
              <DialogContent className={styles.content}>
                <MessageBar intent="success">
                  <MessageBarBody>{t.users.add.created(created.displayName)}</MessageBarBody>
                </MessageBar>
                <Field label={t.users.details.email}>
                  <Input readOnly value={created.email} />
                </Field>
                {created.temporaryPassword ? (
                  <CopyField
                    label={t.users.add.temporaryPassword}
                    value={created.temporaryPassword}
                    hint={t.users.add.temporaryPasswordHint}
                  />
                ) : (
                  <MessageBar intent="info">
                    <MessageBarBody>{t.users.add.ownPasswordSet}</MessageBarBody>
                  </MessageBar>
                )}
              </DialogContent>
              <DialogActions>
                <Button onClick={reset}>{t.users.add.addAnother}</Button>
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
                  {t.addUserLicenses.back}
                </Button>
                <Button
                  appearance="primary"
                  onClick={confirm}
                  disabled={review.report.summary.failed > 0}
                  disabledFocusable={createUser.isPending}
                  icon={createUser.isPending ? <Spinner size="tiny" /> : undefined}
                >
                  {createUser.isPending ? t.addUserLicenses.confirming : t.addUserLicenses.confirm}
                </Button>
              </DialogActions>
            </>
          ) : (
            <>
              <DialogContent>
                <form id={formId} className={styles.form} onSubmit={submit} noValidate>
                  {apiError ? <ErrorMessage error={apiError} /> : null}
                  <Field label={t.users.add.displayName} required validationMessage={errors.displayName}>
                    <Input
                      value={draft.displayName}
                      onChange={(_, data) => update("displayName", data.value)}
                      autoComplete="off"
                      autoFocus
                    />
                  </Field>
                  <Field label={t.users.add.email} required validationMessage={errors.email}>
                    <Input
                      type="email"
                      value={draft.email}
                      onChange={(_, data) => update("email", data.value)}
                      autoComplete="off"
                    />
                  </Field>
                  <Field
                    label={{ children: t.users.add.usageLocation, htmlFor: countryId }}
                    hint={t.users.add.usageLocationHint}
                    validationMessage={errors.usageLocation}
                  >
                    <CountrySelect
                      id={countryId}
                      value={draft.usageLocation}
                      onChange={(code) => update("usageLocation", code)}
                    />
                  </Field>
                  <Field label={t.users.add.userType}>
                    <RadioGroup
                      layout="horizontal"
                      value={draft.userType}
                      onChange={(_, data) => update("userType", data.value === "guest" ? "guest" : "member")}
                    >
                      <Radio value="member" label={t.users.member} />
                      <Radio value="guest" label={t.users.guest} />
                    </RadioGroup>
                  </Field>
                  <Checkbox
                    label={t.users.add.blockSignIn}
                    checked={draft.blockSignIn}
                    onChange={(_, data) => update("blockSignIn", data.checked === true)}
                  />
                  <Field label={t.users.add.password}>
                    <RadioGroup
                      value={draft.passwordMode}
                      onChange={(_, data) => update("passwordMode", data.value === "own" ? "own" : "auto")}
                    >
                      <Radio value="auto" label={t.users.add.autoPassword} />
                      <Radio value="own" label={t.users.add.ownPassword} />
                    </RadioGroup>
                  </Field>
                  {draft.passwordMode === "own" ? (
                    <Field
                      label={t.users.add.passwordField}
                      required
                      hint={t.users.add.passwordHint}
                      validationMessage={errors.password}
                    >
                      <Input
                        type="password"
                        autoComplete="new-password"
                        value={draft.password}
                        onChange={(_, data) => update("password", data.value)}
                      />
                    </Field>
                  ) : null}
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
                    ? t.addUserLicenses.checking
                    : createUser.isPending
                      ? t.users.add.submitting
                      : t.users.add.submit}
                </Button>
              </DialogActions>
            </>
          )}
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
