import type { ErrorCode } from "@allot/contracts";
import { useEffect } from "react";
import { type FieldValues, get, type Path, type UseFormReturn } from "react-hook-form";
import { ApiError } from "@/lib/api-client";
import { type Messages, useI18n } from "@/lib/i18n";
import { fieldErrorsFromApi } from "./problems";

/** Error codes the API answers that belong to one field of the form, e.g. `{ EmailTaken: "email" }`. */
export type FieldsByCode<Values extends FieldValues> = Partial<Record<ErrorCode, Path<Values>>>;

/**
 * The fields an API error speaks of: a code tied to a field, or the field errors of a 422 by field name, as long as
 * every one of them is a field of this form (one of its default values). An error that names anything else (a
 * product the form does not show as a field) stays whole, for the banner.
 */
function apiFieldErrors<Values extends FieldValues>(
  error: unknown,
  fields: unknown,
  fieldsByCode: FieldsByCode<Values>,
  t: Messages,
): Array<[Path<Values>, string]> {
  if (!(error instanceof ApiError)) return [];
  const field = error.code ? fieldsByCode[error.code as ErrorCode] : undefined;
  if (field) return [[field, t.errors[error.code as ErrorCode] ?? error.message]];
  const named = Object.entries(fieldErrorsFromApi(error.fieldErrors));
  const isField = ([name, message]: [string, string | undefined]) =>
    name !== "" && message !== undefined && get(fields, name) !== undefined;
  if (named.length === 0 || !named.every(isField)) return [];
  return named.map(([name, message]) => [name as Path<Values>, message as string]);
}

/**
 * Puts a failed submit's API error on the fields it speaks of and returns what is left for the form's error banner:
 * the error itself when no field takes it, otherwise null. Pass the mutation's error; it is read on every render.
 */
export function useApiErrorOnFields<Values extends FieldValues>(
  form: UseFormReturn<Values, unknown, unknown>,
  error: unknown,
  fieldsByCode: FieldsByCode<Values> = {},
): unknown {
  const { t } = useI18n();
  const onFields = apiFieldErrors<Values>(error, form.formState.defaultValues, fieldsByCode, t);
  const { setError } = form;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new error object is what must trigger this again.
  useEffect(() => {
    for (const [name, message] of onFields) setError(name, { type: "server", message }, { shouldFocus: true });
  }, [error, setError]);
  return error && onFields.length === 0 ? error : null;
}
