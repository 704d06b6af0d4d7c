import { readdirSync, statSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/**
 * The specs run on E2E_SERVERS servers at once (default 2), each the API serving the built web app on a fresh
 * seeded database of its own (scripts/e2e-server.mjs) on E2E_PORT, E2E_PORT + 1, …; one worker per server. A spec
 * file runs whole on one server, its tests in order, so specs never see each other's writes half done. Files are
 * dealt out largest first to the server with the least so far (size stands in for running time), which keeps the
 * servers' shares even as specs are added without a list to maintain.
 */
const firstPort = Number(process.env.E2E_PORT ?? 3100);
const servers = Math.max(1, Number(process.env.E2E_SERVERS ?? 2));
const testDir = "./tests";

function dealSpecs(count: number): string[][] {
  const shares = Array.from({ length: count }, () => ({ size: 0, files: [] as string[] }));
  const specs = readdirSync(new URL(testDir, import.meta.url))
    .filter((file) => file.endsWith(".spec.ts"))
    .map((file) => ({ file, size: statSync(new URL(`${testDir}/${file}`, import.meta.url)).size }))
    .sort((a, b) => b.size - a.size || a.file.localeCompare(b.file));
  for (const spec of specs) {
    const least = shares.reduce((min, share) => (share.size < min.size ? share : min));
    least.size += spec.size;
    least.files.push(spec.file);
  }
  return shares.map((share) => share.files);
}

const shares = dealSpecs(servers);
const baseUrlOf = (index: number) => `http://127.0.0.1:${firstPort + index}`;

export default defineConfig({
  testDir,
  fullyParallel: false,
  workers: servers,
  retries: 0,
  reporter: "list",
  forbidOnly: Boolean(process.env.CI),
  // Two servers and two browsers share the cores: a long spec that took 40 s alone may take twice that.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  use: {
    locale: "en-GB",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  // One project per server: its share of the spec files, against its own base URL, one test at a time (without the
  // project's own limit, both workers could take files of the same server and meet in its database).
  projects: shares.map((files, index) => ({
    name: servers === 1 ? "chromium" : `chromium-${index + 1}`,
    workers: 1,
    testMatch: files.map((file) => new RegExp(`[\\\\/]${file.replaceAll(".", "\\.")}$`)),
    use: { ...devices["Desktop Chrome"], channel: undefined, baseURL: baseUrlOf(index) },
  })),
  webServer: shares.map((_, index) => ({
    command: "node ../scripts/e2e-server.mjs",
    url: `${baseUrlOf(index)}/readyz`,
    reuseExistingServer: false,
    timeout: 120_000,
    // SIGTERM lets the server drop its database; Playwright's default is to kill it outright.
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 10_000 },
    env: { PORT: String(firstPort + index) },
    stdout: "pipe" as const,
    stderr: "pipe" as const,
  })),
});
