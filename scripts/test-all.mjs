// `pnpm test`: the whole suite, in the order a failure is cheapest to find: lint, Prisma client, typecheck,
// schema drift, unit, API integration (real PostgreSQL), web build, end-to-end (real Chromium). Stops at the first
// failing step; ends with each runner's own summary and one total line.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const reports = join(root, "test-results");
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const env = { ...process.env };
env.DATABASE_URL ||= "postgresql://postgres@127.0.0.1:5432/postgres";
env.CHROMIUM_PATH ||= ensureChromium();
// The API tests run the API through a real PgBouncer, and two API processes behind a real HAProxy.
ensureDebianTool("/usr/sbin/pgbouncer", "pgbouncer", "the API tests run the API through it in transaction mode");
ensureDebianTool("/usr/sbin/haproxy", "haproxy", "the scale-out test runs two API processes behind it");

const steps = [
  ["lint", "pnpm", ["run", "lint"]],
  ["prisma generate", "pnpm", ["--filter", "@allot/db", "run", "generate"]],
  ["typecheck", "pnpm", ["run", "typecheck"]],
  ["schema drift", "pnpm", ["--filter", "@allot/db", "run", "drift"]],
  [
    "unit + API tests",
    "pnpm",
    [
      "exec",
      "vitest",
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${join(reports, "vitest.json")}`,
    ],
  ],
  ["web build", "pnpm", ["--filter", "@allot/web", "run", "build"]],
  [
    "end-to-end",
    "pnpm",
    ["--filter", "@allot/e2e", "exec", "playwright", "test", "--reporter=list,json"],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, "playwright.json") },
  ],
];

for (const [name, command, args, extraEnv] of steps) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...env, ...extraEnv } });
  console.log(`◀ ${name}: ${result.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.status !== 0) {
    summary();
    process.exit(result.status ?? 1);
  }
}
summary();

function ensureChromium() {
  const found = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((candidate) => existsSync(candidate));
  if (found) return found;
  ensureDebianTool("/usr/bin/chromium", "chromium", "the end-to-end tests run in it; or set CHROMIUM_PATH");
  return "/usr/bin/chromium";
}

/** A tool from Debian's packages that a test runs for real, installed when missing (as root with apt-get). */
function ensureDebianTool(path, pkg, why) {
  if (existsSync(path)) return;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (isRoot && hasApt) {
    console.log(`Installing Debian's ${pkg} for the tests (apt-get)…`);
    const install = spawnSync(
      "sh",
      ["-c", `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${pkg}`],
      { stdio: "inherit" },
    );
    if (install.status === 0 && existsSync(path)) return;
  }
  console.error(`No ${pkg} found: install the \`${pkg}\` package (${why}).`);
  process.exit(1);
}

function summary() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const vitest = join(reports, "vitest.json");
  if (existsSync(vitest)) {
    const report = JSON.parse(readFileSync(vitest, "utf8"));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
  }
  const playwright = join(reports, "playwright.json");
  if (existsSync(playwright)) {
    const { stats } = JSON.parse(readFileSync(playwright, "utf8"));
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected;
    skipped += stats.skipped;
  }
  console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
}
