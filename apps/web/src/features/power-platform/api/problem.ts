import type { ErrorCode } from "@allot/contracts";
import type { z } from "zod";
import { ApiError } from "@/lib/api-client";

/** The extension members of a problem document answered with `code`, read with their contract schema. */
export function problemExtension<S extends z.ZodType>(
  error: unknown,
  code: ErrorCode,
  schema: S,
): z.output<S> | undefined {
  if (!(error instanceof ApiError) || error.code !== code) return undefined;
  const parsed = schema.safeParse(error.problem);
  return parsed.success ? parsed.data : undefined;
}
