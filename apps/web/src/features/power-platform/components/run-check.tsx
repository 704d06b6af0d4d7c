import type { Flow } from "@allot/contracts";
import {
  Button,
  Combobox,
  Field,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Option,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { ErrorMessage } from "@/components/error-message";
import { useDebouncedValue } from "@/lib/hooks";
import { useTenant } from "@/lib/tenant";
import { useRunCheck } from "../api/flows";
import { useUserSearch } from "../api/search-users";
import { usePowerPlatformTexts } from "../texts";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  row: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  field: { flexGrow: 1, minWidth: "220px" },
});

/** "Check who can run it": pick a user, ask the API whether they may run the flow and what pays for it. */
export function RunCheck({ flow }: { flow: Flow }) {
  const styles = useStyles();
  const p = usePowerPlatformTexts();
  const { tenant } = useTenant();
  const [text, setText] = useState("");
  const [userId, setUserId] = useState<string | null>(null);
  const term = useDebouncedValue(text.trim(), 200);
  const users = useUserSearch(tenant.id, term, true);
  const check = useRunCheck(tenant.id, flow.id);
  const headingId = `run-check-${flow.id}`;
  const result = check.data;

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Text as="h3" id={headingId} weight="semibold" size={400} className={styles.heading}>
        {p.flow.runCheck.heading}
      </Text>
      <div className={styles.row}>
        <Field label={p.flow.runCheck.user} className={styles.field}>
          <Combobox
            freeform
            value={text}
            placeholder={p.flow.runCheck.placeholder}
            onChange={(event) => {
              setText(event.target.value);
              setUserId(null);
              check.reset();
            }}
            onOptionSelect={(_, data) => {
              setUserId(data.optionValue ?? null);
              setText(data.optionText ?? "");
              check.reset();
            }}
          >
            {users.isPending ? (
              <Option value="" text={p.flow.runCheck.searching} disabled>
                {p.flow.runCheck.searching}
              </Option>
            ) : (users.data ?? []).length === 0 ? (
              <Option value="" text={p.flow.runCheck.noMatches} disabled>
                {p.flow.runCheck.noMatches}
              </Option>
            ) : (
              (users.data ?? []).map((user) => (
                <Option key={user.id} value={user.id} text={user.displayName}>
                  {`${user.displayName} (${user.email})`}
                </Option>
              ))
            )}
          </Combobox>
        </Field>
        <Button
          disabledFocusable={userId === null || check.isPending}
          icon={check.isPending ? <Spinner size="tiny" /> : undefined}
          onClick={() => userId && check.mutate(userId)}
        >
          {check.isPending ? p.flow.runCheck.checking : p.flow.runCheck.check}
        </Button>
      </div>
      {check.isError ? <ErrorMessage error={check.error} /> : null}
      {result ? (
        <MessageBar intent={result.allowed ? "success" : "warning"} role="status" layout="multiline">
          <MessageBarBody>
            {result.allowed
              ? p.flow.runCheck.allowed(
                  result.paidBy.licenseMode === "owner" && result.paidBy.servicePlan
                    ? `${p.licenseModes.owner} (${result.paidBy.servicePlan})`
                    : p.licenseModes[result.paidBy.licenseMode],
                )
              : result.code === "DlpViolation"
                ? p.flow.runCheck.dlp
                : p.flow.runCheck.required(result.missing.join(", "))}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
