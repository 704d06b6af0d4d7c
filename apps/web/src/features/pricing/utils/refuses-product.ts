import { ApiError } from "@/lib/api-client";

/**
 * Whether the API refused a request because of its product (already requested, already held): its field error names
 * `skuId`, which the pricing page's forms do not show as a field, so the refusal belongs on the form's banner.
 */
export function refusesProduct(error: unknown): boolean {
  return error instanceof ApiError && error.fieldErrors.some((field) => /(^|[./])skuId$/.test(field.path));
}
