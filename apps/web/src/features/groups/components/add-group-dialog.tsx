import { createGroupRequestSchema } from "@allot/contracts";
import { Field, Input, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import { ErrorMessage } from "@/components/error-message";
import { FormDialog } from "@/components/form-dialog";
import { useNotify } from "@/components/notify";
import { ApiError } from "@/lib/api-client";
import { useOpenKey } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import { type FieldErrors, fieldErrorsFromApi, fieldErrorsFromZod } from "@/lib/validation";
import { useCreateGroup } from "../api/create-group";

interface AddGroupDialogProps {
  tenantId: string;
  open: boolean;
  onClose: () => void;
}

export function AddGroupDialog(props: AddGroupDialogProps) {
  return <AddGroupDialogContent key={useOpenKey(props.open)} {...props} />;
}

function AddGroupDialogContent({ tenantId, open, onClose }: AddGroupDialogProps) {
  const { t } = useI18n();
  const notify = useNotify();
  const createGroup = useCreateGroup(tenantId);
  const [displayName, setDisplayName] = useState("");
  const [description, setDescription] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});

  const submit = () => {
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
        onClose();
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
    <FormDialog
      open={open}
      title={t.groups.add.title}
      confirmLabel={t.groups.add.submit}
      busyLabel={t.groups.add.submitting}
      busy={createGroup.isPending}
      canConfirm
      onConfirm={submit}
      onClose={onClose}
    >
      {apiError ? <ErrorMessage error={apiError} /> : null}
      <Field label={t.groups.add.displayName} required validationMessage={errors.displayName}>
        <Input value={displayName} onChange={(_, data) => setDisplayName(data.value)} />
      </Field>
      <Field label={t.groups.add.description} validationMessage={errors.description}>
        <Textarea value={description} onChange={(_, data) => setDescription(data.value)} resize="vertical" />
      </Field>
    </FormDialog>
  );
}
