import { defineConfig } from "vitest/config";

// Two projects: pure unit tests beside the code, and API integration tests against a real PostgreSQL.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          sequence: { groupOrder: 0 },
          include: ["packages/*/src/**/*.test.ts", "apps/*/src/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "api",
          // Runs after the unit project, with its own worker limit.
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
    ],
  },
});
