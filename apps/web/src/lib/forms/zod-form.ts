import { toNestErrors, validateFieldsNatively } from "@hookform/resolvers";
import {
  type DefaultValues,
  type FieldError,
  type FieldValues,
  type Resolver,
  type UseFormReturn,
  useForm,
} from "react-hook-form";
import type { z } from "zod";
import { type Messages, useI18n } from "@/lib/i18n";
import { localizeIssue } from "./problems";

/**
 * A resolver that validates a form with a zod schema (the contracts' request schemas) and words every problem in the
 * language shown. `@hookform/resolvers/zod` cannot do the wording: zod keeps a schema's own (English) messages over a
 * parse-time error map, so the issues are translated here by kind, as everywhere else in the web app.
 *
 * `toInput` turns what the fields hold into what the schema parses (an empty optional field left out, text to a
 * number), so the form's values stay what the person typed.
 */
export function localizedZodResolver<Values extends FieldValues, Schema extends z.ZodType>(
  schema: Schema,
  t: Messages,
  toInput: (values: Values) => unknown = (values) => values,
): Resolver<Values, unknown, z.output<Schema>> {
  return (values, _context, options) => {
    const parsed = schema.safeParse(toInput(values));
    if (parsed.success) {
      if (options.shouldUseNativeValidation) validateFieldsNatively({}, options);
      return { values: parsed.data, errors: {} };
    }
    const errors: Record<string, FieldError> = {};
    for (const issue of parsed.error.issues) {
      // Problems of the whole form (a refinement over several fields) go to the form's root.
      const path = issue.path.length === 0 ? "root" : issue.path.map(String).join(".");
      errors[path] ??= { type: issue.code, message: localizeIssue(issue, t) };
    }
    return { values: {}, errors: toNestErrors(errors, options) };
  };
}

interface ZodFormOptions<Values extends FieldValues> {
  defaultValues: DefaultValues<Values>;
  /** What the schema parses, made from the fields' values; the values themselves when left out. */
  toInput?: (values: Values) => unknown;
}

/**
 * The one way a form is written: react-hook-form, validated on submit by a contract schema, problems worded in the
 * language shown; after a first submit, each field is checked again as it changes. `handleSubmit` hands the
 * schema's parsed output (the request body) to the submit handler.
 */
export function useZodForm<Values extends FieldValues, Schema extends z.ZodType>(
  schema: Schema,
  { defaultValues, toInput }: ZodFormOptions<Values>,
): UseFormReturn<Values, unknown, z.output<Schema>> {
  const { t } = useI18n();
  return useForm<Values, unknown, z.output<Schema>>({
    defaultValues,
    resolver: localizedZodResolver<Values, Schema>(schema, t, toInput),
  });
}
