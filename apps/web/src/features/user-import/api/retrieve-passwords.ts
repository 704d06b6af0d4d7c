import { userImportPasswordsSchema } from "@allot/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { importKeys } from "./keys";

export type ImportPasswords = z.infer<typeof userImportPasswordsSchema>["items"];

/** The created users' one-time passwords: answered once, then wiped on the server (410 after that). */
export async function retrievePasswords(tenantId: string, importId: string): Promise<ImportPasswords> {
  const answer = await apiRequest(tenantPath(tenantId, "userImports", importId, "passwords"), {
    method: "POST",
    schema: userImportPasswordsSchema,
  });
  return answer.items;
}

export function useRetrievePasswords(tenantId: string, importId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => retrievePasswords(tenantId, importId),
    // The import now says the passwords are no longer kept.
    onSettled: () => queryClient.invalidateQueries({ queryKey: importKeys.detail(tenantId, importId), exact: true }),
  });
}
