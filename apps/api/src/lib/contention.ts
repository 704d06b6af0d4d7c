/**
 * Prisma's codes for a transaction that lost to others: P2034 (write conflict or deadlock), P2028 (could not start
 * or finish in time); and PostgreSQL's own (40P01 deadlock, 40001 serialization, 55P03 lock not available).
 */
export function isContention(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  const cause = (error as { meta?: { code?: unknown }; cause?: { code?: unknown } }).cause?.code;
  return [code, cause].some(
    (value) => typeof value === "string" && ["P2034", "P2028", "40P01", "40001", "55P03"].includes(value),
  );
}
