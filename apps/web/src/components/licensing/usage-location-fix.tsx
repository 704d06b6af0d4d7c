import { type User, usageLocationSchema, userSchema } from "@allot/contracts";
import { canSetUsageLocation, isAdminRole } from "@allot/domain";
import { Button, makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useController } from "react-hook-form";
import { z } from "zod";
import { CountrySelect } from "@/components/country-select";
import { ErrorMessage } from "@/components/error-message";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { useApiErrorOnFields } from "@/lib/forms/api-errors";
import { useZodForm } from "@/lib/forms/zod-form";
import { queryKeys } from "@/lib/query-keys";
import { useTenant } from "@/lib/tenant";
import { useLicensingTexts } from "./texts";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalXS,
  },
  line: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground2 },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

/** The same key as the users area's detail query, so both read (and refresh) one copy of the user. */
const userKey = (tenantId: string, userId: string) => [...queryKeys.users(tenantId), "detail", userId] as const;

/** What the row sends: a country is required here (the contract's field also takes null, which clears it). */
const usageLocationForm = z.object({ usageLocation: usageLocationSchema.unwrap() });

interface LocationDraft {
  usageLocation: string | null;
}

const NO_LOCATION: LocationDraft = { usageLocation: null };

/**
 * Sets a user's missing usage location right where a license needs it (a preview row, the user's licenses tab), as
 * Microsoft's license pane does. Only for whoever may edit the user (canSetUsageLocation); anyone else is told who
 * can. `onSet` runs once the location is saved (e.g. to check the change again).
 */
export function UsageLocationFix({
  tenantId,
  userId,
  userName,
  user,
  onSet,
}: {
  tenantId: string;
  userId: string;
  userName: string;
  /** The user when already loaded (its roles decide whether an admin is being edited). */
  user?: User | undefined;
  onSet?: ((user: User) => void) | undefined;
}) {
  const styles = useStyles();
  const l = useLicensingTexts();
  const u = l.usageLocation;
  const context = useTenant();
  const queryClient = useQueryClient();
  const mayEditUsers = context.can("users.manage");
  const loaded = useQuery({
    queryKey: userKey(tenantId, userId),
    queryFn: ({ signal }) => apiRequest(tenantPath(tenantId, "users", userId), { schema: userSchema, signal }),
    enabled: mayEditUsers && user === undefined,
  });
  const target = user ?? loaded.data;
  const save = useMutation({
    mutationFn: (usageLocation: string) =>
      apiRequest(tenantPath(tenantId, "users", userId), {
        method: "PATCH",
        body: { usageLocation },
        schema: userSchema,
      }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(userKey(tenantId, userId), updated);
      onSet?.(updated);
      await queryClient.invalidateQueries({ queryKey: queryKeys.users(tenantId) });
    },
  });
  const form = useZodForm(usageLocationForm, { defaultValues: NO_LOCATION });
  const { field, fieldState } = useController({ control: form.control, name: "usageLocation" });
  const error = useApiErrorOnFields(form, save.error);
  // Before the API sees it, the one problem the field can have is that no country is chosen: this row words it so.
  const problem = fieldState.error
    ? fieldState.error.type === "server"
      ? fieldState.error.message
      : u.chooseFirst
    : null;

  if (!mayEditUsers) return <Text className={styles.hint}>{u.notAllowed}</Text>;
  if (!target) {
    return loaded.isError ? (
      <ErrorMessage error={loaded.error} onRetry={() => loaded.refetch()} />
    ) : (
      <Spinner size="tiny" />
    );
  }
  if (!canSetUsageLocation(context.roles, target.roles.some(isAdminRole))) {
    return <Text className={styles.hint}>{u.adminTarget}</Text>;
  }

  const submit = form.handleSubmit(({ usageLocation }) => save.mutate(usageLocation));

  return (
    <div className={styles.root}>
      <div className={styles.line}>
        <CountrySelect
          aria-label={u.label(userName)}
          value={field.value}
          onChange={(next) => {
            field.onChange(next);
            save.reset();
          }}
          disabled={save.isPending}
        />
        <Button
          onClick={submit}
          disabledFocusable={save.isPending}
          icon={save.isPending ? <Spinner size="tiny" /> : undefined}
        >
          {save.isPending ? u.setting : u.set}
        </Button>
      </div>
      {problem ? (
        <Text role="alert" size={200} className={styles.problem}>
          {problem}
        </Text>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}
