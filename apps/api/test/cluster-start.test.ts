// `WEB_CONCURRENCY=N` (or `--workers N`): the real start command as a node:cluster primary with N worker processes
// on one port. The primary migrates and seeds, the workers serve; a worker that dies is replaced while the others
// go on serving; SIGTERM stops them all.
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiProcess, startApiProcess } from "./api-process.js";
import { createTestDatabase } from "./database.js";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let primary: ApiProcess;

/** The live child processes of a process, from /proc (field 4 of /proc/<pid>/stat is the parent's pid). */
function childrenOf(parent: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name (field 2) is in parentheses and may hold spaces: read the fields after it.
      const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(ppid) === parent && state !== "Z") children.push(Number(entry));
    } catch {
      // The process ended while the list was read.
    }
  }
  return children.sort((a, b) => a - b);
}

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  database = await createTestDatabase("allot_cluster");
  primary = await startApiProcess(database.url, "allot-cluster", { WEB_CONCURRENCY: "2" });
}, 120_000);

afterAll(async () => {
  if (primary) {
    for (const pid of childrenOf(primary.child.pid as number)) process.kill(pid, "SIGKILL");
    await primary.kill();
  }
  await database?.drop();
});

describe("a cluster start (WEB_CONCURRENCY=2)", () => {
  it("serves from two workers, replaces one that dies while the other serves, and stops all on SIGTERM", async () => {
    const primaryPid = primary.child.pid as number;
    const workers = await waitFor("two workers", () => {
      const found = childrenOf(primaryPid);
      return found.length === 2 ? found : undefined;
    });
    const ready = await fetch(`${primary.origin}/readyz`);
    expect(ready.status).toBe(200);

    const [victim, survivor] = workers as [number, number];
    process.kill(victim, "SIGKILL");
    // The port stays served by the survivor while the primary forks a replacement.
    const during = await fetch(`${primary.origin}/readyz`);
    expect(during.status).toBe(200);
    const replaced = await waitFor("a replacement worker", () => {
      const found = childrenOf(primaryPid);
      return found.length === 2 && !found.includes(victim) ? found : undefined;
    });
    expect(replaced).toContain(survivor);
    const login = await fetch(`${primary.origin}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "admin@contoso.test", password: "Allot-demo-1" }),
    });
    expect(login.status).toBe(200);

    const exited = new Promise<number | null>((resolve) => primary.child.once("exit", (code) => resolve(code)));
    primary.child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(childrenOf(primaryPid)).toEqual([]);
    for (const pid of replaced) expect(() => process.kill(pid, 0)).toThrow();
  }, 90_000);
});
