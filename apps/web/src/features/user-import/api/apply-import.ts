import { type UserImport, userImportSchema } from "@allot/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { importKeys } from "./keys";

/** Starts applying the previewed rows as a background job (202); the import then reports its progress. */
export function applyImport(tenantId: string, importId: string): Promise<UserImport> {
  return apiRequest(tenantPath(tenantId, "userImports", importId, "apply"), {
    method: "POST",
    schema: userImportSchema,
  });
}

export function useApplyImport(tenantId: string, importId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => applyImport(tenantId, importId),
    onSuccess: (userImport) => queryClient.setQueryData(importKeys.detail(tenantId, importId), userImport),
  });
}
