// A real HAProxy (Debian's /usr/sbin/haproxy) in front of API processes, round robin with /readyz checks, for the
// scale bench; stopped by the caller (also on failure).
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../../apps/api/src/lib/free-port.js";

export interface RunningHaproxy {
  origin: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startHaproxy(backends: readonly string[]): Promise<RunningHaproxy> {
  const binary = "/usr/sbin/haproxy";
  if (!existsSync(binary)) throw new Error(`${binary} is missing: install Debian's haproxy (apt-get install haproxy)`);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "allot-bench-haproxy-"));
  const config = join(dir, "haproxy.cfg");
  writeFileSync(
    config,
    [
      "global",
      "  maxconn 4096",
      "defaults",
      "  mode http",
      "  option forwardfor",
      "  timeout connect 2s",
      "  timeout client 60s",
      "  timeout server 60s",
      "  http-reuse safe",
      // A loaded machine answers /readyz slowly: a check must not take a busy process out of the rotation.
      "  timeout check 10s",
      "frontend portal_in",
      `  bind 127.0.0.1:${port}`,
      "  default_backend portals",
      "backend portals",
      "  balance roundrobin",
      "  option httpchk GET /readyz",
      "  http-check expect status 200",
      ...backends.map((origin, i) => `  server api_${i} ${new URL(origin).host} check inter 2s fall 3 rise 1`),
      "",
    ].join("\n"),
  );
  let output = "";
  const child: ChildProcess = spawn(binary, ["-db", "-f", config], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    const response = await fetch(`${origin}/readyz`).catch(() => null);
    await response?.body?.cancel();
    if (response?.status === 200) break;
    if (Date.now() > deadline || child.exitCode !== null) {
      await stop();
      throw new Error(`HAProxy did not answer in 15 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  // Every backend up: a check interval after the first good answer.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  return { origin, pid: child.pid as number, stop };
}
