import { z } from "zod";
import { cursorQuery, idInputSchema, isoDateTime, page, searchText, text, uuidSchema } from "./common.js";

export const groupSchema = z.object({
  id: uuidSchema,
  tenantId: uuidSchema,
  displayName: z.string(),
  description: z.string().nullable(),
  memberCount: z.number().int(),
  createdAt: isoDateTime,
});
export type Group = z.infer<typeof groupSchema>;

export const listGroupsQuerySchema = z.strictObject({
  search: searchText.optional(),
  ...cursorQuery,
});
export const groupPageSchema = page(groupSchema);

export const createGroupRequestSchema = z.strictObject({
  displayName: text(256),
  description: text(1024).nullable().optional(),
});
export const updateGroupRequestSchema = z
  .strictObject({
    displayName: text(256).optional(),
    description: text(1024).nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { error: "name at least one field to change" });

export const addGroupMembersRequestSchema = z.strictObject({
  userIds: z
    .array(idInputSchema)
    .min(1, { error: "name at least one user" })
    .max(1000, { error: "at most 1000 users per call" })
    .refine((ids) => new Set(ids).size === ids.length, { error: "must not repeat a user" }),
});

export const groupParamsSchema = z.strictObject({ tenantId: idInputSchema, groupId: idInputSchema });
export const groupMemberParamsSchema = z.strictObject({
  tenantId: idInputSchema,
  groupId: idInputSchema,
  userId: idInputSchema,
});
