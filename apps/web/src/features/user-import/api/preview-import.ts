import { type UserImport, type UsersImportOptions, userImportSchema } from "@allot/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { importKeys } from "./keys";

/**
 * Works out what applying would do with these options (users) or none (licenses: no body at all, as the file says
 * it all); still applies nothing.
 */
export function previewImport(
  tenantId: string,
  importId: string,
  options: UsersImportOptions | undefined,
): Promise<UserImport> {
  return apiRequest(tenantPath(tenantId, "userImports", importId, "preview"), {
    method: "POST",
    body: options,
    schema: userImportSchema,
  });
}

export function usePreviewImport(tenantId: string, importId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (options: UsersImportOptions | undefined) => previewImport(tenantId, importId, options),
    onSuccess: (userImport) => {
      queryClient.setQueryData(importKeys.detail(tenantId, importId), userImport);
      // The rows now carry the preview's actions.
      return queryClient.invalidateQueries({ queryKey: [...importKeys.detail(tenantId, importId), "rows"] });
    },
  });
}
