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

const NO_MATCHES = "__no-matches__";
const SEARCHING = "__searching__";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  footer: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  tags: { maxHeight: "180px", overflowY: "auto" },
  // Short enough to fit below (or above) the input, so the list never jumps beside it.
  list: { maxHeight: "min(320px, 40vh)", overflowY: "auto" },
  note: { display: "block", fontStyle: "italic" },
});

/** Someone the picker can offer: shown by name, with the email under it in the suggestions. */
export interface PickablePerson {
  id: string;
  displayName: string;
  email: string;
}

/** What the person types, and the settled search term (trimmed, debounced) to look suggestions up with. */
export interface PeopleSearch {
  text: string;
  setText: (text: string) => void;
  term: string;
}

/** The state of the picker's input: call it beside the lookup hook, pass `term` to it and the result to the picker. */
export function usePeopleSearch(): PeopleSearch {
  const [text, setText] = useState("");
  const term = useDebouncedValue(text.trim(), 200);
  return { text, setText, term };
}

export interface PeoplePickerTexts {
  label: string;
  hint: string;
  placeholder: string;
  /** The accessible name of the chosen tags. */
  chosen: string;
  /** The accessible name of a tag's dismiss button. */
  remove: (name: string) => string;
  searching: string;
  noMatches: string;
}

/** A visible, announced count of the chosen, and from two on a button that removes them all. */
export interface PeoplePickerSummary {
  count: (count: number) => string;
  clear: string;
}

interface PeoplePickerProps<P extends PickablePerson> {
  search: PeopleSearch;
  /** The lookup's result for `search.term` (a react-query result fits). */
  suggestions: { data?: readonly P[] | undefined; isPending: boolean; isFetching: boolean };
  /** Whether a suggestion may be offered at all (not someone who holds a seat already, not a deleted user). */
  canChoose?: (candidate: P) => boolean;
  /** A word on a suggestion (e.g. "Already has this license"); `disabled` shows it without letting it be picked. */
  note?: (candidate: P) => { text: string; disabled?: boolean } | undefined;
  /** The chosen, in the order they were picked. */
  chosen: ReadonlyMap<string, P>;
  onChange: (chosen: Map<string, P>) => void;
  texts: PeoplePickerTexts;
  summary?: PeoplePickerSummary | undefined;
  validationMessage?: string | undefined;
}

/**
 * Choose any number of people by typing a name or email: suggestions come from the server (debounced, so typing
 * never waits), arrow keys and Enter pick one, chosen people show as tags that Backspace or a click removes.
 */
export function PeoplePicker<P extends PickablePerson>({
  search,
  suggestions,
  canChoose = () => true,
  note = () => undefined,
  chosen,
  onChange,
  texts,
  summary,
  validationMessage,
}: PeoplePickerProps<P>) {
  const styles = useStyles();
  const options = (suggestions.data ?? []).filter((candidate) => !chosen.has(candidate.id) && canChoose(candidate));
  const waiting = suggestions.isPending || (suggestions.isFetching && search.term !== search.text.trim());

  const onOptionSelect: TagPickerProps["onOptionSelect"] = (_, data) => {
    if (data.value === NO_MATCHES || data.value === SEARCHING) return;
    const next = new Map(chosen);
    if (next.has(data.value)) next.delete(data.value);
    else {
      const picked = suggestions.data?.find((candidate) => candidate.id === data.value);
      if (picked && !note(picked)?.disabled) next.set(picked.id, picked);
    }
    onChange(next);
    search.setText("");
  };

  return (
    <div className={styles.root}>
      <Field
        label={texts.label}
        hint={texts.hint}
        validationState={validationMessage ? "error" : "none"}
        validationMessage={validationMessage}
      >
        <TagPicker onOptionSelect={onOptionSelect} selectedOptions={[...chosen.keys()]}>
          <TagPickerControl>
            <TagPickerGroup aria-label={texts.chosen} className={styles.tags}>
              {[...chosen.values()].map((person) => (
                <Tag
                  key={person.id}
                  value={person.id}
                  shape="rounded"
                  media={<Avatar aria-hidden name={person.displayName} color="colorful" />}
                  dismissIcon={{ "aria-label": texts.remove(person.displayName) }}
                >
                  {person.displayName}
                </Tag>
              ))}
            </TagPickerGroup>
            <TagPickerInput
              value={search.text}
              placeholder={chosen.size === 0 ? texts.placeholder : undefined}
              onChange={(event) => search.setText(event.target.value)}
            />
          </TagPickerControl>
          <TagPickerList className={styles.list}>
            {options.length > 0 ? (
              options.map((person) => {
                const said = note(person);
                return (
                  <TagPickerOption
                    key={person.id}
                    value={person.id}
                    text={person.displayName}
                    // TagPickerOption hands its props to Option, whose `disabled` (aria-disabled, not pickable) its
                    // types leave out.
                    {...({ disabled: said?.disabled === true } as object)}
                    secondaryContent={
                      said ? (
                        <>
                          {person.email}
                          <span className={styles.note}>{said.text}</span>
                        </>
                      ) : (
                        person.email
                      )
                    }
                    media={<Avatar aria-hidden name={person.displayName} color="colorful" />}
                  >
                    {person.displayName}
                  </TagPickerOption>
                );
              })
            ) : waiting ? (
              <TagPickerOption value={SEARCHING} text={texts.searching}>
                {texts.searching}
              </TagPickerOption>
            ) : (
              <TagPickerOption value={NO_MATCHES} text={texts.noMatches}>
                {texts.noMatches}
              </TagPickerOption>
            )}
          </TagPickerList>
        </TagPicker>
      </Field>
      {summary ? (
        <div className={styles.footer}>
          <LiveStatus message={summary.count(chosen.size)} visible />
          {chosen.size > 1 ? (
            <Button size="small" appearance="subtle" onClick={() => onChange(new Map())}>
              {summary.clear}
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
