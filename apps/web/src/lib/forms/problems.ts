import type { FieldError } from "@allot/contracts";
import type { z } from "zod";
import type { Messages } from "@/lib/i18n";

/** A zod issue in the current language. The contracts' own messages are English, so they are matched by kind. */
export function localizeIssue(issue: z.core.$ZodIssue, t: Messages): string {
  switch (issue.code) {
    case "too_small":
      return Number(issue.minimum) <= 1 ? t.validation.required : t.validation.tooShort(Number(issue.minimum));
    case "too_big":
      return t.validation.tooLong(Number(issue.maximum));
    case "invalid_format":
      return issue.format === "email" ? t.validation.email : t.validation.invalid;
    case "custom":
      if (issue.path.at(-1) === "usageLocation") return t.validation.country;
      if (/control characters/.test(issue.message)) return t.validation.controlCharacters;
      if (issue.path.length === 0) return t.validation.noChanges;
      return t.validation.invalid;
    default:
      return t.validation.invalid;
  }
}

/** Field errors the API returned (path like "body.email" or "email"), keyed by the field name. */
export function fieldErrorsFromApi(errors: readonly FieldError[]): Partial<Record<string, string>> {
  const result: Partial<Record<string, string>> = {};
  for (const error of errors) {
    const key = error.path.replace(/^\/?(body[./])?/, "").replaceAll("/", ".");
    result[key] ??= error.message;
  }
  return result;
}
