// The portal's real start command (`node --import tsx src/server.ts`) as a child process on a given database, as
// scripts/e2e-server.mjs starts it, for tests that SIGKILL the API. Every child is killed when the test process
// exits, so none outlives a failed or interrupted run.

import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../src/lib/free-port.js";

const apiDir = join(dirname(fileURLToPath(import.meta.url)), "..");

export interface ApiProcess {
  origin: string;
  child: ChildProcess;
  /** How PostgreSQL names this process's sessions (pg_stat_activity.application_name). */
  applicationName: string;
  /** From spawn to the server accepting requests. */
  startMs: number;
  /** SIGKILL, resolved once the process is gone. */
  kill(): Promise<void>;
}

const living = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of living) child.kill("SIGKILL");
});

export async function startApiProcess(
  databaseUrl: string,
  applicationName: string,
  /** More environment for the process (e.g. shared TOKEN_SIGNING_KEYS, TRUST_PROXY behind a proxy). */
  env: Record<string, string> = {},
): Promise<ApiProcess> {
  const url = new URL(databaseUrl);
  url.searchParams.set("application_name", applicationName);
  const port = await freePort();
  const startedAt = Date.now();
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    cwd: apiDir,
    env: {
      ...process.env,
      NODE_ENV: "test",
      DATABASE_URL: url.toString(),
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  living.add(child);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  void exited.then(() => living.delete(child));
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
  };

  let output = "";
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the API did not start in 60 s:\n${output}`)), 60_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        // server.ts prints this line once it listens.
        if (output.includes("Allot is running")) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on("data", onData);
      child.stderr?.on("data", onData);
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the API exited (${code ?? signal}) before it started:\n${output}`));
      });
    });
  } catch (error) {
    await kill();
    throw error;
  }
  return { origin: `http://127.0.0.1:${port}`, child, applicationName, startMs: Date.now() - startedAt, kill };
}
