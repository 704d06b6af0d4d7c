import {
  createEnvironmentRequestSchema,
  ENVIRONMENT_TYPES,
  type Environment,
  type EnvironmentType,
} from "@allot/contracts";
import { Select } from "@fluentui/react-components";
import { FormDialog } from "@/components/form-dialog";
import { useNotify } from "@/components/notify";
import { useApiErrorOnFields } from "@/lib/forms/api-errors";
import { FormField, TextField } from "@/lib/forms/form-field";
import { useZodForm } from "@/lib/forms/zod-form";
import { useOpenKey } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import { useCreateEnvironment, useUpdateEnvironment } from "../api/environments";
import { usePowerPlatformTexts } from "../texts";

interface EnvironmentDialogProps {
  tenantId: string;
  open: boolean;
  /** The environment to rename or retype; a new one when left out. */
  environment?: Environment | undefined;
  onClose: () => void;
}

interface EnvironmentDraft {
  name: string;
  type: EnvironmentType;
}

/** New environment, or Edit (name and type) of one. */
export function EnvironmentDialog(props: EnvironmentDialogProps) {
  return <EnvironmentDialogContent key={useOpenKey(props.open)} {...props} />;
}

function EnvironmentDialogContent({ tenantId, open, environment, onClose }: EnvironmentDialogProps) {
  const { t } = useI18n();
  const p = usePowerPlatformTexts();
  const notify = useNotify();
  const create = useCreateEnvironment(tenantId);
  const update = useUpdateEnvironment(tenantId);
  const mutation = environment ? update : create;
  const form = useZodForm(createEnvironmentRequestSchema, {
    defaultValues: {
      name: environment?.name ?? "",
      type: environment?.type ?? "production",
    } satisfies EnvironmentDraft,
  });
  const error = useApiErrorOnFields(form, mutation.error, {
    EnvironmentNameTaken: "name",
    DefaultEnvironmentExists: "type",
  });

  const save = form.handleSubmit((body) => {
    if (environment) {
      update.mutate(
        { id: environment.id, body },
        {
          onSuccess: (saved) => {
            notify(p.environments.dialog.saved(saved.name));
            onClose();
          },
        },
      );
    } else {
      create.mutate(body, {
        onSuccess: (created) => {
          notify(p.environments.dialog.created(created.name));
          onClose();
        },
      });
    }
  });

  return (
    <FormDialog
      open={open}
      title={environment ? p.environments.dialog.editTitle(environment.name) : p.environments.dialog.createTitle}
      confirmLabel={environment ? t.common.save : p.environments.dialog.create}
      busyLabel={environment ? t.common.saving : p.environments.dialog.creating}
      busy={mutation.isPending}
      onConfirm={save}
      onClose={onClose}
      error={error}
    >
      <TextField control={form.control} name="name" label={p.environments.dialog.name} required />
      <FormField control={form.control} name="type" label={p.environments.dialog.type} required>
        {(field) => (
          <Select
            ref={field.ref}
            value={field.value}
            onBlur={field.onBlur}
            onChange={(_, data) => field.onChange(data.value)}
          >
            {ENVIRONMENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {p.environmentTypes[type]}
              </option>
            ))}
          </Select>
        )}
      </FormField>
    </FormDialog>
  );
}
