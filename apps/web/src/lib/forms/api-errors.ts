import type { ErrorCode } from "@allot/contracts";
import { useEffect } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { ApiError } from "@/lib/api-client";
import { type Messages, useI18n } from "@/lib/i18n";
import { fieldErrorsFromApi } from "@/lib/validation";

/** Error codes the API answers that belong to one field of the form, e.g. `{ EmailTaken: "email" }`. */
export type FieldsByCode<Values extends FieldValues> = Partial<Record<ErrorCode, Path<Values>>>;

/** The fields an API error speaks of: a code tied to a field, or the field errors of a 422, by field name. */
function apiFieldErrors<Values extends FieldValues>(
  error: unknown,
  fieldsByCode: FieldsByCode<Values>,
  t: Messages,
): Array<[Path<Values>, string]> {
  if (!(error instanceof ApiError)) return [];
  const field = error.code ? fieldsByCode[error.code as ErrorCode] : undefined;
  if (field) return [[field, t.errors[error.code as ErrorCode] ?? error.message]];
  return Object.entries(fieldErrorsFromApi(error.fieldErrors)).flatMap(([name, message]) =>
    name && message ? [[name as Path<Values>, message] as [Path<Values>, string]] : [],
  );
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
  const onFields = apiFieldErrors(error, fieldsByCode, t);
  const { setError } = form;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new error object is what must trigger this again.
  useEffect(() => {
    for (const [name, message] of onFields) setError(name, { type: "server", message }, { shouldFocus: true });
  }, [error, setError]);
  return error && onFields.length === 0 ? error : null;
}
