// BENCH_CPU_PROF=<dir>: a bench wraps the passes worth looking at in `profiled`, which records a V8 CPU profile of
// just that work (not the data setup) into <dir>/<label>.cpuprofile; `bench/lib/flame.ts` turns it into a flame
// graph and a table by layer. Off (no cost) when the variable is not set.
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { join } from "node:path";

const dir = process.env.BENCH_CPU_PROF;
let session: Session | null = null;

export async function profiled<T>(label: string, work: () => Promise<T>): Promise<T> {
  if (!dir) return work();
  if (!session) {
    session = new Session();
    session.connect();
    await session.post("Profiler.enable");
  }
  await session.post("Profiler.start");
  try {
    return await work();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${label}.cpuprofile`), JSON.stringify(profile));
  }
}
