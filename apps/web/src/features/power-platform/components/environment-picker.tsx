import type { Environment } from "@allot/contracts";
import { Field, makeStyles, Select, Spinner } from "@fluentui/react-components";
import type { UseQueryResult } from "@tanstack/react-query";
import { ErrorMessage } from "@/components/error-message";
import { useQueryParams } from "@/lib/hooks";
import { useTenant } from "@/lib/tenant";
import { useEnvironments } from "../api/environments";
import { usePowerPlatformTexts } from "../texts";

const useStyles = makeStyles({ field: { maxWidth: "360px", marginBottom: "12px" } });

export interface EnvironmentChoice {
  environments: UseQueryResult<Environment[]>;
  /** The environment chosen (the `env` query parameter), else the first; undefined while none is known. */
  environment: Environment | undefined;
  choose: (environmentId: string) => void;
}

/** The environment a page shows, kept in the address so a reload or a shared link opens the same one. */
export function useEnvironmentChoice(): EnvironmentChoice {
  const { tenant } = useTenant();
  const environments = useEnvironments(tenant.id);
  const [params, update] = useQueryParams();
  const wanted = params.get("env");
  const items = environments.data ?? [];
  const environment = items.find((candidate) => candidate.id === wanted) ?? items[0];
  return { environments, environment, choose: (environmentId) => update({ env: environmentId }) };
}

/** The environment picker above a list of one environment's items, with its loading and error states. */
export function EnvironmentPicker({ choice }: { choice: EnvironmentChoice }) {
  const styles = useStyles();
  const p = usePowerPlatformTexts();
  const { environments, environment, choose } = choice;
  if (environments.isError) return <ErrorMessage error={environments.error} onRetry={() => environments.refetch()} />;
  if (environments.isPending) return <Spinner label={p.environmentPicker.loading} />;
  if (!environment) return <p>{p.environmentPicker.none}</p>;
  return (
    <Field label={p.environmentPicker.label} className={styles.field}>
      <Select value={environment.id} onChange={(_, data) => choose(data.value)}>
        {environments.data.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
