/** A search text as a literal LIKE pattern: Prisma's `contains` passes % and _ through as wildcards. */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}
