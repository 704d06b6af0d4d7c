import { createMachineRequestSchema, type Environment, type Machine } from "@allot/contracts";
import { Checkbox, Input } from "@fluentui/react-components";
import { FormDialog } from "@/components/form-dialog";
import { useNotify } from "@/components/notify";
import { RouterLink } from "@/components/router-link";
import { isApiError } from "@/lib/api-client";
import { useApiErrorOnFields } from "@/lib/forms/api-errors";
import { FormField, TextField } from "@/lib/forms/form-field";
import { useZodForm } from "@/lib/forms/zod-form";
import { useOpenKey } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import { useTenant } from "@/lib/tenant";
import { useRegisterMachine, useUpdateMachine } from "../api/machines";
import { usePowerPlatformTexts } from "../texts";
import { CapacityErrorMessage } from "./shortfall-message";

interface MachineDialogProps {
  environment: Environment;
  open: boolean;
  /** The machine whose parallel runs change; a new machine when left out. */
  machine?: Machine | undefined;
  onClose: () => void;
}

interface MachineDraft {
  name: string;
  parallelRuns: string;
  hosted: boolean;
}

/** Register machine (name, parallel runs, hosted), or change a machine's parallel runs. */
export function MachineDialog(props: MachineDialogProps) {
  return <MachineDialogContent key={useOpenKey(props.open)} {...props} />;
}

function MachineDialogContent({ environment, open, machine, onClose }: MachineDialogProps) {
  const { t } = useI18n();
  const p = usePowerPlatformTexts();
  const notify = useNotify();
  const { tenant } = useTenant();
  const register = useRegisterMachine(tenant.id, environment.id);
  const update = useUpdateMachine(tenant.id);
  const mutation = machine ? update : register;
  const defaults: MachineDraft = {
    name: machine?.name ?? "",
    parallelRuns: String(machine?.parallelRuns ?? 1),
    hosted: machine?.hosted ?? false,
  };
  const form = useZodForm(createMachineRequestSchema, {
    defaultValues: defaults,
    toInput: ({ parallelRuns, ...rest }: MachineDraft) => ({
      ...rest,
      parallelRuns: /^\d+$/.test(parallelRuns.trim()) ? Number(parallelRuns) : parallelRuns,
    }),
  });
  const error = useApiErrorOnFields(form, mutation.error, { MachineNameTaken: "name" });
  const capacityError = isApiError(error, "CapacityNotAvailable");

  const save = form.handleSubmit((body) => {
    if (machine) {
      update.mutate(
        { id: machine.id, body: { parallelRuns: body.parallelRuns } },
        {
          onSuccess: (saved) => {
            notify(p.machines.dialog.saved(saved.name));
            onClose();
          },
        },
      );
    } else {
      register.mutate(body, {
        onSuccess: (saved) => {
          notify(p.machines.dialog.registered(saved.name));
          onClose();
        },
      });
    }
  });

  return (
    <FormDialog
      open={open}
      title={machine ? p.machines.dialog.editTitle(machine.name) : p.machines.dialog.registerTitle}
      confirmLabel={machine ? t.common.save : p.machines.dialog.register}
      busyLabel={machine ? t.common.saving : p.machines.dialog.registering}
      busy={mutation.isPending}
      onConfirm={save}
      onClose={onClose}
      error={capacityError ? null : error}
    >
      {capacityError ? (
        <CapacityErrorMessage
          error={error}
          environment={environment.name}
          action={<RouterLink to={`/t/${tenant.id}/power-platform/capacity`}>{p.flow.allocateCapacity}</RouterLink>}
        />
      ) : null}
      {machine ? null : <TextField control={form.control} name="name" label={p.machines.dialog.name} required />}
      <FormField
        control={form.control}
        name="parallelRuns"
        label={p.machines.dialog.parallelRuns}
        hint={p.machines.dialog.parallelRunsHint}
        required
      >
        {(field) => (
          <Input
            ref={field.ref}
            type="number"
            min={1}
            inputMode="numeric"
            value={field.value}
            onBlur={field.onBlur}
            onChange={(_, data) => field.onChange(data.value)}
          />
        )}
      </FormField>
      {machine ? null : (
        <FormField control={form.control} name="hosted">
          {(field) => (
            <Checkbox
              ref={field.ref}
              checked={field.value}
              label={p.machines.dialog.hosted}
              onChange={(_, data) => field.onChange(data.checked === true)}
            />
          )}
        </FormField>
      )}
    </FormDialog>
  );
}
