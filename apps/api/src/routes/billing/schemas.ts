import { problemSchema, seatsInUseProblemSchema } from "@allot/contracts";
import { z } from "zod";
import { problemResponses } from "../../lib/responses.js";

/** Schema pieces the billing routes share. */

export const tags = ["Billing"];
export const noQuery = z.strictObject({});
/** The Idempotency-Key header every purchase and seat change accepts (documented; read by lib/idempotency). */
export const idempotencyHeaders = z.object({
  "idempotency-key": z
    .string()
    .optional()
    .describe("1–255 visible ASCII characters: a retry within 24 h returns the first answer and changes nothing"),
});
export const changeResponses = {
  ...problemResponses,
  402: problemSchema,
  409: problemSchema.extend(seatsInUseProblemSchema.partial().shape),
  422: problemSchema,
} as const;
/** No body, or an empty one: clients send either for an action without parameters. */
export const bodyOrEmpty = z.strictObject({}).nullish();
