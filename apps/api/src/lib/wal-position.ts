/**
 * PostgreSQL's WAL positions (`pg_lsn`, written `16/B374D848`: the high and low 32 bits in hex) as numbers that
 * compare: what the primary had written when a session's change committed, and how far a replica has replayed.
 */
const LSN = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i;

/** The position as a bigint, or null for anything that is not a pg_lsn (a cookie the client made up). */
export function parseWalPosition(text: string | undefined | null): bigint | null {
  if (!text) return null;
  const match = LSN.exec(text.trim());
  if (!match) return null;
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}
