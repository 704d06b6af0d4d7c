/** A partner center endpoint: `/api/partners/:partnerTenantId/...`. */
export function partnerPath(partnerTenantId: string, ...segments: string[]): string {
  return ["/api/partners", partnerTenantId, ...segments]
    .map((part, index) => (index === 0 ? part : encodeURIComponent(part)))
    .join("/");
}
