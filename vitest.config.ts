import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

// Three projects: pure unit tests beside the code, the web app's tests in a browser-like DOM, and API integration
// tests against a real PostgreSQL.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          sequence: { groupOrder: 0 },
          include: ["packages/*/src/**/*.test.ts", "apps/*/src/**/*.test.ts"],
          // The web app's tests run in the "web" project below.
          exclude: [...configDefaults.exclude, "apps/web/**"],
          environment: "node",
        },
      },
      {
        // The web app's units: pure modules, hooks (renderHook) and components (Testing Library) in jsdom, with the
        // `@/` alias of apps/web/vite.config.ts.
        resolve: { alias: { "@": fileURLToPath(new URL("./apps/web/src", import.meta.url)) } },
        test: {
          name: "web",
          sequence: { groupOrder: 0 },
          include: ["apps/web/src/**/*.test.{ts,tsx}"],
          environment: "jsdom",
          // Testing Library unmounts what a test rendered through a global afterEach, when there is one.
          globals: true,
        },
      },
      {
        test: {
          name: "api",
          // Runs after the unit projects, with its own worker limit.
          sequence: { groupOrder: 1 },
          include: ["apps/api/test/**/*.test.ts"],
          globalSetup: ["apps/api/test/global-setup.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 120_000,
          // Each file gets its own database; two at a time suit a 2-core machine.
          maxWorkers: 2,
        },
      },
      {
        // The `allot` command line end to end: the real bin against the real API process on a fresh database.
        test: {
          name: "cli",
          // After the API tests (a group runs its projects together, and these take one worker, not two).
          sequence: { groupOrder: 2 },
          include: ["apps/cli/test/**/*.test.ts"],
          globalSetup: ["apps/api/test/global-setup.ts"],
          environment: "node",
          testTimeout: 240_000,
          hookTimeout: 120_000,
          maxWorkers: 1,
        },
      },
    ],
  },
});
