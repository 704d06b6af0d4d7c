import {
  type Capacity,
  capacityExceededSchema,
  capacityShortfallSchema,
  type EnvironmentCapacity,
} from "@allot/contracts";
import { Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import { useState } from "react";
import { FormDialog } from "@/components/form-dialog";
import { useNotify } from "@/components/notify";
import { errorMessage } from "@/lib/errors";
import { useOpenKey } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import { useSetEnvironmentCapacity } from "../api/capacity";
import { problemExtension } from "../api/problem";
import { usePowerPlatformTexts } from "../texts";

interface EditCapacityDialogProps {
  tenantId: string;
  capacity: Capacity;
  environment: EnvironmentCapacity | undefined;
  onClose: () => void;
}

/** Edit on an environment of Capacity › Add-ons: a quantity per add-on, Save sends the whole set. */
export function EditCapacityDialog(props: EditCapacityDialogProps) {
  return <EditCapacityDialogContent key={useOpenKey(props.environment !== undefined)} {...props} />;
}

const isQuantity = (text: string) => /^\d{1,7}$/.test(text.trim());

function EditCapacityDialogContent({ tenantId, capacity, environment, onClose }: EditCapacityDialogProps) {
  const { t } = useI18n();
  const p = usePowerPlatformTexts();
  const notify = useNotify();
  const save = useSetEnvironmentCapacity(tenantId);
  const allocationOf = (skuId: string) => environment?.allocations.find((allocation) => allocation.skuId === skuId);
  const [quantities, setQuantities] = useState<Record<string, string>>(() =>
    Object.fromEntries(capacity.addOns.map((addOn) => [addOn.skuId, String(allocationOf(addOn.skuId)?.quantity ?? 0)])),
  );
  const [submitted, setSubmitted] = useState(false);
  const valid = Object.values(quantities).every(isQuantity);

  const confirm = () => {
    setSubmitted(true);
    if (!environment || !valid) return;
    const allocations = capacity.addOns.map((addOn) => ({
      skuId: addOn.skuId,
      quantity: Number(quantities[addOn.skuId]),
    }));
    save.mutate(
      { environmentId: environment.environmentId, body: { allocations } },
      {
        onSuccess: () => {
          notify(p.capacity.dialog.saved(environment.name));
          onClose();
        },
      },
    );
  };

  return (
    <FormDialog
      open={environment !== undefined}
      title={environment ? p.capacity.dialog.title(environment.name) : ""}
      confirmLabel={t.common.save}
      busyLabel={t.common.saving}
      busy={save.isPending}
      onConfirm={confirm}
      onClose={onClose}
    >
      {save.isError ? <SaveError error={save.error} capacity={capacity} /> : null}
      <Text>{p.capacity.dialog.intro}</Text>
      {capacity.addOns.map((addOn) => {
        const text = quantities[addOn.skuId] ?? "";
        const inUse = allocationOf(addOn.skuId)?.inUse ?? 0;
        return (
          <Field
            key={addOn.skuId}
            label={addOn.displayName}
            hint={p.capacity.dialog.hint(addOn.available, inUse)}
            validationMessage={submitted && !isQuantity(text) ? t.validation.invalid : undefined}
          >
            <Input
              type="number"
              min={0}
              inputMode="numeric"
              value={text}
              onChange={(_, data) => setQuantities((current) => ({ ...current, [addOn.skuId]: data.value }))}
            />
          </Field>
        );
      })}
    </FormDialog>
  );
}

/** CapacityExceeded: bought against requested per add-on; CapacityInUse: what uses the capacity; else in words. */
function SaveError({ error, capacity }: { error: unknown; capacity: Capacity }) {
  const { t } = useI18n();
  const p = usePowerPlatformTexts();
  const exceeded = problemExtension(error, "CapacityExceeded", capacityExceededSchema);
  const inUse = problemExtension(error, "CapacityInUse", capacityShortfallSchema);
  const nameOf = (skuId: string, partNumber: string) =>
    capacity.addOns.find((addOn) => addOn.skuId === skuId)?.displayName ?? partNumber;
  const lines = exceeded
    ? exceeded.exceeded.map((item) =>
        p.capacity.exceededLine(nameOf(item.skuId, item.skuPartNumber), item.bought, item.requested),
      )
    : inUse
      ? [
          ...inUse.flows.map((flow) => p.capacity.usedByFlow(flow.name, p.licenseModes[flow.licenseMode])),
          ...inUse.machines.map((machine) => p.capacity.usedByMachine(machine.name, machine.parallelRuns)),
        ]
      : [];
  const title = exceeded ? p.capacity.exceededTitle : inUse ? p.capacity.inUseTitle : undefined;
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        {title ? <MessageBarTitle>{title}</MessageBarTitle> : null}
        {errorMessage(error, t)}
        {lines.length > 0 ? (
          <ul>
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}
