// The real `allot` bin as a child process (node bin/allot.mjs, as `pnpm allot` runs it), with its own config folder,
// which is also its working folder (files it writes, such as one-time passwords, stay out of the repository).
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const bin = join(dirname(fileURLToPath(import.meta.url)), "..", "bin", "allot.mjs");

export interface AllotResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A terminal-less user of the CLI: a config folder of its own (XDG_CONFIG_HOME), no ALLOT_* unless given. */
export function allotUser() {
  const configHome = mkdtempSync(join(tmpdir(), "allot-cli-test-"));
  const run = (args: readonly string[], env: Record<string, string> = {}, cwd?: string): Promise<AllotResult> => {
    const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("ALLOT_")));
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        [bin, ...args],
        {
          env: { ...base, XDG_CONFIG_HOME: configHome, ...env },
          cwd: cwd ?? configHome,
          maxBuffer: 64 * 1024 * 1024,
          timeout: 240_000,
        },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
          resolve({ code, stdout, stderr });
        },
      );
    });
  };
  return {
    configHome,
    configFile: join(configHome, "allot", "config.json"),
    run,
    cleanUp: () => rmSync(configHome, { recursive: true, force: true }),
  };
}
