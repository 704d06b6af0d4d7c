import { type StaffMember, setStaffAccessRequestSchema } from "@allot/contracts";
import { DELEGATED_ROLES, type DelegatedRole } from "@allot/domain";
import { Checkbox, makeStyles, Select, Spinner, Text, tokens } from "@fluentui/react-components";
import { useEffect, useId, useMemo, useRef } from "react";
import { Controller } from "react-hook-form";
import { ErrorMessage } from "@/components/error-message";
import { FormDialog } from "@/components/form-dialog";
import { useNotify } from "@/components/notify";
import { useApiErrorOnFields } from "@/lib/forms/api-errors";
import { FormField } from "@/lib/forms/form-field";
import { useZodForm } from "@/lib/forms/zod-form";
import { useAccessCustomers } from "../api/get-access-customers";
import { useSetStaffAccess } from "../api/staff-mutations";
import { rolesInScope, type ScopeValue } from "../lib/staff-access";
import { usePartnersTexts } from "../texts";

const useStyles = makeStyles({
  roles: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  scopeHint: { margin: 0, color: tokens.colorNeutralForeground2 },
  hint: { color: tokens.colorNeutralForeground3, marginInlineStart: "32px", display: "block" },
});

interface CustomerAccessDialogProps {
  partnerTenantId: string;
  /** The staff member whose access is set; null while closed. */
  member: StaffMember | null;
  onClose: () => void;
}

interface AccessDraft {
  scope: ScopeValue;
  roles: DelegatedRole[];
}

/**
 * "Customer access": choose a customer (or all customers) and the delegated roles the staff member holds there. The
 * roles shown start from what they hold in the customer chosen.
 */
export function CustomerAccessDialog({ partnerTenantId, member, onClose }: CustomerAccessDialogProps) {
  // A fresh form per staff member, starting from what they hold.
  return member ? (
    <CustomerAccessForm key={member.id} partnerTenantId={partnerTenantId} member={member} onClose={onClose} />
  ) : null;
}

function CustomerAccessForm({
  partnerTenantId,
  member,
  onClose,
}: Omit<CustomerAccessDialogProps, "member"> & { member: StaffMember }) {
  const styles = useStyles();
  const c = usePartnersTexts();
  const tx = c.staff.accessDialog;
  const notify = useNotify();
  const setAccess = useSetStaffAccess(partnerTenantId);
  const loaded = useAccessCustomers(partnerTenantId, true);
  const customers = useMemo(() => loaded.data ?? [], [loaded.data]);
  const selectId = useId();
  const hintId = useId();
  const form = useZodForm(setStaffAccessRequestSchema, {
    defaultValues: { scope: "all", roles: rolesInScope(member, "all", customers) } as AccessDraft,
    toInput: ({ roles }: AccessDraft) => ({ roles }),
  });
  const error = useApiErrorOnFields(form, setAccess.error);
  // The roles start from what is held in every customer, known once the customers are (once: a list refreshed
  // behind the dialog must not undo the choice being made).
  const { reset } = form;
  const started = useRef(loaded.data !== undefined);
  useEffect(() => {
    if (loaded.data && !started.current) {
      started.current = true;
      reset({ scope: "all", roles: rolesInScope(member, "all", loaded.data) });
    }
  }, [loaded.data, member, reset]);
  const scope = form.watch("scope");
  const chosen = customers?.find((customer) => customer.relationshipId === scope);

  const submit = form.handleSubmit((body) =>
    setAccess.mutate(
      { userId: member.id, scope: scope === "all" ? "all" : { relationshipId: scope }, body },
      {
        onSuccess: () => {
          notify(tx.saved(member.displayName));
          onClose();
        },
      },
    ),
  );

  const hint = scope === "all" ? tx.allHint : chosen?.grantsAccess === false ? tx.removedHint : null;

  return (
    <FormDialog
      open
      title={tx.title(member.displayName)}
      confirmLabel={tx.submit}
      busyLabel={tx.submitting}
      busy={setAccess.isPending}
      onConfirm={submit}
      onClose={onClose}
      error={error}
      unavailable={
        loaded.isError ? (
          <ErrorMessage error={loaded.error} onRetry={() => loaded.refetch()} />
        ) : loaded.isPending ? (
          <Spinner label={tx.loadingCustomers} />
        ) : customers.length === 0 ? (
          <Text>{tx.noCustomers}</Text>
        ) : undefined
      }
    >
      <FormField control={form.control} name="scope" label={{ children: tx.customer, htmlFor: selectId }}>
        {(field) => (
          <Select
            id={selectId}
            ref={field.ref}
            value={field.value}
            aria-describedby={hint ? hintId : undefined}
            onChange={(_, data) => {
              field.onChange(data.value);
              form.setValue("roles", rolesInScope(member, data.value, customers));
            }}
          >
            <option value="all">{tx.allCustomers}</option>
            {customers.map((customer) => (
              <option key={customer.relationshipId} value={customer.relationshipId}>
                {customer.grantsAccess ? customer.name : tx.removedSuffix(customer.name)}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      {hint ? (
        <Text as="p" id={hintId} className={styles.scopeHint}>
          {hint}
        </Text>
      ) : null}
      {/* Not in a Fluent Field: a Field hands its one control id to every checkbox inside it. */}
      <Controller
        control={form.control}
        name="roles"
        render={({ field }) => (
          <fieldset className={styles.roles}>
            <legend className={styles.legend}>{tx.roles}</legend>
            {DELEGATED_ROLES.map((role) => (
              <div key={role}>
                <Checkbox
                  label={c.roles[role]}
                  checked={field.value.includes(role)}
                  aria-describedby={`${hintId}-${role}`}
                  onChange={(_, data) =>
                    field.onChange(
                      DELEGATED_ROLES.filter((r) => (r === role ? data.checked === true : field.value.includes(r))),
                    )
                  }
                />
                <Text size={200} id={`${hintId}-${role}`} className={styles.hint}>
                  {tx.roleHints[role]}
                </Text>
              </div>
            ))}
          </fieldset>
        )}
      />
    </FormDialog>
  );
}
