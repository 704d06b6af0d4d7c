import { type AddedStaff, addStaffRequestSchema } from "@allot/contracts";
import { Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup } from "@fluentui/react-components";
import { CopyField } from "@/components/copy-field";
import { FormDialog } from "@/components/form-dialog";
import { useApiErrorOnFields } from "@/lib/forms/api-errors";
import { FormField, TextField } from "@/lib/forms/form-field";
import { useZodForm } from "@/lib/forms/zod-form";
import { useOpenKey } from "@/lib/hooks";
import { useAddStaff } from "../api/staff-mutations";
import { usePartnersTexts } from "../texts";

interface AddStaffDialogProps {
  partnerTenantId: string;
  /** The partner's domain: a staff member's email is in it. */
  domain: string;
  open: boolean;
  onClose: () => void;
}

interface StaffDraft {
  displayName: string;
  email: string;
  passwordMode: "auto" | "own";
  password: string;
}

const EMPTY: StaffDraft = { displayName: "", email: "", passwordMode: "auto", password: "" };

/** "Add a staff member": validated with the API's own schema; a generated password is shown once, at the end. */
export function AddStaffDialog(props: AddStaffDialogProps) {
  return <AddStaffDialogContent key={useOpenKey(props.open)} {...props} />;
}

function AddStaffDialogContent({ partnerTenantId, domain, open, onClose }: AddStaffDialogProps) {
  const tx = usePartnersTexts().staff.addDialog;
  const add = useAddStaff(partnerTenantId);
  const form = useZodForm(addStaffRequestSchema, {
    defaultValues: EMPTY,
    // A typed password is sent only when the admin chose to type one.
    toInput: ({ passwordMode, password, ...rest }: StaffDraft) => ({
      ...rest,
      ...(passwordMode === "own" ? { password } : {}),
    }),
  });
  const error = useApiErrorOnFields(form, add.error, { EmailTaken: "email", EmailOutsideDomain: "email" });
  const mode = form.watch("passwordMode");

  return (
    <FormDialog
      open={open}
      title={add.data ? tx.createdTitle : tx.title}
      confirmLabel={tx.submit}
      busyLabel={tx.submitting}
      busy={add.isPending}
      onConfirm={form.handleSubmit((body) => add.mutate(body))}
      onClose={onClose}
      error={error}
      done={add.data ? <Added added={add.data} /> : undefined}
    >
      <TextField
        control={form.control}
        name="displayName"
        label={tx.displayName}
        required
        input={{ autoComplete: "off", autoFocus: true }}
      />
      <TextField
        control={form.control}
        name="email"
        label={tx.email}
        required
        hint={tx.emailHint(domain)}
        input={{ type: "email", autoComplete: "off" }}
      />
      <FormField control={form.control} name="passwordMode" label={tx.password}>
        {(field) => (
          <RadioGroup value={field.value} onChange={(_, data) => field.onChange(data.value === "own" ? "own" : "auto")}>
            <Radio value="auto" label={tx.autoPassword} />
            <Radio value="own" label={tx.ownPassword} />
          </RadioGroup>
        )}
      </FormField>
      {mode === "own" ? (
        <TextField
          control={form.control}
          name="password"
          label={tx.passwordField}
          required
          hint={tx.passwordHint}
          input={{ type: "password", autoComplete: "new-password" }}
        />
      ) : null}
    </FormDialog>
  );
}

/** The staff member just added, and the temporary password to pass on (shown this once). */
function Added({ added }: { added: AddedStaff }) {
  const tx = usePartnersTexts().staff.addDialog;
  return (
    <>
      <MessageBar intent="success">
        <MessageBarBody>{tx.created(added.displayName)}</MessageBarBody>
      </MessageBar>
      <Field label={tx.email}>
        <Input readOnly value={added.email} />
      </Field>
      {added.temporaryPassword ? (
        <CopyField label={tx.temporaryPassword} value={added.temporaryPassword} hint={tx.temporaryPasswordHint} />
      ) : (
        <MessageBar intent="info">
          <MessageBarBody>{tx.ownPasswordSet}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
