import { createGroupRequestSchema } from "@allot/contracts";
import { Textarea } from "@fluentui/react-components";
import { FormDialog } from "@/components/form-dialog";
import { useNotify } from "@/components/notify";
import { useApiErrorOnFields } from "@/lib/forms/api-errors";
import { FormField, TextField } from "@/lib/forms/form-field";
import { useZodForm } from "@/lib/forms/zod-form";
import { useOpenKey } from "@/lib/hooks";
import { useCreateGroup } from "../api/create-group";
import { useGroupsTexts } from "../texts";

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
  const g = useGroupsTexts();
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
        notify(g.add.created(group.displayName));
        onClose();
      },
    }),
  );

  return (
    <FormDialog
      open={open}
      title={g.add.title}
      confirmLabel={g.add.submit}
      busyLabel={g.add.submitting}
      busy={createGroup.isPending}
      onConfirm={save}
      onClose={onClose}
      error={error}
    >
      <TextField control={form.control} name="displayName" label={g.add.displayName} required />
      <FormField control={form.control} name="description" label={g.add.description}>
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
