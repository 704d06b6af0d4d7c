import { problemSchema } from "@allot/contracts";

/** The error answers every tenant route may give, for the OpenAPI document. */
export const problemResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
} as const;

/** The answer of a route with a rate budget once it is spent. */
export const budgetResponses = { 429: problemSchema } as const;
