import type { UserImportKind } from "@allot/contracts";

/** Where each kind of import lives: Users › Add multiple users, Licenses › Import assignments. */
export function importPaths(tenantId: string, kind: UserImportKind) {
  const base = kind === "users" ? `/t/${tenantId}/users` : `/t/${tenantId}/licenses`;
  return {
    back: base,
    wizard: `${base}/import`,
    results: (importId: string) => `${base}/import/${importId}`,
  };
}
