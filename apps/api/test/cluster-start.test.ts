// `WEB_CONCURRENCY=N` (or `--workers N`): the real start command as a node:cluster primary with N worker processes
// on one port. The primary migrates and seeds, the workers serve; a worker that dies is replaced and the others
// keep theirs; SIGTERM stops them all.
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
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

/**
 * One request on a connection of its own (no keep-alive), so a request never rides a connection the killed worker
 * held: that connection is lost with its process, which is the client's to retry, not what this test is about.
 */
function request(url: string, method = "GET", body?: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      url,
      {
        method,
        agent: false,
        timeout: 10_000,
        headers: payload ? { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } : {},
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("timeout", () => req.destroy(new Error(`${method} ${url}: no answer in 10 s`)));
    req.on("error", reject);
    req.end(payload);
  });
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
  it("serves from two workers, replaces one that dies (the other lives on), and stops all on SIGTERM", async () => {
    const primaryPid = primary.child.pid as number;
    const workers = await waitFor("two workers", () => {
      const found = childrenOf(primaryPid);
      return found.length === 2 ? found : undefined;
    });
    expect(await request(`${primary.origin}/readyz`)).toBe(200);

    const [victim, survivor] = workers as [number, number];
    process.kill(victim, "SIGKILL");
    const replaced = await waitFor("a replacement worker", () => {
      const found = childrenOf(primaryPid);
      return found.length === 2 && !found.includes(victim) ? found : undefined;
    });
    expect(replaced).toContain(survivor);
    // A connection the primary handed to the victim in the instant it died is lost with it (node:cluster's round
    // robin cannot take it back): clients retry, as they must for any process that dies. Once the replacement is
    // up, every connection is served.
    for (let i = 0; i < 4; i++) expect(await request(`${primary.origin}/readyz`)).toBe(200);
    const login = { email: "admin@contoso.test", password: "Allot-demo-1" };
    expect(await request(`${primary.origin}/api/auth/login`, "POST", login)).toBe(200);

    const exited = new Promise<number | null>((resolve) => primary.child.once("exit", (code) => resolve(code)));
    primary.child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(childrenOf(primaryPid)).toEqual([]);
    for (const pid of replaced) expect(() => process.kill(pid, 0)).toThrow();
  }, 90_000);
});
