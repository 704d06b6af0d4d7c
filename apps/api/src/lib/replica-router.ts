import type { Db } from "@allot/db";
import { parseWalPosition } from "./wal-position.js";

/** How long one reading of the replica's replay position serves every request of this process. */
const REPLAY_POSITION_TTL_MS = 5;
/** After the replica failed to answer, reports read the primary this long before it is asked again. */
const DOWN_FOR_MS = 2_000;

/**
 * Decides, per report request, whether the replica may answer it: only when it is reachable and has replayed at
 * least the WAL position the caller must see (its own last write). The replica's replay position is read at most
 * once per REPLAY_POSITION_TTL_MS per process (concurrent requests share one reading), so a busy process adds one
 * tiny query every few milliseconds, not one per request.
 */
export class ReplicaRouter {
  private replayed: bigint | null = null;
  private readAt = Number.NEGATIVE_INFINITY;
  private reading: Promise<bigint | null> | null = null;
  private downUntil = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly replica: Db,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** True when the replica may serve a reader that must see `mustSee` (null: no own writes to wait for). */
  async canServe(mustSee: bigint | null): Promise<boolean> {
    if (this.now() < this.downUntil) return false;
    if (this.replayed !== null && this.now() - this.readAt < REPLAY_POSITION_TTL_MS) {
      // Fresh enough either way: a replica that was behind a moment ago is asked again only after the TTL.
      return mustSee === null || this.replayed >= mustSee;
    }
    const replayed = await this.readReplayPosition();
    return replayed !== null && (mustSee === null || replayed >= mustSee);
  }

  /** A query on the replica failed for want of a connection: read the primary for a while. */
  markDown(): void {
    this.downUntil = this.now() + DOWN_FOR_MS;
    this.replayed = null;
  }

  private readReplayPosition(): Promise<bigint | null> {
    this.reading ??= this.queryReplayPosition().finally(() => {
      this.reading = null;
    });
    return this.reading;
  }

  private async queryReplayPosition(): Promise<bigint | null> {
    try {
      // A server that is not in recovery (DATABASE_REPLICA_URL naming the primary itself, in a test or a small
      // setup) has everything it wrote: its current position.
      const [row] = await this.replica.$queryRaw<{ position: string | null }[]>`
        SELECT (CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END)::text
          AS position`;
      this.replayed = parseWalPosition(row?.position);
      this.readAt = this.now();
      return this.replayed;
    } catch {
      this.markDown();
      return null;
    }
  }
}
