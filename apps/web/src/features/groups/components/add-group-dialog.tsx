import { createGroupRequestSchema } from "@allot/contracts";
import { Textarea } from "@fluentui/react-components";
import { FormDialog } from "@/components/form-dialog";
import { useNotify } from "@/components/notify";
import { useApiErrorOnFields } from "@/lib/forms/api-errors";
import { FormField, TextField } from "@/lib/forms/form-field";
import { useZodForm } from "@/lib/forms/zod-form";
import { useOpenKey } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import { useCreateGroup } from "../api/create-group";

interface AddGroupDialogProps {
  tenantId: string;
  open: boolean;
  onClose: () => void;
}

interface GroupDraft {
  displayName: string;
  description: string;
}

export function AddGroupDialog(props: AddGroupDialogProps) {
  return <AddGroupDialogContent key={useOpenKey(props.open)} {...props} />;
}

function AddGroupDialogContent({ tenantId, open, onClose }: AddGroupDialogProps) {
  const { t } = useI18n();
  const notify = useNotify();
  const createGroup = useCreateGroup(tenantId);
  const form = useZodForm(createGroupRequestSchema, {
    defaultValues: { displayName: "", description: "" } satisfies GroupDraft,
    // An empty description is no description.
    toInput: ({ displayName, description }: GroupDraft) => ({
      displayName,
      ...(description.trim() ? { description } : {}),
    }),
  });
  const error = useApiErrorOnFields(form, createGroup.error, { GroupNameTaken: "displayName" });

  const save = form.handleSubmit((request) =>
    createGroup.mutate(request, {
      onSuccess: (group) => {
        notify(t.groups.add.created(group.displayName));
        onClose();
      },
    }),
  );

  return (
    <FormDialog
      open={open}
      title={t.groups.add.title}
      confirmLabel={t.groups.add.submit}
      busyLabel={t.groups.add.submitting}
      busy={createGroup.isPending}
      onConfirm={save}
      onClose={onClose}
      error={error}
    >
      <TextField control={form.control} name="displayName" label={t.groups.add.displayName} required />
      <FormField control={form.control} name="description" label={t.groups.add.description}>
        {(field) => (
          <Textarea
            ref={field.ref}
            value={field.value}
            onBlur={field.onBlur}
            onChange={(_, data) => field.onChange(data.value)}
            resize="vertical"
          />
        )}
      </FormField>
    </FormDialog>
  );
}
