// `pnpm dev`: the API with reload on change (port 3000) and Vite with HMR (port 5173) proxying /api to it.
import { spawn } from "node:child_process";

const children = [
  spawn("pnpm", ["--filter", "@allot/api", "run", "dev"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "development" },
  }),
  spawn("pnpm", ["--filter", "@allot/web", "run", "dev"], { stdio: "inherit" }),
];
const stop = () => {
  for (const child of children) child.kill("SIGTERM");
};
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, stop);
for (const child of children)
  child.on("exit", (code) => {
    stop();
    process.exitCode = code ?? 0;
  });
