import { createGroupRequestSchema } from "@allot/contracts";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Spinner,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { type FormEvent, useId, useState } from "react";
import { ErrorMessage } from "@/components/error-message";
import { useNotify } from "@/components/notify";
import { ApiError } from "@/lib/api-client";
import { useOpenKey } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import { type FieldErrors, fieldErrorsFromApi, fieldErrorsFromZod } from "@/lib/validation";
import { useCreateGroup } from "../api/create-group";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

interface AddGroupDialogProps {
  tenantId: string;
  open: boolean;
  onClose: () => void;
}

export function AddGroupDialog(props: AddGroupDialogProps) {
  return <AddGroupDialogContent key={useOpenKey(props.open)} {...props} />;
}

function AddGroupDialogContent({ tenantId, open, onClose }: AddGroupDialogProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const notify = useNotify();
  const createGroup = useCreateGroup(tenantId);
  const [displayName, setDisplayName] = useState("");
  const [description, setDescription] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const formId = useId();

  const close = () => {
    if (!createGroup.isPending) onClose();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = createGroupRequestSchema.safeParse({
      displayName,
      ...(description.trim() ? { description } : {}),
    });
    if (!parsed.success) {
      setErrors(fieldErrorsFromZod(parsed.error, t));
      return;
    }
    setErrors({});
    createGroup.mutate(parsed.data, {
      onSuccess: (group) => {
        notify(t.groups.add.created(group.displayName));
        close();
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === "GroupNameTaken")
          setErrors({ displayName: t.errors.GroupNameTaken });
        else if (error instanceof ApiError && error.fieldErrors.length > 0)
          setErrors(fieldErrorsFromApi(error.fieldErrors));
      },
    });
  };

  const apiError =
    createGroup.isError && !(createGroup.error instanceof ApiError && createGroup.error.code === "GroupNameTaken")
      ? createGroup.error
      : null;

  return (
    <Dialog open={open} onOpenChange={(_, data) => (data.open ? undefined : close())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t.groups.add.title}</DialogTitle>
          <DialogContent>
            <form id={formId} className={styles.form} onSubmit={submit} noValidate>
              {apiError ? <ErrorMessage error={apiError} /> : null}
              <Field label={t.groups.add.displayName} required validationMessage={errors.displayName}>
                <Input value={displayName} onChange={(_, data) => setDisplayName(data.value)} />
              </Field>
              <Field label={t.groups.add.description} validationMessage={errors.description}>
                <Textarea value={description} onChange={(_, data) => setDescription(data.value)} resize="vertical" />
              </Field>
            </form>
          </DialogContent>
          <DialogActions>
            <Button onClick={close} disabled={createGroup.isPending}>
              {t.common.cancel}
            </Button>
            <Button
              type="submit"
              form={formId}
              appearance="primary"
              disabledFocusable={createGroup.isPending}
              icon={createGroup.isPending ? <Spinner size="tiny" /> : undefined}
            >
              {createGroup.isPending ? t.groups.add.submitting : t.groups.add.submit}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
