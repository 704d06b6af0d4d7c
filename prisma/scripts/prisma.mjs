// Runs the Prisma CLI with DATABASE_URL always set: unset, the CLI tries to download an engine (DESIGN.md §3).
import { spawnSync } from "node:child_process";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

const cwd = dirname(dirname(fileURLToPath(import.meta.url)));
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
env.DATABASE_URL ||= "postgresql://postgres@127.0.0.1:5432/allot";
const result = spawnSync("prisma", process.argv.slice(2), {
  cwd,
  env,
  stdio: "inherit",
  shell: process.platform === "win32",
});
process.exit(result.status ?? 1);
