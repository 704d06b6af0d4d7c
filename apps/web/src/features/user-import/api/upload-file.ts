import { type UserImport, type UserImportKind, userImportSchema } from "@allot/contracts";
import { useMutation } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";

/**
 * Sends the file as it is (the server detects its encoding and separator), to be parsed and every row verified;
 * nothing is applied yet.
 */
export function uploadImportFile(tenantId: string, kind: UserImportKind, file: File): Promise<UserImport> {
  return apiRequest(tenantPath(tenantId, "userImports"), {
    method: "POST",
    query: { kind, fileName: file.name || undefined },
    file: { body: file, contentType: "text/csv" },
    schema: userImportSchema,
  });
}

export function useUploadImportFile(tenantId: string, kind: UserImportKind) {
  return useMutation({ mutationFn: (file: File) => uploadImportFile(tenantId, kind, file) });
}
