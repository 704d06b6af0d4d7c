// The real portal as its own process (apps/api/src/server.ts, as `pnpm start` runs it) serving the built web app
// on a bench database, for benches that drive a browser.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { freePort } from "../../apps/api/src/lib/free-port.js";

const apiDir = fileURLToPath(new URL("../../apps/api/", import.meta.url));
export const webDist = fileURLToPath(new URL("../../apps/web/dist/", import.meta.url));

export interface WebServer {
  baseUrl: string;
  /** The server's pid, to read its CPU time. */
  pid: number;
  /** What the server printed to stderr (its warnings and errors), for a failure's message. */
  errors(): string;
  stop(): Promise<void>;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Starts the server on a free port and waits for /readyz; throws (and stops it) if it does not get ready. */
export async function startWebServer(databaseUrl: string): Promise<WebServer> {
  if (!existsSync(`${webDist}index.html`)) {
    throw new Error("apps/web/dist has no build: run `pnpm --filter @allot/web run build` first");
  }
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    cwd: apiDir,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "test",
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      WEB_DIST: webDist,
      LOG_LEVEL: "warn",
    },
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-8_000);
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const server: WebServer = {
    baseUrl,
    pid: child.pid ?? 0,
    errors: () => stderr,
    stop: () => stopChild(child),
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}): ${stderr}`);
    const ready = await fetch(`${baseUrl}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return server;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await server.stop();
  throw new Error(`the server did not get ready in 120 s: ${stderr}`);
}
