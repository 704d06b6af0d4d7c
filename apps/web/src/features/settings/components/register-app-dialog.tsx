import { createApplicationSchema } from "@allot/contracts";
import type { ApplicationPermission } from "@allot/domain";
import { Controller } from "react-hook-form";
import { FormDialog } from "@/components/form-dialog";
import { useNotify } from "@/components/notify";
import { useApiErrorOnFields } from "@/lib/forms/api-errors";
import { TextField } from "@/lib/forms/form-field";
import { useZodForm } from "@/lib/forms/zod-form";
import { useOpenKey } from "@/lib/hooks";
import { useCreateApplication } from "../api/applications";
import { useSettingsTexts } from "../texts";
import { PermissionCheckboxes } from "./permission-checkboxes";

interface AppDraft {
  displayName: string;
  permissions: ApplicationPermission[];
}

const EMPTY: AppDraft = { displayName: "", permissions: [] };

interface RegisterAppDialogProps {
  tenantId: string;
  open: boolean;
  onClose: () => void;
  /** Called with the new app's id once it is registered, to open its details (where its first secret is added). */
  onRegistered: (applicationId: string) => void;
}

/** Register an app: its name and the application permissions it is granted. */
export function RegisterAppDialog(props: RegisterAppDialogProps) {
  return <RegisterAppDialogContent key={useOpenKey(props.open)} {...props} />;
}

function RegisterAppDialogContent({ tenantId, open, onClose, onRegistered }: RegisterAppDialogProps) {
  const s = useSettingsTexts().apps;
  const tx = s.registerDialog;
  const notify = useNotify();
  const create = useCreateApplication(tenantId);
  const form = useZodForm(createApplicationSchema, { defaultValues: EMPTY });
  const error = useApiErrorOnFields(form, create.error);
  const submit = form.handleSubmit((body) =>
    create.mutate(body, {
      onSuccess: (app) => {
        notify(tx.registered(app.displayName));
        onRegistered(app.id);
      },
    }),
  );
  return (
    <FormDialog
      open={open}
      title={tx.title}
      confirmLabel={tx.submit}
      busyLabel={tx.submitting}
      busy={create.isPending}
      onConfirm={submit}
      onClose={onClose}
      error={error}
    >
      <TextField
        control={form.control}
        name="displayName"
        label={tx.name}
        hint={tx.nameHint}
        required
        input={{ autoFocus: true, maxLength: 120, autoComplete: "off" }}
      />
      <Controller
        control={form.control}
        name="permissions"
        render={({ field }) => (
          <PermissionCheckboxes value={field.value} onChange={field.onChange} disabled={create.isPending} />
        )}
      />
    </FormDialog>
  );
}
