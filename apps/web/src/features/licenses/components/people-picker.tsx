import type { User } from "@allot/contracts";
import {
  Avatar,
  Button,
  Field,
  makeStyles,
  Tag,
  TagPicker,
  TagPickerControl,
  TagPickerGroup,
  TagPickerInput,
  TagPickerList,
  TagPickerOption,
  type TagPickerProps,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { LiveStatus } from "@/components/visually-hidden";
import { useDebouncedValue } from "@/lib/hooks";
import { useI18n } from "@/lib/i18n";
import { useUserSuggestions } from "../api/search-users";

const NO_MATCHES = "__no-matches__";
const SEARCHING = "__searching__";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  footer: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  tags: { maxHeight: "180px", overflowY: "auto" },
  // Short enough to fit below (or above) the input, so the list never jumps beside it.
  list: { maxHeight: "min(320px, 40vh)", overflowY: "auto" },
});

/**
 * Choose any number of users by typing a name or email: suggestions come from the server (debounced, so typing
 * never waits), arrow keys and Enter pick one, chosen users show as tags that Backspace or a click removes.
 */
export function PeoplePicker({
  tenantId,
  chosen,
  onChange,
}: {
  tenantId: string;
  /** The chosen users, in the order they were picked. */
  chosen: ReadonlyMap<string, User>;
  onChange: (chosen: Map<string, User>) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const [query, setQuery] = useState("");
  const debounced = useDebouncedValue(query.trim(), 200);
  const suggestions = useUserSuggestions(tenantId, debounced, true);
  const options = (suggestions.data ?? []).filter((user) => user.deletedAt === null && !chosen.has(user.id));
  const waiting = suggestions.isPending || (suggestions.isFetching && debounced !== query.trim());

  const onOptionSelect: TagPickerProps["onOptionSelect"] = (_, data) => {
    if (data.value === NO_MATCHES || data.value === SEARCHING) return;
    const next = new Map(chosen);
    if (next.has(data.value)) next.delete(data.value);
    else {
      const user = suggestions.data?.find((candidate) => candidate.id === data.value);
      if (user) next.set(user.id, user);
    }
    onChange(next);
    setQuery("");
  };

  return (
    <div className={styles.root}>
      <Field label={t.licenses.pickerLabel} hint={t.licenses.pickerHint}>
        <TagPicker onOptionSelect={onOptionSelect} selectedOptions={[...chosen.keys()]}>
          <TagPickerControl>
            <TagPickerGroup aria-label={t.licenses.chosenUsers} className={styles.tags}>
              {[...chosen.values()].map((user) => (
                <Tag
                  key={user.id}
                  value={user.id}
                  shape="rounded"
                  media={<Avatar aria-hidden name={user.displayName} color="colorful" />}
                  dismissIcon={{ "aria-label": t.licenses.removeUser(user.displayName) }}
                >
                  {user.displayName}
                </Tag>
              ))}
            </TagPickerGroup>
            <TagPickerInput
              value={query}
              placeholder={chosen.size === 0 ? t.licenses.pickerPlaceholder : undefined}
              onChange={(event) => setQuery(event.target.value)}
            />
          </TagPickerControl>
          <TagPickerList className={styles.list}>
            {options.length > 0 ? (
              options.map((user) => (
                <TagPickerOption
                  key={user.id}
                  value={user.id}
                  text={user.displayName}
                  secondaryContent={user.email}
                  media={<Avatar aria-hidden name={user.displayName} color="colorful" />}
                >
                  {user.displayName}
                </TagPickerOption>
              ))
            ) : waiting ? (
              <TagPickerOption value={SEARCHING} text={t.licenses.searching}>
                {t.licenses.searching}
              </TagPickerOption>
            ) : (
              <TagPickerOption value={NO_MATCHES} text={t.licenses.noMatches}>
                {t.licenses.noMatches}
              </TagPickerOption>
            )}
          </TagPickerList>
        </TagPicker>
      </Field>
      <div className={styles.footer}>
        <LiveStatus message={t.licenses.chosenCount(chosen.size)} visible />
        {chosen.size > 1 ? (
          <Button size="small" appearance="subtle" onClick={() => onChange(new Map())}>
            {t.licenses.clearChosen}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
