/**
 * Options of every licensing transaction. Seat changes of one product queue on its seat row lock, so under a
 * burst a request may wait for a pooled connection and for the lock well beyond Prisma's defaults (2 s to start,
 * 5 s to finish); a bulk run of 10,000 users takes a few seconds itself.
 */
export const LICENSE_TRANSACTION = { maxWait: 30_000, timeout: 120_000 } as const;
